package org.sss.tools.capture;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.wire.Magic;
import org.sss.core.transport.DatagramTap;

/** The datagrams a host sent, kept for the replay attacks: an attacker resends what it "captured". */
final class SentDatagrams implements DatagramTap {
    private final List<byte[]> sent = new ArrayList<>();

    @Override
    public void onDatagram(Direction direction, byte[] payload, InetSocketAddress local, InetSocketAddress remote,
            Instant time) {
        if (direction == Direction.SENT) {
            synchronized (sent) {
                sent.add(payload);
            }
        }
    }

    /** The sent datagrams that start with {@code magic}, in the order they were sent (copies). */
    List<byte[]> of(Magic magic) {
        List<byte[]> out = new ArrayList<>();
        synchronized (sent) {
            for (byte[] datagram : sent) {
                if (magic.starts(datagram)) {
                    out.add(datagram.clone());
                }
            }
        }
        return out;
    }
}
