package org.sss.tools.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sss.tools.bench.LoopbackHandshakeRunner.Settings;

/** The runner's settings refuse what it cannot run, naming the option and the allowed range. */
class LoopbackHandshakeRunnerTest {

    @Test
    void refusesRunsShorterThanASecondOrLongerThanTheReplayCacheAllows() {
        assertThatThrownBy(() -> new Settings(0, 4, 3, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--seconds must be between 1 and 60, got 0");
        assertThatThrownBy(() -> new Settings(61, 4, 3, 2, 1)).hasMessage("--seconds must be between 1 and 60, got 61");
    }

    @Test
    void refusesConcurrencyOutsideOneToSixtyFour() {
        assertThatThrownBy(() -> new Settings(5, 0, 3, 2, 1)).hasMessage("--concurrency must be between 1 and 64, got 0");
        assertThatThrownBy(() -> new Settings(5, 65, 3, 2, 1))
                .hasMessage("--concurrency must be between 1 and 64, got 65");
    }

    @Test
    void refusesNoRunsAndANegativeWarmUp() {
        assertThatThrownBy(() -> new Settings(5, 4, 0, 2, 1)).hasMessage("--runs must be between 1 and 99, got 0");
        assertThatThrownBy(() -> new Settings(5, 4, 3, -1, 1)).hasMessage("--warmup must be between 0 and 60, got -1");
    }
}
