package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link AckTracker} against its former sorted-map version, on random arrivals, forgetting and bounds. */
class AckTrackerModelTest {
    private static final long DELAY = 25_000_000;

    @Test
    void agreesWithTheSortedMapVersion() {
        long seed = new SplittableRandom().nextLong();
        System.out.println("AckTrackerModelTest seed = " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 300; round++) {
            int max = 1 + random.nextInt(12);
            AckTracker tracker = new AckTracker(max);
            TreeMapAckTracker model = new TreeMapAckTracker(max);
            // sometimes start just below 2^64 so that the numbers wrap (unsigned order)
            long base = random.nextBoolean() ? -50 : random.nextLong(0, 100_000);
            long next = base;
            for (int step = 0; step < 300; step++) {
                int op = random.nextInt(10);
                if (op < 7) {
                    long pn = random.nextInt(4) == 0 ? next - random.nextInt(0, 40) : next;
                    next += random.nextInt(1, random.nextInt(6) == 0 ? 80_000 : 3);
                    boolean eliciting = random.nextBoolean();
                    tracker.record(pn, eliciting, step, DELAY);
                    model.record(pn, eliciting, step, DELAY);
                } else if (op < 8 && model.hasReceived()) {
                    long limit = next - random.nextInt(0, 100);
                    tracker.forgetBelow(limit);
                    model.forgetBelow(limit);
                } else if (model.hasReceived()) {
                    int maxRanges = random.nextInt(0, 8);
                    assertThat(tracker.build(step * 1000L, maxRanges)).as("seed %d round %d step %d", seed, round, step)
                            .isEqualTo(model.build(step * 1000L, maxRanges));
                }
                assertThat(tracker.intervals()).as("seed %d round %d step %d", seed, round, step)
                        .isEqualTo(model.intervals());
                assertThat(tracker.hasReceived()).isEqualTo(model.hasReceived());
            }
        }
    }
}
