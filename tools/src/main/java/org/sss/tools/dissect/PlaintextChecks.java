package org.sss.tools.dissect;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.check.ChannelFacts;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.check.Exchange;
import org.sss.conformance.check.PacketRule;
import org.sss.conformance.check.PacketRules;
import org.sss.conformance.check.Violation;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * The requirements one opened plaintext breaks on its own, whoever sent it (SPEC.md 6.2, 6.3, 7): the
 * conformance suite's per-plaintext packet rules, and the receiver-side frame checks of section 7 that
 * a sender's frame triggers (an empty STREAM frame without FIN, a STREAM offset overflow, ACK ranges
 * out of order or out of bounds).
 *
 * <p>The conformance rules judge only the responder's packets of an {@link Exchange}. To apply them to
 * any plaintext (the initiator's direction, the message of an INITIATE), the plaintext is sealed anew
 * as the only MESSAGE of a one-packet exchange under throwaway keys, with the packet's own counter:
 * the rules listed here read nothing but the plaintext and that counter, so their verdict is the
 * verdict on the captured packet.
 */
final class PlaintextChecks {
    /**
     * The conformance rules that judge one plaintext and its counter alone (PlaintextRules and the
     * header-number rules of BoxRules). An ID the suite no longer has is skipped.
     */
    static final List<String> PER_PLAINTEXT = List.of("CHN-PLAIN-1", "PKT-ENC-4", "CHN-HDR-3", "NEG-VER-2",
            "FRM-GEN-5", "FRM-STREAM-1", "FRM-GEN-1", "STR-ROOT-1", "PKT-ENC-2", "FRM-CLOSE-1", "FRM-ERR-1",
            "FRM-MAXD-1", "FRM-MAXSD-3", "FRM-SET-2", "FRM-ACK-1", "CHN-HDR-5", "CRY-NONCE-3", "PKT-ENC-1");
    private static final long MAX_62 = (1L << 62) - 1;
    private static final byte[] KEY = filled(1);
    private static final byte[] INITIATOR = filled(2);
    private static final byte[] RESPONDER = filled(3);
    private static final ChannelFacts FACTS = new ChannelFacts(filled(4), filled(5), KEY, INITIATOR, RESPONDER,
            new PeerFrame.Settings(List.of()), List.of());
    private static final InetSocketAddress NOWHERE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);

    private PlaintextChecks() {
    }

    /**
     * The marks of one plaintext.
     *
     * @param dissection the plaintext's dissection
     * @param counter the nonce counter of the box that carried it (the packet number, CHN-HDR-5)
     */
    static List<Mark> check(Dissection dissection, long counter) {
        List<Mark> marks = new ArrayList<>(conformanceRules(dissection.plaintext(), counter));
        marks.addAll(frameChecks(dissection));
        return marks;
    }

    private static List<Mark> conformanceRules(byte[] plaintext, long counter) {
        byte[] box = Nacl.secretbox(plaintext, NoncePrefix.MESSAGE_FROM_RESPONDER.withCounter(counter), KEY);
        LoggedDatagram resealed = new LoggedDatagram(LoggedDatagram.Direction.RECEIVED, 0, Instant.EPOCH, NOWHERE,
                Packets.message(RESPONDER, counter, box));
        Exchange exchange = Exchange.of(FACTS, List.of(resealed));
        List<Mark> marks = new ArrayList<>();
        for (String id : PER_PLAINTEXT) {
            PacketRule rule = PacketRules.of(id);
            if (rule == null) {
                continue;
            }
            for (Violation v : rule.check(exchange).violations()) {
                marks.add(Mark.of(v.requirement(), v.explanation()));
            }
        }
        return marks;
    }

    /** Section 7's receiver checks on frames that parsed, which a correct sender never triggers. */
    private static List<Mark> frameChecks(Dissection d) {
        List<Mark> marks = new ArrayList<>();
        for (Dissection.Slice s : d.frames()) {
            if (s.frame() instanceof PeerFrame.Stream st) {
                if (st.data().length == 0 && (st.flags() & PeerFrame.Stream.FIN) == 0) {
                    marks.add(new Mark("FRM-STREAM-3", "expected data or FIN in the STREAM frame at offset "
                            + s.offset() + " (LSID " + st.lsid() + "); observed neither"));
                }
                if (Long.compareUnsigned(st.offset(), MAX_62) > 0 || st.offset() + st.data().length > MAX_62) {
                    marks.add(new Mark("FRM-STREAM-4", "expected offset plus data length <= 2^62 - 1 in the STREAM "
                            + "frame at offset " + s.offset() + "; observed offset "
                            + Long.toUnsignedString(st.offset())
                            + " and " + st.data().length + " bytes"));
                }
            }
            if (s.frame() instanceof PeerFrame.Ack ack) {
                String fault = ackFault(ack);
                if (fault != null) {
                    marks.add(new Mark("FRM-ACK-4", "expected a valid ACK at offset " + s.offset() + "; observed "
                            + fault));
                }
            }
        }
        return marks;
    }

    /** What makes {@code ack} ACK_RANGE_INVALID (FRM-ACK-4), or null; its ranges are reconstructed (FRM-ACK-2). */
    static String ackFault(PeerFrame.Ack ack) {
        long least = ack.leastUnacked();
        long largest = ack.largestObserved();
        if (Long.compareUnsigned(least, largest + 1) > 0 && largest != -1L) {
            return "least_unacked " + Long.toUnsignedString(least) + " above largest_observed + 1 ("
                    + Long.toUnsignedString(largest) + " + 1)";
        }
        long below = largest;
        for (PeerFrame.NackRange r : ack.nackRanges()) {
            long first = r.firstMissing();
            long last = first + r.runLength() - 1;
            if (largest == 0 || Long.compareUnsigned(first, least) < 0 || Long.compareUnsigned(last, largest - 1) > 0
                    || Long.compareUnsigned(last, first) < 0) {
                return "a NACK range " + Long.toUnsignedString(first) + ".." + Long.toUnsignedString(last)
                        + " outside [least_unacked, largest_observed - 1] = [" + Long.toUnsignedString(least) + ", "
                        + Long.toUnsignedString(largest - 1) + "]";
            }
            if (Long.compareUnsigned(last, below) >= 0) {
                return "a NACK range " + Long.toUnsignedString(first) + ".." + Long.toUnsignedString(last)
                        + " that does not end below the range listed before it";
            }
            below = first;
        }
        return null;
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[Nacl.KEY_BYTES];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
