package org.sss.spec.vectors;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;
import io.kaitai.struct.KaitaiStruct;
import java.util.List;
import java.util.Map;
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
 * are left over after the unit. Bytes after a CLOSE frame in a {@code message_plaintext} are
 * left out of its tree, because receivers ignore them.
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
        return KaitaiFields.of(new Sss.MessagePlaintext(io));
    }

    private static void requireEnd(KaitaiStream io, String what) {
        if (!io.isEof()) {
            throw new IllegalStateException(what + ": " + (io.size() - io.pos()) + " bytes left over");
        }
    }
}
