package org.sss.conformance.check;

import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.Hex;

/**
 * One requirement the IUT broke, with the evidence a reader needs: what was expected and what was
 * observed, the datagram in hex and its dissection.
 *
 * @param requirement the requirement ID, for example {@code PKT-SIZE-4}
 * @param explanation expected versus observed
 * @param hex the whole datagram in hex (empty when the violation concerns no single datagram)
 * @param dissection the datagram's fields and frames, one per line (empty likewise)
 */
public record Violation(String requirement, String explanation, String hex, String dissection) {
    /** A violation shown by one datagram whose box was not opened (or that has none). */
    static Violation of(String requirement, String explanation, LoggedDatagram datagram) {
        return new Violation(requirement, explanation, Hex.of(datagram.bytes()), Dissector.describe(datagram, null));
    }

    /** A violation shown by one channel packet. */
    static Violation of(String requirement, String explanation, Exchange.Packet packet) {
        return new Violation(requirement, explanation, Hex.of(packet.datagram().bytes()),
                Dissector.describe(packet.datagram(), packet.dissection()));
    }

    /** The report block: ID and explanation, then the hex and the dissection. */
    public String format() {
        StringBuilder out = new StringBuilder(requirement).append(": ").append(explanation);
        if (!hex.isEmpty()) {
            out.append("\n  packet: ").append(hex).append("\n  dissection:\n").append(dissection.indent(2).stripTrailing());
        }
        return out.toString();
    }
}
