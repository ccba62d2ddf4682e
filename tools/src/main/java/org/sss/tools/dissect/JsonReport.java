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
import org.sss.conformance.peer.wire.PacketHeader;

/**
 * Dissections as JSON for machines: an array with one object per datagram ({@code index, time, src,
 * dst, kind, length, counter, outer, violations, box}, and when the box opened {@code decrypted},
 * {@code header} and {@code frames}, each frame as {@code offset, name, fields}; a run of EMPTY frames
 * as one entry with a {@code count}).
 */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The JSON array of {@code packets}. */
    static String render(List<DissectedPacket> packets) throws JsonProcessingException {
        List<Map<String, Object>> array = new ArrayList<>();
        for (DissectedPacket p : packets) {
            array.add(object(p));
        }
        return JSON.writeValueAsString(array) + "\n";
    }

    private static Map<String, Object> object(DissectedPacket p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("index", p.index());
        o.put("time", p.time().toString());
        o.put("src", TextReport.address(p.source()));
        o.put("dst", TextReport.address(p.target()));
        o.put("kind", p.kind());
        o.put("length", p.length());
        o.put("counter", p.counter() == null ? null : Long.toUnsignedString(p.counter()));
        o.put("outer", p.outer());
        o.put("violations", p.violations());
        o.put("box", p.box());
        if (!p.decrypted().isEmpty()) {
            o.put("decrypted", p.decrypted());
        }
        Dissection d = p.dissection();
        if (d != null) {
            o.put("plaintextLength", d.plaintext().length);
            o.put("header", header(d.header()));
            o.put("frames", frames(d));
            if (d.fault() != null) {
                o.put("fault", Map.of("offset", d.fault().offset(), "inHeader", d.fault().inHeader(),
                        "message", d.fault().message()));
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
