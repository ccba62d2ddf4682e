package org.sss.conformance.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * What the section 7 steps share: sending a packet whose last frame must end the plaintext, the
 * IUT's packet numbers, and the fail-fast check that the IUT did not close the channel.
 */
final class FrameChecks {
    private FrameChecks() {
    }

    /**
     * Sends {@code frames} in one MESSAGE with the next packet number, padding placed before the last
     * frame so that its bytes end the plaintext (a truncated frame stays truncated). The channel's
     * SETTINGS and version field must already be acknowledged, as they are once it is established.
     *
     * @return the packet number
     */
    static long sendEndingWith(TesterPeer peer, List<? extends PeerFrame> frames) {
        long pn = peer.nextPacketNumber();
        return peer.sendSealed(PlaintextEncoder.paddedBeforeLast(PacketHeader.of(pn, false), frames));
    }

    /** Fails at once, naming the requirement, when the IUT has closed the channel. */
    static void assertNotClosed(TesterPeer peer, String requirement) {
        PeerFrame.Close close = peer.closeReceived();
        if (close != null) {
            throw new AssertionError(requirement + ": expected the IUT to keep the channel open, but it closed it with "
                    + ErrorCode.nameOf(close.errorCode()) + " ('" + close.reason() + "')");
        }
    }

    /** The numbers of every packet accepted from the IUT so far. */
    static Set<Long> receivedNumbers(TesterPeer peer) {
        Set<Long> numbers = new TreeSet<>();
        peer.receivedPackets().forEach(p -> numbers.add(p.packetNumber()));
        return numbers;
    }

    /** The packets accepted from the IUT after the first {@code mark} ones. */
    static List<ReceivedPacket> since(TesterPeer peer, int mark) {
        List<ReceivedPacket> all = peer.receivedPackets();
        return new ArrayList<>(all.subList(Math.min(mark, all.size()), all.size()));
    }

    /** Every ACK in {@code packet}, the final ACK of a CLOSE included. */
    static List<PeerFrame.Ack> acks(ReceivedPacket packet) {
        List<PeerFrame.Ack> acks = new ArrayList<>(packet.framesOf(PeerFrame.Ack.class));
        packet.framesOf(PeerFrame.Close.class).forEach(c -> acks.add(c.finalAck()));
        return acks;
    }

    /** Parses {@code 0x1F}-style hexadecimal or decimal numbers as the feature files write them. */
    static long number(String text) {
        String t = text.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }
}
