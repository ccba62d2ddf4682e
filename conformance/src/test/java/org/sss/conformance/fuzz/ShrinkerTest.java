package org.sss.conformance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Delta debugging keeps what makes the test fail and drops the rest. */
class ShrinkerTest {
    private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

    @Test
    void findsTheOneInputThatFails() {
        assertThat(Shrinker.shrink(HUNDRED, c -> c.contains(37), 100)).containsExactly(37);
    }

    @Test
    void keepsBothInputsOfAFailureThatNeedsTwo() {
        assertThat(Shrinker.shrink(HUNDRED, c -> c.contains(3) && c.contains(90), 200)).containsExactly(3, 90);
    }

    @Test
    void stopsAtTheTrialBudget() {
        int[] trials = {0};
        List<Integer> left = Shrinker.shrink(HUNDRED, c -> {
            trials[0]++;
            return c.contains(37);
        }, 3);
        assertThat(trials[0]).isLessThanOrEqualTo(3);
        assertThat(left).contains(37);
    }
}
