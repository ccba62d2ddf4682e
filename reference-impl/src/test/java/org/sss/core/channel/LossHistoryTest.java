package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** STR-DGRAM-7's loss rate: the share of losses among the most recent 256 known fates. */
class LossHistoryTest {

    @Test
    void isZeroWhenNoFateIsKnown() {
        assertThat(new LossHistory().rate()).isZero();
    }

    @Test
    void countsOnlyTheMostRecent256Fates() {
        LossHistory history = new LossHistory();
        for (int i = 0; i < 256; i++) {
            history.record(true);
        }
        assertThat(history.rate()).isEqualTo(1.0);
        for (int i = 0; i < 192; i++) {
            history.record(false);
        }
        assertThat(history.count()).isEqualTo(256);
        assertThat(history.rate()).isEqualTo(0.25);
        for (int i = 0; i < 64; i++) {
            history.record(false);
        }
        assertThat(history.rate()).isZero();
    }

    @Test
    void beforeTheWindowFillsItIsTheShareOfThoseKnown() {
        LossHistory history = new LossHistory();
        history.record(false);
        history.record(true);
        history.record(false);
        history.record(false);
        assertThat(history.rate()).isEqualTo(0.25);
    }
}
