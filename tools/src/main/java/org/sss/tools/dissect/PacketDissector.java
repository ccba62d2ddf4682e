package org.sss.tools.dissect;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.check.Dissector;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.spec.kaitai.Sss;

/**
 * Dissects one datagram: the packet kind by its magic (SPEC.md 3.1), the length rules of SPEC.md 3.3,
 * the outer fields as the Kaitai parser of {@code sss.ksy} reads them, and, when the keylog names the
 * channel, the opened box of an INITIATE or MESSAGE split into header and frames by the conformance
 * suite's {@link Dissector}, and the opened plaintext checked by {@link PlaintextChecks}. HELLO and
 * COOKIE boxes stay opaque: they are under long-term keys the keylog does not hold.
 */
final class PacketDissector {
    /** SPEC.md 3.3: the largest UDP payload (PKT-SIZE-7). */
    static final int MAX_PAYLOAD = 1232;
    private static final int INITIATE_BOX_HEAD = 96;

    private final ChannelKeys keys;

    PacketDissector(ChannelKeys keys) {
        this.keys = keys;
    }

    /** The dissection of {@code datagram}, the {@code index}th of its capture. */
    DissectedPacket dissect(int index, CapturedDatagram datagram) {
        byte[] b = datagram.payload();
        Magic magic = Magic.of(b);
        List<Mark> violations = new ArrayList<>(lengthViolations(magic, b));
        if (b.length > MAX_PAYLOAD) {
            violations.add(new Mark("PKT-SIZE-7", "a UDP payload of " + b.length + " bytes exceeds " + MAX_PAYLOAD));
        }
        Map<String, String> outer = new LinkedHashMap<>();
        Map<String, String> decrypted = new LinkedHashMap<>();
        Long counter = null;
        String box = "none";
        Dissection dissection = null;
        if (b.length >= 8) {
            outer.put("magic", Hex.of(Arrays.copyOf(b, 8)));
        }
        Object body = outerBody(b, outer);
        if (body instanceof Sss.HelloPacket hello) {
            outer.put("I'", Hex.of(hello.initiatorShortTermPk()));
            counter = hello.nonceCounter();
            box = "opaque (under the responder's long-term key)";
        } else if (body instanceof Sss.CookiePacket cookie) {
            outer.put("nonce", Hex.of(cookie.nonceRandom()));
            box = "opaque (under the responder's long-term key)";
        } else if (body instanceof Sss.InitiatePacket initiate) {
            outer.put("I'", Hex.of(initiate.initiatorShortTermPk()));
            counter = initiate.nonceCounter();
            Optional<ChannelKeys.Opener> opener = keys.initiateOpener(b, datagram.source());
            Optional<byte[]> plain = open(opener, NoncePrefix.INITIATE, counter, Arrays.copyOfRange(b, 144, b.length));
            box = describeBox(opener, plain, "initiator");
            if (plain.isPresent() && plain.get().length >= INITIATE_BOX_HEAD) {
                byte[] p = plain.get();
                decrypted.put("I", Hex.of(Arrays.copyOf(p, 32)));
                decrypted.put("vouch nonce", Hex.of(Arrays.copyOfRange(p, 32, 48)));
                dissection = Dissector.dissect(Arrays.copyOfRange(p, INITIATE_BOX_HEAD, p.length));
            }
        } else if (body instanceof Sss.MessagePacket message) {
            outer.put("sender key", Hex.of(message.senderShortTermPk()));
            counter = message.nonceCounter();
            Optional<ChannelKeys.Opener> opener = keys.opener(message.senderShortTermPk());
            Optional<byte[]> plain = open(opener, null, counter, Arrays.copyOfRange(b, 48, b.length));
            box = describeBox(opener, plain, opener.map(o -> o.prefix() == NoncePrefix.MESSAGE_FROM_INITIATOR
                    ? "initiator" : "responder").orElse(null));
            dissection = plain.map(Dissector::dissect).orElse(null);
        }
        if (dissection != null) {
            violations.addAll(PlaintextChecks.check(dissection, counter));
        }
        return new DissectedPacket(index, datagram.time(), datagram.source(), datagram.target(), kind(magic, b),
                b, counter, outer, violations, box, decrypted, dissection);
    }

    /** The packet's body as the Kaitai parser reads it, or null; a parse failure is noted in {@code outer}. */
    private static Object outerBody(byte[] b, Map<String, String> outer) {
        Magic magic = Magic.of(b);
        if (magic == null || magic == Magic.INITIATE_MESSAGE) {
            return null;
        }
        try {
            return new Sss(new ByteBufferKaitaiStream(b)).body();
        } catch (RuntimeException e) {
            outer.put("parse error", e.getClass().getSimpleName() + ": " + e.getMessage());
            return null;
        }
    }

    /** Opens {@code box} under the channel key; {@code prefix} null means the opener's own MESSAGE prefix. */
    private static Optional<byte[]> open(Optional<ChannelKeys.Opener> opener, NoncePrefix prefix, long counter,
            byte[] box) {
        return opener.flatMap(o -> Nacl.secretboxOpen(box,
                (prefix == null ? o.prefix() : prefix).withCounter(counter), o.channel().channelKey()));
    }

    private String describeBox(Optional<ChannelKeys.Opener> opener, Optional<byte[]> plain, String sender) {
        if (keys.isEmpty()) {
            return "opaque (no keylog)";
        }
        if (opener.isEmpty()) {
            return "opaque (the keylog names no channel with this sender key)";
        }
        String channel = "channel " + opener.get().channel().channelId() + ", sent by the " + sender;
        return plain.isPresent() ? "opened (" + channel + ")"
                : "did not open (" + channel + "): the tag does not verify under K";
    }

    private static String kind(Magic magic, byte[] b) {
        if (magic != null) {
            return magic.name();
        }
        return b.length < 8 ? "SHORT" : "UNKNOWN";
    }

    /** The length rules of SPEC.md 3.1 and 3.3 that {@code b} breaks. */
    static List<Mark> lengthViolations(Magic magic, byte[] b) {
        int n = b.length;
        if (magic == null) {
            return List.of(n < 8
                    ? new Mark("PKT-MAGIC-3", "a datagram of " + n + " bytes is shorter than the 8-byte magic")
                    : new Mark("PKT-MAGIC-2", "the first 8 bytes are not one of the four magics"));
        }
        return switch (magic) {
            case HELLO -> n == 192 ? List.of()
                    : List.of(new Mark("PKT-SIZE-1", "a HELLO is exactly 192 bytes, not " + n));
            case COOKIE -> n == 168 ? List.of()
                    : List.of(new Mark("PKT-SIZE-2", "a COOKIE is exactly 168 bytes, not " + n));
            case INITIATE -> plaintextLength(n - 256, 976) ? List.of() : List.of(new Mark("PKT-SIZE-3",
                    "an INITIATE is 256 + M bytes with M a multiple of 16 in 16..976, not " + n));
            case MESSAGE -> plaintextLength(n - 64, 1168) ? List.of() : List.of(new Mark("PKT-SIZE-4",
                    "a MESSAGE is 64 + M bytes with M a multiple of 16 in 16..1168, not " + n));
            case INITIATE_MESSAGE ->
                    List.of(new Mark("PKT-MAGIC-4", "the reserved INITIATE_MESSAGE magic is never sent"));
        };
    }

    private static boolean plaintextLength(int m, int max) {
        return m >= 16 && m <= max && m % 16 == 0;
    }
}
