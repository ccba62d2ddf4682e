package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.sss.core.negotiation.DatagramSink;

/**
 * An in-memory wire for the sans-I/O layers: keeps what is sent, in order, or releases it at once
 * while {@link #discarding(boolean) discarding}. Not thread-safe.
 */
final class DatagramQueue implements DatagramSink {
    private final ArrayDeque<ByteBuf> queued = new ArrayDeque<>();
    private boolean discard;

    @Override
    public void send(ByteBuf datagram, InetSocketAddress recipient) {
        if (discard) {
            datagram.release();
        } else {
            queued.addLast(datagram);
        }
    }

    /** From now on, release what is sent instead of keeping it. */
    DatagramQueue discarding(boolean value) {
        discard = value;
        return this;
    }

    boolean isEmpty() {
        return queued.isEmpty();
    }

    /** The oldest datagram kept; the caller owns it. */
    ByteBuf take() {
        ByteBuf datagram = queued.pollFirst();
        if (datagram == null) {
            throw new IllegalStateException("nothing was sent");
        }
        return datagram;
    }

    /** Releases everything kept. */
    void clear() {
        while (!queued.isEmpty()) {
            queued.pollFirst().release();
        }
    }
}
