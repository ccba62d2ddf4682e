package org.sss.tools.bench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The workloads of {@code sss bench}, in the order they run within a repetition; {@code --workloads} picks some. */
public enum Workload {
    /** The UDP and crypto ceilings. */
    CEILINGS("ceilings"),
    /** Bulk goodput over one stream. */
    BULK_ONE("bulk1"),
    /** Bulk goodput over {@code --streams} concurrent streams. */
    BULK_MANY("bulkn"),
    /** Full handshakes per second. */
    HANDSHAKES("handshakes"),
    /** Time to first byte of a fresh connection. */
    FIRST_BYTE("ttfb"),
    /** Request/response latency on an existing and on a fresh stream. */
    REQUEST_RESPONSE("rr"),
    /** Many concurrent streams: open rate and memory. */
    MANY_STREAMS("many"),
    /** Bulk goodput over one stream under each {@code --loss} rate. */
    LOSS("loss");

    private final String option;

    Workload(String option) {
        this.option = option;
    }

    /** The name {@code --workloads} takes. */
    public String option() {
        return option;
    }

    /** Every option name, comma-separated. */
    public static String names() {
        return String.join(",", Arrays.stream(values()).map(Workload::option).toList());
    }

    /**
     * The workload named {@code name} ({@link #option()}, or the constant's name in any case).
     *
     * @throws IllegalArgumentException naming {@code --workloads} and the valid names
     */
    public static Workload parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Workload workload : values()) {
            if (workload.option.equals(wanted) || workload.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("--workloads: unknown workload '" + name.trim() + "', expected some of "
                + names());
    }

    /** The distinct workloads of {@code workloads} in declaration order. */
    static List<Workload> inOrder(Collection<Workload> workloads) {
        List<Workload> ordered = new ArrayList<>();
        for (Workload workload : values()) {
            if (workloads.contains(workload)) {
                ordered.add(workload);
            }
        }
        return List.copyOf(ordered);
    }
}
