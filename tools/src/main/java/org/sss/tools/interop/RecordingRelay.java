package org.sss.tools.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.DatagramLog;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.responder.Violation;
import org.sss.conformance.peer.responder.WireRules;
import org.sss.tools.relay.DatagramHook;
import org.sss.tools.relay.UdpRelay;

/**
 * A {@link UdpRelay} owned by the suite between an initiator and a responder on loopback that forwards
 * everything and logs every datagram; {@link #violations()} applies the cleartext rules of
 * {@link WireRules} to both directions.
 */
final class RecordingRelay implements AutoCloseable {
    private final DatagramLog toResponder = new DatagramLog();
    private final DatagramLog toInitiator = new DatagramLog();
    private final UdpRelay relay;

    RecordingRelay(InetSocketAddress responder) throws IOException {
        this.relay = new UdpRelay(responder, this::record, "sss-interop-relay");
    }

    /** Where the initiator is to send. */
    InetSocketAddress address() {
        try {
            return relay.address();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many datagrams went each way: initiator to responder, responder to initiator. */
    int[] counts() {
        return new int[] {toResponder.entries().size(), toInitiator.entries().size()};
    }

    /** The cleartext rules the recorded exchange broke, initiator's datagrams first. */
    List<Violation> violations() {
        WireRules rules = new WireRules();
        List<Violation> out = new ArrayList<>();
        toResponder.entries().forEach(d -> out.addAll(rules.fromInitiator(d)));
        toInitiator.entries().forEach(d -> out.addAll(rules.fromResponder(d)));
        return out;
    }

    private boolean record(DatagramHook.Direction direction, InetSocketAddress initiator, byte[] datagram) {
        if (direction == DatagramHook.Direction.TO_RESPONDER) {
            toResponder.record(LoggedDatagram.Direction.RECEIVED, initiator, datagram);
        } else {
            toInitiator.record(LoggedDatagram.Direction.SENT, initiator, datagram);
        }
        return true;
    }

    @Override
    public void close() {
        try {
            relay.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
