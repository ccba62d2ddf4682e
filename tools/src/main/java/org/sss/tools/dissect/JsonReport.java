package org.sss.tools.dissect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.check.Dissector;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PacketHeader;

/**
 * Dissections as JSON for machines: an array with one object per datagram, in capture order. The keys,
 * always in this order (the schema is also in the {@code sss dissect --help} text and pcaps' README):
 * <ul>
 * <li>{@code index} (from 1), {@code time} (the capture timestamp, ISO-8601 UTC), {@code src}, {@code dst}
 * ({@code host:port}, IPv6 in brackets), {@code kind}, {@code length} (UDP payload bytes), {@code counter}
 * (the nonce counter as a decimal string, or null), {@code outer} (outer fields by name, hex strings);
 * <li>{@code violations}: an array of {@code {"id", "reason"}}, the datagram's own checks first, then its
 * plaintext's, then its channel's; empty when it breaks nothing;
 * <li>{@code box}: what became of the box; with {@code --hex}, {@code hex}: the whole datagram;
 * <li>when the box opened: {@code decrypted} (INITIATE only: {@code I}, {@code vouch nonce}),
 * {@code plaintextLength}, {@code header} ({@code flags, version, packetNumberWidth, packetNumber}),
 * {@code frames} (each {@code offset, name, length} then {@code fields}, or {@code count} for a run of
 * EMPTY frames), {@code fault} ({@code offset, inHeader, message}) when parsing stopped early,
 * {@code afterClose} (hex) when bytes follow a CLOSE frame, and with {@code --hex} {@code plaintextHex}.
 * </ul>
 * Nothing depends on the clock or on the machine: the same capture and keylog give the same bytes.
 */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The JSON array of {@code packets}. */
    static String render(List<DissectedPacket> packets, boolean hex) throws JsonProcessingException {
        List<Map<String, Object>> array = new ArrayList<>();
        for (DissectedPacket p : packets) {
            array.add(object(p, hex));
        }
        return JSON.writeValueAsString(array) + "\n";
    }

    private static Map<String, Object> object(DissectedPacket p, boolean hex) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("index", p.index());
        o.put("time", p.time().toString());
        o.put("src", TextReport.address(p.source()));
        o.put("dst", TextReport.address(p.target()));
        o.put("kind", p.kind());
        o.put("length", p.length());
        o.put("counter", p.counter() == null ? null : Long.toUnsignedString(p.counter()));
        o.put("outer", p.outer());
        List<Map<String, String>> violations = new ArrayList<>();
        for (Mark m : p.violations()) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("id", m.requirement());
            v.put("reason", m.reason());
            violations.add(v);
        }
        o.put("violations", violations);
        o.put("box", p.box());
        if (hex) {
            o.put("hex", Hex.of(p.bytes()));
        }
        if (!p.decrypted().isEmpty()) {
            o.put("decrypted", p.decrypted());
        }
        Dissection d = p.dissection();
        if (d != null) {
            o.put("plaintextLength", d.plaintext().length);
            o.put("header", header(d.header()));
            o.put("frames", frames(d));
            if (d.fault() != null) {
                Map<String, Object> fault = new LinkedHashMap<>();
                fault.put("offset", d.fault().offset());
                fault.put("inHeader", d.fault().inHeader());
                fault.put("message", d.fault().message());
                o.put("fault", fault);
            }
            if (d.afterClose().length > 0) {
                o.put("afterClose", Hex.of(d.afterClose()));
            }
            if (hex) {
                o.put("plaintextHex", Hex.of(d.plaintext()));
            }
        }
        return o;
    }

    private static Map<String, Object> header(PacketHeader h) {
        if (h == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("flags", h.flags());
        o.put("version", h.hasVersion() ? h.version() : null);
        o.put("packetNumberWidth", h.packetNumberWidth());
        o.put("packetNumber", Long.toUnsignedString(h.packetNumberLow()));
        return o;
    }

    private static List<Map<String, Object>> frames(Dissection d) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Dissection.Slice> frames = d.frames();
        for (int i = 0; i < frames.size(); i++) {
            Dissection.Slice s = frames.get(i);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("offset", s.offset());
            f.put("name", Dissector.name(s.frame().type()));
            int run = FrameFields.emptyRun(frames, i);
            f.put("length", run > 0 ? run : s.bytes().length);
            if (run > 0) {
                f.put("count", run);
                i += run - 1;
            } else {
                f.put("fields", FrameFields.of((Record) s.frame()));
            }
            out.add(f);
        }
        return out;
    }
}
