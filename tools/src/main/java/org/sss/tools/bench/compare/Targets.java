package org.sss.tools.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sss.tools.bench.Figures;

/**
 * The targets for SSS, evaluated from the figures of the same run: bulk goodput at least
 * QUIC's and at least 60% of the crypto ceiling per core; handshakes per second at least twice
 * TLS 1.3's; a request on a fresh substream within 10% of the latency of one on an existing stream.
 */
final class Targets {
    /** Bulk goodput over the crypto ceiling per core that the issue asks for. */
    static final double CRYPTO_SHARE = 0.60;
    /** Handshakes per second over TLS's that the issue asks for. */
    static final double HANDSHAKE_FACTOR = 2.0;
    /** Fresh-stream over existing-stream p50 latency that the issue allows. */
    static final double FRESH_LATENCY_FACTOR = 1.10;

    private Targets() {
    }

    /** Every target, met, missed (by how much) or n/a (why). */
    static List<Target> evaluate(List<Row> rows, CompareSettings settings) {
        List<Target> targets = new ArrayList<>();
        targets.add(versus(rows, "SSS bulk x1 >= QUIC bulk x1", "bulk1", "quic", 1.0));
        targets.add(versus(rows, "SSS bulk x1 >= 60% of the crypto ceiling per core", "bulk1", Ratios.CRYPTO,
                CRYPTO_SHARE));
        targets.add(versus(rows, "SSS handshakes/s >= 2 x TLS handshakes/s", "handshakes", "tls", HANDSHAKE_FACTOR));
        targets.add(freshLatency(rows));
        return targets;
    }

    /**
     * The verdict for {@code ratio} against {@code required}: {@code met}, or {@code missed by X%}
     * where X is how far the ratio falls short of (or above, with {@code atMost}) the requirement,
     * relative to it.
     */
    static String verdict(double ratio, double required, boolean atMost) {
        boolean met = atMost ? ratio <= required : ratio >= required;
        if (met) {
            return "met";
        }
        double missedBy = atMost ? ratio / required - 1 : 1 - ratio / required;
        return String.format(Locale.ROOT, "missed by %.1f%%", 100 * missedBy);
    }

    private static Target versus(List<Row> rows, String name, String key, String against, double required) {
        Optional<Row> row = rows.stream().filter(r -> r.key().equals(key)).findFirst();
        if (row.isEmpty()) {
            return notApplicable(name, required, false, "the workload " + key + " did not run");
        }
        Series subject = row.get().series().get(Contenders.SUBJECT);
        if (subject == null) {
            return notApplicable(name, required, false, "sss did not run");
        }
        if (!subject.ok()) {
            return notApplicable(name, required, false, "sss " + subject.verdict());
        }
        Ratio ratio = row.get().ratio(against);
        if (ratio == null) {
            Series peer = row.get().series().get(against);
            String why = peer != null ? against + " " + (peer.ok() ? "has no value" : peer.verdict())
                    : against + " was not measured";
            return notApplicable(name, required, false, why);
        }
        double median = ratio.spread().median();
        String figures = String.format(Locale.ROOT, "sss %s %s vs %s %s %s; ratio %s (median of %d per-repetition "
                + "ratios, %s-%s)", Figures.number(subject.spread().median()), row.get().unit(), against,
                Figures.number(otherMedian(rows, row.get(), against)), row.get().unit(),
                CompareReport.ratio(median), ratio.spread().count(), CompareReport.ratio(ratio.spread().min()),
                CompareReport.ratio(ratio.spread().max()));
        return new Target(name, median, required, false, figures, verdict(median, required, false));
    }

    private static Target freshLatency(List<Row> rows) {
        String name = "SSS fresh-substream p50 <= 1.10 x existing-stream p50";
        Series fresh = subject(rows, "rr.p50.fresh");
        Series existing = subject(rows, "rr.p50.existing");
        if (fresh == null || existing == null) {
            return notApplicable(name, FRESH_LATENCY_FACTOR, true, "sss request/response did not run");
        }
        if (!fresh.ok()) {
            return notApplicable(name, FRESH_LATENCY_FACTOR, true, "sss " + fresh.verdict());
        }
        Spread ratio = Ratios.of(fresh, existing);
        if (ratio == null) {
            return notApplicable(name, FRESH_LATENCY_FACTOR, true, "no repetition has both latencies");
        }
        String figures = String.format(Locale.ROOT, "fresh p50 %s µs vs existing p50 %s µs; ratio %s (median of %d "
                + "per-repetition ratios, %s-%s)", Figures.number(fresh.spread().median()),
                Figures.number(existing.spread().median()), CompareReport.ratio(ratio.median()), ratio.count(),
                CompareReport.ratio(ratio.min()), CompareReport.ratio(ratio.max()));
        return new Target(name, ratio.median(), FRESH_LATENCY_FACTOR, true, figures,
                verdict(ratio.median(), FRESH_LATENCY_FACTOR, true));
    }

    private static double otherMedian(List<Row> rows, Row row, String against) {
        Series peer = row.series().get(against);
        if (peer == null) {
            String ceilingKey = against.equals(Ratios.CRYPTO) ? "ceiling.crypto" : "ceiling.udp.megabytes";
            peer = rows.stream().filter(r -> r.key().equals(ceilingKey)).findFirst()
                    .map(r -> r.series().get(Row.CEILING)).orElse(null);
        }
        return peer == null || peer.spread() == null ? Double.NaN : peer.spread().median();
    }

    private static Series subject(List<Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .map(r -> r.series().get(Contenders.SUBJECT)).orElse(null);
    }

    private static Target notApplicable(String name, double required, boolean atMost, String why) {
        return new Target(name, Double.NaN, required, atMost, "", "n/a: " + why);
    }
}
