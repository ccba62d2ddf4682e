package org.sss.tools.dissect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.check.Dissector;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Dissections as text for people: one block per datagram, a title line (number, time, addresses, kind,
 * length), then one field, violation or frame per line; runs of EMPTY frames (the padding to a
 * multiple of 16) are one line.
 */
final class TextReport {
    private static final int FRAME_SHOWN = 240;

    private TextReport() {
    }

    /** The blocks of {@code packets}, separated by blank lines. */
    static String render(List<DissectedPacket> packets) {
        List<String> blocks = new ArrayList<>();
        for (DissectedPacket p : packets) {
            blocks.add(String.join("\n", block(p)));
        }
        return blocks.isEmpty() ? "(no UDP datagrams in the capture)\n" : String.join("\n\n", blocks) + "\n";
    }

    private static List<String> block(DissectedPacket p) {
        List<String> lines = new ArrayList<>();
        lines.add("#" + p.index() + " " + p.time() + " " + address(p.source()) + " -> " + address(p.target()) + " "
                + p.kind() + ", " + p.length() + " bytes");
        for (Map.Entry<String, String> e : p.outer().entrySet()) {
            lines.add(field(e.getKey(), e.getValue()));
        }
        if (p.counter() != null) {
            lines.add(field("counter", Long.toUnsignedString(p.counter())));
        }
        for (String v : p.violations()) {
            lines.add(field("VIOLATION", v));
        }
        lines.add(field("box", p.box()));
        for (Map.Entry<String, String> e : p.decrypted().entrySet()) {
            lines.add(field(e.getKey(), e.getValue()));
        }
        if (p.dissection() != null) {
            lines.addAll(plaintext(p.dissection()));
        }
        return lines;
    }

    private static List<String> plaintext(Dissection d) {
        List<String> lines = new ArrayList<>();
        lines.add(field("plaintext", d.plaintext().length + " bytes"));
        PacketHeader h = d.header();
        if (h != null) {
            lines.add(field("header", String.format("flags 0x%02x%s, packet number %s (%d bytes)", h.flags(),
                    h.hasVersion() ? ", version " + h.version() : "", Long.toUnsignedString(h.packetNumberLow()),
                    h.packetNumberWidth())));
        }
        List<Dissection.Slice> frames = d.frames();
        for (int i = 0; i < frames.size(); i++) {
            Dissection.Slice s = frames.get(i);
            int run = FrameFields.emptyRun(frames, i);
            if (run > 0) {
                lines.add(field("@" + s.offset(), "EMPTY x " + run));
                i += run - 1;
                continue;
            }
            PeerFrame f = s.frame();
            String text = f.toString();
            lines.add(field("@" + s.offset(), Dissector.name(f.type()) + " "
                    + (text.length() <= FRAME_SHOWN ? text : text.substring(0, FRAME_SHOWN) + "…")));
        }
        if (d.fault() != null) {
            lines.add(field("fault @" + d.fault().offset(), (d.fault().inHeader() ? "header: " : "frame: ")
                    + d.fault().message()));
        }
        if (d.afterClose().length > 0) {
            lines.add(field("after CLOSE", d.afterClose().length + " bytes"));
        }
        return lines;
    }

    static String address(java.net.InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static String field(String name, String value) {
        return String.format("  %-12s %s", name, value);
    }
}
