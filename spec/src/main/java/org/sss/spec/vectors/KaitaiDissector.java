package org.sss.spec.vectors;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import io.kaitai.struct.KaitaiStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sss.spec.kaitai.Sss;

/**
 * Reads a wire unit with only the Kaitai parser generated from {@code sss.ksy} and returns its field
 * tree. Units are named by their ksy type ({@code frame}, {@code packet_header},
 * {@code message_plaintext}, {@code service_message}, {@code cookie_box_plaintext},
 * {@code cookie_plaintext}, {@code initiate_box_plaintext}, {@code vouch_plaintext}) or
 * {@code datagram} for the root type.
 *
 * <p>Parsing throws when the ksy rejects the bytes (a failed {@code valid}, an unknown enum
 * where {@code in-enum} is required, or the end of the input) and, beyond the ksy, when bytes
 * are left over after the unit. A {@code message_plaintext} is read frame by frame and ends after
 * a CLOSE frame, because receivers ignore what follows CLOSE, which {@code repeat: eos} cannot say.
 */
public final class KaitaiDissector {
    private KaitaiDissector() {
    }

    /** The ksy type names this dissector knows. */
    public static final List<String> UNITS = List.of("frame", "packet_header", "message_plaintext", "datagram",
            "service_message", "cookie_box_plaintext", "cookie_plaintext", "initiate_box_plaintext", "vouch_plaintext");

    /**
     * Parses {@code bytes} as {@code unit}.
     *
     * @throws RuntimeException whatever Kaitai throws on input it rejects, or
     *     {@link IllegalStateException} when bytes are left over
     * @throws IllegalArgumentException for an unknown unit name
     */
    public static Map<String, Object> dissect(String unit, byte[] bytes) {
        KaitaiStream io = new ByteBufferKaitaiStream(bytes);
        Map<String, Object> tree;
        switch (unit) {
            case "frame":
                tree = KaitaiFields.of(new Sss.Frame(io));
                break;
            case "packet_header":
                tree = KaitaiFields.of(new Sss.PacketHeader(io));
                break;
            case "message_plaintext":
                tree = messagePlaintext(io);
                break;
            case "datagram": {
                Sss root = new Sss(io);
                if (root.body() instanceof KaitaiStruct body) {
                    requireEnd(body._io(), "datagram body");
                }
                tree = KaitaiFields.of(root);
                break;
            }
            case "service_message":
                tree = KaitaiFields.of(new Sss.ServiceMessage(io));
                break;
            case "cookie_box_plaintext":
                tree = KaitaiFields.of(new Sss.CookieBoxPlaintext(io));
                break;
            case "cookie_plaintext":
                tree = KaitaiFields.of(new Sss.CookiePlaintext(io));
                break;
            case "initiate_box_plaintext":
                tree = KaitaiFields.of(new Sss.InitiateBoxPlaintext(io));
                break;
            case "vouch_plaintext":
                tree = KaitaiFields.of(new Sss.VouchPlaintext(io));
                break;
            default:
                throw new IllegalArgumentException("unknown unit " + unit);
        }
        requireEnd(io, unit);
        return tree;
    }

    private static Map<String, Object> messagePlaintext(KaitaiStream io) {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("header", KaitaiFields.of(new Sss.PacketHeader(io)));
        List<Object> frames = new ArrayList<>();
        while (!io.isEof()) {
            Sss.Frame frame = new Sss.Frame(io);
            frames.add(KaitaiFields.of(frame));
            if (frame.frameType() == Sss.FrameType.CLOSE) {
                io.seek(io.size());
            }
        }
        tree.put("frames", frames);
        return tree;
    }

    private static void requireEnd(KaitaiStream io, String what) {
        if (!io.isEof()) {
            throw new IllegalStateException(what + ": " + (io.size() - io.pos()) + " bytes left over");
        }
    }
}
