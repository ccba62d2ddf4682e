package org.sss.tools.dissect;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * A frame's fields as plain values for JSON: the record components of its {@link PeerFrame}, by name,
 * with byte strings as lowercase hex and nested records (ACK ranges, settings, feedback) as nested
 * objects. Reading the components keeps the output in step with {@link PeerFrame} as frames are added.
 */
final class FrameFields {
    private FrameFields() {
    }

    /** The fields of {@code frame}, in declaration order. */
    static Map<String, Object> of(Record frame) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : frame.getClass().getRecordComponents()) {
            try {
                fields.put(c.getName(), value(c.getAccessor().invoke(frame)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + frame.getClass(), e);
            }
        }
        return fields;
    }

    private static Object value(Object v) {
        if (v instanceof byte[] bytes) {
            return Hex.of(bytes);
        }
        if (v instanceof Record r) {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("type", r.getClass().getSimpleName());
            nested.putAll(of(r));
            return nested;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(FrameFields::value).toList();
        }
        return v;
    }

    /** How many EMPTY frames run from index {@code i} (0 when frame {@code i} is not EMPTY). */
    static int emptyRun(List<Dissection.Slice> frames, int i) {
        int run = 0;
        while (i + run < frames.size() && frames.get(i + run).frame() instanceof PeerFrame.Empty) {
            run++;
        }
        return run;
    }
}
