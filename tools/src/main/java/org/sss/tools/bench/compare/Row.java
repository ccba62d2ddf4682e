package org.sss.tools.bench.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure of the report, for every contender (or for the ceiling, for a ceiling's row).
 *
 * @param key a stable id, e.g. {@code bulk1}, {@code rr.p50.fresh}, {@code loss.1}
 * @param name what it is, for tables
 * @param unit MB/s, /s, µs, B, %
 * @param higherIsBetter whether more is better (goodput, rates) or worse (latency, memory)
 * @param series by contender id (or {@link #CEILING}), in running order
 * @param ratios the subject's figure over each peer's and over the ceilings, where both were measured
 */
public record Row(String key, String name, String unit, boolean higherIsBetter, Map<String, Series> series,
        List<Ratio> ratios) {
    /** The series key of a ceiling's row. */
    public static final String CEILING = "ceiling";

    /** Copies the map (keeping its order) and the list. */
    public Row {
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        ratios = List.copyOf(ratios);
    }

    /** Whether this row is a ceiling's. */
    @JsonIgnore
    public boolean isCeiling() {
        return series.containsKey(CEILING);
    }

    /** The ratio against {@code against}, or null. */
    public Ratio ratio(String against) {
        return ratios.stream().filter(r -> r.against().equals(against)).findFirst().orElse(null);
    }
}
