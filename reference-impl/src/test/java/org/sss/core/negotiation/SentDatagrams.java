package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;

/** A {@link DatagramSink} that queues what is sent, as the in-memory wire of the tests. */
final class SentDatagrams implements DatagramSink {
    /** One sent datagram: its bytes (copied, the buffer released) and its recipient. */
    record Sent(byte[] bytes, InetSocketAddress recipient) {
    }

    private final Deque<Sent> queue = new ArrayDeque<>();

    @Override
    public void send(ByteBuf datagram, InetSocketAddress recipient) {
        try {
            queue.add(new Sent(ByteBufUtil.getBytes(datagram), recipient));
        } finally {
            datagram.release();
        }
    }

    /** The oldest datagram not yet taken. */
    Sent take() {
        Sent sent = queue.poll();
        if (sent == null) {
            throw new AssertionError("nothing was sent");
        }
        return sent;
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void clear() {
        queue.clear();
    }
}
