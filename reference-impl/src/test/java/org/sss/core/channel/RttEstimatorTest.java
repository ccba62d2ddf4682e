package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RFC 9002 section 5 with SSS's constants (SPEC.md section 6.5). */
class RttEstimatorTest {
    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    @Test
    void initialPtoIs1525Milliseconds() {
        RttEstimator rtt = new RttEstimator(ms(500));
        // SPEC CHN-LOSS-3: 500 + 4 · 250 + 25 ms
        assertThat(rtt.ptoNanos(ms(25))).isEqualTo(ms(1525));
        assertThat(rtt.hasSamples()).isFalse();
    }

    @Test
    void samplesUpdateTheEstimateAsRfc9002Says() {
        RttEstimator rtt = new RttEstimator(ms(500));
        rtt.onSample(ms(100), ms(10));
        // the first sample: smoothed = sample, rttvar = sample / 2, ack delay ignored
        assertThat(rtt.snapshot().smoothed()).isEqualTo(Duration.ofMillis(100));
        assertThat(rtt.snapshot().variation()).isEqualTo(Duration.ofMillis(50));
        rtt.onSample(ms(140), ms(20));
        // adjusted = 140 - 20 = 120 (not below min 100); rttvar = 3/4 · 50 + 1/4 · |100 - 120| = 42.5;
        // smoothed = 7/8 · 100 + 1/8 · 120 = 102.5
        assertThat(rtt.snapshot().variation()).isEqualTo(Duration.ofNanos(ms(425) / 10));
        assertThat(rtt.snapshot().smoothed()).isEqualTo(Duration.ofNanos(ms(1025) / 10));
        assertThat(rtt.snapshot().min()).isEqualTo(Duration.ofMillis(100));
        assertThat(rtt.snapshot().latest()).isEqualTo(Duration.ofMillis(140));
        rtt.onSample(ms(105), ms(20));
        // 105 - 20 would fall below min_rtt (100), so the delay is not subtracted
        assertThat(rtt.snapshot().smoothed()).isEqualTo(Duration.ofNanos((7 * ms(1025) / 10 + ms(105)) / 8));
    }

    @Test
    void samplesAreClampedToThirtySeconds() {
        RttEstimator rtt = new RttEstimator(ms(500));
        rtt.onSample(Duration.ofMinutes(5).toNanos(), 0);
        // SPEC CHN-RTT-2
        assertThat(rtt.snapshot().latest()).isEqualTo(Duration.ofSeconds(30));
    }
}
