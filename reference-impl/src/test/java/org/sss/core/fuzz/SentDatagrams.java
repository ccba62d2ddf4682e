package org.sss.core.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.sss.core.negotiation.DatagramSink;

/** A {@link DatagramSink} that copies out and releases every datagram, keeping the copies in order. */
final class SentDatagrams implements DatagramSink {

    /** One datagram sent. */
    record Sent(byte[] bytes, InetSocketAddress recipient) {
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(ByteBuf datagram, InetSocketAddress recipient) {
        try {
            sent.add(new Sent(ByteBufUtil.getBytes(datagram), recipient));
        } finally {
            datagram.release();
        }
    }
}
