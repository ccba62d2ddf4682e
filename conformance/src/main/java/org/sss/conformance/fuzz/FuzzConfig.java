package org.sss.conformance.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one fuzzing run.
 *
 * @param stages the stages, taken in turn batch by batch
 * @param seed the seed every packet follows from
 * @param maxPackets stop after this many fuzz packets (0: no packet budget)
 * @param maxTime stop after this long (null: no time budget)
 * @param batchSize inputs per batch; the oracle runs after each batch
 * @param livenessTimeout the oracle's handshake and echo timeout (tripled for the confirming probe)
 * @param out where reproducers go
 * @param shrinkTrials at most this many trials to shrink one failing batch
 * @param stopAfterFindings stop after this many findings (0: never)
 */
public record FuzzConfig(List<Stage> stages, long seed, long maxPackets, Duration maxTime, int batchSize,
        Duration livenessTimeout, Path out, int shrinkTrials, int stopAfterFindings) {
    public FuzzConfig {
        stages = List.copyOf(stages);
        Objects.requireNonNull(out, "out");
        if (stages.isEmpty() || batchSize < 1) {
            throw new IllegalArgumentException("at least one stage and a batch of at least one input");
        }
        if (maxPackets <= 0 && maxTime == null) {
            throw new IllegalArgumentException("a packet budget or a time budget is needed");
        }
    }
}
