package org.sss.core.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.sss.core.negotiation.DatagramSink;

/** A sink that copies every datagram into a queue (and a full history) and releases the buffer. */
final class QueueSink implements DatagramSink {
    final Deque<byte[]> queue = new ArrayDeque<>();
    final List<byte[]> history = new ArrayList<>();
    final List<InetSocketAddress> recipients = new ArrayList<>();

    @Override
    public void send(ByteBuf datagram, InetSocketAddress recipient) {
        try {
            byte[] bytes = ByteBufUtil.getBytes(datagram);
            queue.addLast(bytes);
            history.add(bytes);
            recipients.add(recipient);
        } finally {
            datagram.release();
        }
    }

    /** The oldest queued datagram; fails when there is none. */
    byte[] take() {
        byte[] next = queue.pollFirst();
        if (next == null) {
            throw new AssertionError("no datagram was sent");
        }
        return next;
    }

    /** Every queued datagram, oldest first, emptying the queue. */
    List<byte[]> drain() {
        List<byte[]> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }
}
