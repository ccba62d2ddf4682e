package org.sss.conformance.check;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.PacketHeader;

/**
 * Rules on the IUT's MESSAGE boxes and packet numbers (SPEC.md 4.3, 4.4, 6.1, 6.3, 6.4): every MESSAGE
 * that names the channel opens under {@code K} with the responder's prefix and its counter, the
 * header repeats the counter, and no counter value is used twice.
 */
final class BoxRules {
    private static final NoncePrefix[] WRONG_PREFIXES = {NoncePrefix.MESSAGE_FROM_INITIATOR, NoncePrefix.HELLO,
        NoncePrefix.INITIATE};

    private BoxRules() {
    }

    static List<PacketRule> rules() {
        return List.of(
                new PacketRule("CHN-SEND-1", "every MESSAGE naming the channel opens under K with cUVVYcp-SERVER-m "
                        + "and its counter", BoxRules::opens),
                new PacketRule("CRY-NONCE-1", "no MESSAGE box is sealed under another row's nonce prefix",
                        BoxRules::prefix),
                new PacketRule("CHN-HDR-5", "the header's packet number is the low bits of the box's counter",
                        BoxRules::headerNumber),
                new PacketRule("CRY-NONCE-3", "the compressed nonce is be64 of the counter the header repeats",
                        BoxRules::headerNumber),
                new PacketRule("PKT-ENC-1", "the counter and the header's packet number agree read big-endian",
                        BoxRules::headerNumber),
                new PacketRule("CRY-CTR-3", "no counter value is used for two different packets",
                        BoxRules::noReuse),
                new PacketRule("CHN-PN-2", "no packet number is used twice in the IUT's direction",
                        BoxRules::noReuse));
    }

    private static List<Exchange.Packet> naming(Exchange ex) {
        return Stream.concat(ex.iutPackets().stream(), ex.iutUnopened().stream())
                .sorted(Comparator.comparingInt(Exchange.Packet::index)).toList();
    }

    private static void opens(Exchange ex, Findings f) {
        for (Exchange.Packet p : naming(ex)) {
            f.judged();
            if (p.dissection() == null) {
                f.violation("expected box(plaintext, \"cUVVYcp-SERVER-m\" || be64(" + Long.toUnsignedString(p.number())
                        + "), I', r') to open under the channel's K; observed a box that does not open", p);
            }
        }
    }

    private static void prefix(Exchange ex, Findings f) {
        for (Exchange.Packet p : naming(ex)) {
            f.judged();
            if (p.dissection() != null) {
                continue;
            }
            for (NoncePrefix wrong : WRONG_PREFIXES) {
                if (ex.openWith(p.datagram(), wrong).isPresent()) {
                    f.violation("expected the prefix \"cUVVYcp-SERVER-m\"; observed a box sealed under \""
                            + new String(wrong.bytes(), StandardCharsets.US_ASCII) + "\"", p);
                }
            }
        }
    }

    private static void headerNumber(Exchange ex, Findings f) {
        for (Exchange.Packet p : ex.iutPackets()) {
            PacketHeader h = p.dissection().header();
            if (h == null) {
                continue;
            }
            f.judged();
            long expected = new PacketHeader(h.flags(), 0, p.number()).packetNumberLow();
            if (h.packetNumberLow() != expected) {
                f.violation("expected the header's " + h.packetNumberWidth() + "-byte packet number to be the low bits of "
                        + "the counter " + Long.toUnsignedString(p.number()) + " (" + Long.toUnsignedString(expected)
                        + "); observed " + Long.toUnsignedString(h.packetNumberLow()), p);
            }
        }
    }

    private static void noReuse(Exchange ex, Findings f) {
        Map<Long, Exchange.Packet> seen = new HashMap<>();
        for (Exchange.Packet p : naming(ex)) {
            f.judged();
            Exchange.Packet earlier = seen.putIfAbsent(p.number(), p);
            // a byte-identical copy is a duplicate made by the network, not a second packet of the IUT
            if (earlier != null && !Arrays.equals(earlier.datagram().bytes(), p.datagram().bytes())) {
                f.violation("expected a new counter value for every packet; observed counter "
                        + Long.toUnsignedString(p.number()) + " again (first in datagram #" + earlier.index()
                        + ", with other contents)", p);
            }
        }
    }
}
