package org.sss.tools.dissect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.check.Dissector;
import org.sss.conformance.peer.wire.PacketHeader;

/**
 * Dissections as text for people, laid out like {@code tshark -V}: a title line per datagram (number,
 * time, addresses, kind, length), then its violations, outer fields and box indented one level, the
 * decrypted header and frames a level deeper with each field on its own line, and with {@code --hex}
 * the datagram and plaintext bytes as hex dumps. Runs of EMPTY frames (padding) are one line. A
 * summary line closes the report: how many datagrams were shown and the violations by requirement ID.
 */
final class TextReport {
    private static final String INDENT = "    ";
    private static final int VALUE_SHOWN = 96;

    private final boolean hex;

    private TextReport(boolean hex) {
        this.hex = hex;
    }

    /**
     * The blocks of {@code packets}, separated by blank lines, and the summary line.
     *
     * @param packets the datagrams to show
     * @param total how many datagrams the capture has
     * @param counts the violations of the whole capture by requirement ID
     * @param hex whether to add hex dumps
     */
    static String render(List<DissectedPacket> packets, int total, SortedMap<String, Integer> counts, boolean hex) {
        List<String> blocks = new ArrayList<>();
        for (DissectedPacket p : packets) {
            blocks.add(String.join("\n", new TextReport(hex).block(p)));
        }
        if (total == 0) {
            blocks.add("(no UDP datagrams in the capture)");
        }
        blocks.add(summary(packets.size(), total, counts));
        return String.join("\n\n", blocks) + "\n";
    }

    /** {@code Summary: N of T datagrams shown; violations: 3 (FRM-GEN-5 x2, PKT-SIZE-4 x1)}, or {@code none}. */
    static String summary(int shown, int total, SortedMap<String, Integer> counts) {
        int sum = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> byId = new ArrayList<>();
        counts.forEach((id, n) -> byId.add(id + " x" + n));
        return "Summary: " + shown + " of " + total + " datagrams shown; violations: "
                + (sum == 0 ? "none" : sum + " (" + String.join(", ", byId) + ")");
    }

    private List<String> block(DissectedPacket p) {
        List<String> lines = new ArrayList<>();
        lines.add("#" + p.index() + " " + p.time() + " " + address(p.source()) + " -> " + address(p.target()) + " "
                + p.kind() + ", " + p.length() + " bytes");
        for (Mark m : p.violations()) {
            lines.add(INDENT + "[VIOLATION " + m.requirement() + "] " + m.reason());
        }
        for (Map.Entry<String, String> e : p.outer().entrySet()) {
            lines.add(field(1, e.getKey(), e.getValue()));
        }
        if (p.counter() != null) {
            lines.add(field(1, "counter", Long.toUnsignedString(p.counter())));
        }
        lines.add(field(1, "box", p.box()));
        for (Map.Entry<String, String> e : p.decrypted().entrySet()) {
            lines.add(field(2, e.getKey(), e.getValue()));
        }
        if (p.dissection() != null) {
            lines.addAll(plaintext(p.dissection()));
        }
        if (hex) {
            lines.add(INDENT + "datagram bytes:");
            HexDump.lines(p.bytes()).forEach(l -> lines.add(INDENT + INDENT + l));
        }
        return lines;
    }

    private List<String> plaintext(Dissection d) {
        List<String> lines = new ArrayList<>();
        lines.add(field(2, "plaintext", d.plaintext().length + " bytes"));
        PacketHeader h = d.header();
        if (h != null) {
            lines.add(INDENT.repeat(2) + "header:");
            lines.add(field(3, "flags", String.format("0x%02x", h.flags())));
            lines.add(field(3, "version", h.hasVersion() ? Integer.toString(h.version()) : "(absent)"));
            lines.add(field(3, "packet number", Long.toUnsignedString(h.packetNumberLow()) + " ("
                    + h.packetNumberWidth() + " bytes)"));
        }
        List<Dissection.Slice> frames = d.frames();
        for (int i = 0; i < frames.size(); i++) {
            Dissection.Slice s = frames.get(i);
            int run = FrameFields.emptyRun(frames, i);
            if (run > 0) {
                lines.add(INDENT.repeat(2) + "frame @" + s.offset() + ": EMPTY x " + run);
                i += run - 1;
                continue;
            }
            lines.add(INDENT.repeat(2) + "frame @" + s.offset() + ": " + Dissector.name(s.frame().type()) + " ("
                    + s.bytes().length + " bytes)");
            for (Map.Entry<String, Object> e : FrameFields.of((Record) s.frame()).entrySet()) {
                lines.add(field(3, e.getKey(), e.getKey().equals("flags") && e.getValue() instanceof Integer flags
                        ? String.format("0x%04x", flags) : String.valueOf(e.getValue())));
            }
        }
        if (d.fault() != null) {
            lines.add(field(2, "fault @" + d.fault().offset(), (d.fault().inHeader() ? "header: " : "frame: ")
                    + d.fault().message()));
        }
        if (d.afterClose().length > 0) {
            lines.add(field(2, "after CLOSE", d.afterClose().length + " bytes"));
        }
        if (hex) {
            lines.add(INDENT.repeat(2) + "plaintext bytes:");
            HexDump.lines(d.plaintext()).forEach(l -> lines.add(INDENT.repeat(3) + l));
        }
        return lines;
    }

    static String address(java.net.InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** One field; a long value is cut short unless hex dumps were asked for, which show everything. */
    private String field(int depth, String name, String value) {
        String shown = hex || value.length() <= VALUE_SHOWN ? value
                : value.substring(0, VALUE_SHOWN) + "… (" + value.length() + " characters)";
        return INDENT.repeat(depth) + name + ": " + shown;
    }
}
