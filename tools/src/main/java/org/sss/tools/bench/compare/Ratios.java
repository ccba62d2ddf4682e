package org.sss.tools.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ratios of the report: per figure, the subject's (SSS's) value over each peer's and, for
 * goodput, over the ceilings, each the median of the per-repetition ratios of values measured in
 * the same repetition.
 */
final class Ratios {
    /** The name of the ratio to the crypto ceiling per core. */
    static final String CRYPTO = "crypto ceiling";
    /** The name of the ratio to the UDP ceiling's payload rate. */
    static final String UDP = "UDP ceiling";

    private Ratios() {
    }

    /**
     * {@code rows} with ratios for those in {@code compared}; the rows whose keys are in
     * {@code againstCeilings} also get the ceilings'.
     */
    static List<Row> attach(List<Row> compared, List<Row> rows, List<String> againstCeilings) {
        Series crypto = ceiling(rows, "ceiling.crypto");
        Series udp = ceiling(rows, "ceiling.udp.megabytes");
        List<Row> attached = new ArrayList<>();
        for (Row row : rows) {
            Series subject = row.series().get(Contenders.SUBJECT);
            List<Ratio> ratios = new ArrayList<>();
            if (subject != null && subject.ok() && compared.contains(row)) {
                for (Map.Entry<String, Series> peer : row.series().entrySet()) {
                    if (!peer.getKey().equals(Contenders.SUBJECT)) {
                        add(ratios, peer.getKey(), subject, peer.getValue());
                    }
                }
                if (againstCeilings.contains(row.key())) {
                    add(ratios, CRYPTO, subject, crypto);
                    add(ratios, UDP, subject, udp);
                }
            }
            attached.add(new Row(row.key(), row.name(), row.unit(), row.higherIsBetter(), row.series(), ratios));
        }
        return attached;
    }

    /** The median (min, max) of {@code numerator[i] / denominator[i]} over the repetitions that have both. */
    static Spread of(Series numerator, Series denominator) {
        if (numerator == null || denominator == null || !numerator.ok() || !denominator.ok()) {
            return null;
        }
        List<Double> ratios = new ArrayList<>();
        int n = Math.min(numerator.values().size(), denominator.values().size());
        for (int i = 0; i < n; i++) {
            Double top = numerator.values().get(i);
            Double bottom = denominator.values().get(i);
            if (top != null && bottom != null && bottom > 0) {
                ratios.add(top / bottom);
            }
        }
        return Spread.of(ratios);
    }

    private static void add(List<Ratio> ratios, String against, Series subject, Series other) {
        Spread spread = of(subject, other);
        if (spread != null) {
            ratios.add(new Ratio(against, spread));
        }
    }

    private static Series ceiling(List<Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().map(r -> r.series().get(Row.CEILING))
                .orElse(null);
    }
}
