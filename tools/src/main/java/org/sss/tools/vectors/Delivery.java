package org.sss.tools.vectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sss.core.wire.DropReason;

/**
 * What the reference implementation did with one datagram: accepted, or its verdict (a drop
 * reason, or none when a channel rule without a verdict closed the channel), and the values the
 * real classes expose on the way, named as handshake.json names them. Byte values are
 * {@code byte[]}, counters and packet numbers unsigned {@code Long}s.
 *
 * @param accepted whether the datagram was accepted
 * @param dropReason the verdict when not accepted, or null
 * @param detail where and why, or "accepted"
 * @param values the exposed values by field name
 */
record Delivery(boolean accepted, DropReason dropReason, String detail, Map<String, Object> values) {

    Delivery {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Accepted, exposing {@code values}. */
    static Delivery accepted(Map<String, Object> values) {
        return new Delivery(true, null, "accepted", values);
    }

    /** Not accepted. */
    static Delivery dropped(DropReason reason, String detail) {
        return new Delivery(false, reason, detail, Map.of());
    }

    /** "accepted", or the verdict and detail. */
    String verdict() {
        return accepted ? "accepted" : (dropReason == null ? "no verdict" : dropReason.name()) + " (" + detail + ")";
    }
}
