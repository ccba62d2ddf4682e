package org.sss.conformance.peer.responder;

import java.util.Map;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.Hex;
import org.sss.spec.vectors.KaitaiDissector;

/**
 * A rule of the spec that a datagram from the initiator IUT broke: the requirement, what was expected
 * and observed, and the datagram itself (with its plaintext when the suite could open it), so that a
 * failure report shows the packet in hex and its dissection.
 *
 * @param requirement the requirement ID, e.g. {@code NEG-HELLO-1}
 * @param problem what was expected and what was observed
 * @param datagram the offending datagram
 * @param plaintext its decrypted message plaintext, or null when there is none
 */
public record Violation(String requirement, String problem, LoggedDatagram datagram, byte[] plaintext) {
    /** Copies the plaintext. */
    public Violation {
        plaintext = plaintext == null ? null : plaintext.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext == null ? null : plaintext.clone();
    }

    /** The requirement, the problem, the datagram in hex and the Kaitai dissection of what parses. */
    public String describe() {
        StringBuilder out = new StringBuilder(requirement).append(": ").append(problem).append('\n');
        out.append("  datagram (").append(datagram.length()).append(" bytes from ").append(datagram.remote())
                .append("): ").append(Hex.of(datagram.bytes())).append('\n');
        out.append("  dissection: ").append(dissect("datagram", datagram.bytes())).append('\n');
        if (plaintext != null) {
            out.append("  plaintext: ").append(Hex.of(plaintext)).append('\n');
            out.append("  plaintext dissection: ").append(dissect("message_plaintext", plaintext)).append('\n');
        }
        return out.toString();
    }

    private static String dissect(String unit, byte[] bytes) {
        try {
            Map<String, Object> tree = KaitaiDissector.dissect(unit, bytes);
            return tree.toString();
        } catch (RuntimeException e) {
            return "(does not parse: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return requirement + ": " + problem + " [" + datagram + "]";
    }
}
