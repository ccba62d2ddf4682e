package org.sss.core.channel.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.channel.cc.CongestionController.INITIAL_WINDOW;
import static org.sss.core.channel.cc.CongestionController.MINIMUM_WINDOW;

import org.junit.jupiter.api.Test;

/** SPEC CHN-CC-2: the LEDBAT-style controller yields to queuing delay, halves on loss and keeps the windows. */
class LedbatTest {
    private static final long MS = 1_000_000;
    private static final long T0 = 5_000_000_000L;

    /** An RTT estimate whose latest sample the test sets. */
    private static final class Samples implements RttView {
        long latest;
        long min = Long.MAX_VALUE;

        Samples sample(long nanos) {
            latest = nanos;
            min = Math.min(min, nanos);
            return this;
        }

        @Override
        public long smoothedRttNanos() {
            return latest;
        }

        @Override
        public long latestRttNanos() {
            return latest;
        }

        @Override
        public long minRttNanos() {
            return min;
        }

        @Override
        public boolean hasRttSamples() {
            return latest > 0;
        }
    }

    /** One round of a full window, acknowledged after {@code rtt}; returns the time. */
    private static long round(Ledbat ledbat, long now, Samples rtt, long rttNanos) {
        rtt.sample(rttNanos);
        int packets = (int) (ledbat.window() / CongestionController.MAX_DATAGRAM_SIZE);
        Flights.send(ledbat, packets, now);
        Flights.ack(ledbat, packets, now, now + rttNanos, rtt);
        return now + rttNanos;
    }

    @Test
    void startsAtTheInitialWindowAndSlowStartsWhileTheQueueIsEmpty() {
        Ledbat ledbat = new Ledbat();
        Samples rtt = new Samples();
        assertThat(ledbat.name()).isEqualTo("ledbat");
        assertThat(ledbat.window()).isEqualTo(INITIAL_WINDOW);
        round(ledbat, T0, rtt, 50 * MS);
        assertThat(ledbat.baseDelayNanos()).isEqualTo(50 * MS);
        assertThat(ledbat.queuingDelayNanos()).isZero();
        assertThat(ledbat.window()).isEqualTo(2 * INITIAL_WINDOW);
    }

    @Test
    void backsOffWhenTheDelayRisesAboveTheTarget() {
        Ledbat ledbat = new Ledbat();
        Samples rtt = new Samples();
        long now = round(ledbat, T0, rtt, 50 * MS);
        now = round(ledbat, now, rtt, 50 * MS);
        // 200 ms of queuing delay, twice the 100 ms target: off_target is negative; the first round
        // still slow-starts until the current-delay filter (the last 4 samples) has seen the queue
        now = round(ledbat, now, rtt, 250 * MS);
        assertThat(ledbat.inSlowStart()).isFalse();
        long grown = ledbat.window();
        long previous = grown;
        for (int i = 0; i < 10; i++) {
            now = round(ledbat, now, rtt, 250 * MS);
            assertThat(ledbat.queuingDelayNanos()).isEqualTo(200 * MS);
            assertThat(ledbat.window()).isLessThan(previous);
            previous = ledbat.window();
        }
        assertThat(ledbat.inSlowStart()).isFalse();
        assertThat(ledbat.window()).isLessThan(grown);
        assertThat(ledbat.window()).isGreaterThanOrEqualTo(MINIMUM_WINDOW);
    }

    @Test
    void growsInCongestionAvoidanceWhileTheDelayIsBelowTheTarget() {
        Ledbat ledbat = new Ledbat();
        Samples rtt = new Samples();
        long now = round(ledbat, T0, rtt, 50 * MS);
        // 80 ms of queuing delay ends slow start (≥ 3/4 of the target) but is still below the target
        now = round(ledbat, now, rtt, 130 * MS);
        assertThat(ledbat.inSlowStart()).isFalse();
        long before = ledbat.window();
        now = round(ledbat, now, rtt, 130 * MS);
        // RFC 6817: cwnd += GAIN · off_target · bytes · MSS / cwnd, off_target = 0.2: about 0.2 MSS per window
        assertThat(ledbat.window()).isBetween(before + 200, before + 300);
        assertThat(now).isPositive();
    }

    @Test
    void theWindowNeverFallsBelowTheMinimumEvenUnderLongQueuing() {
        Ledbat ledbat = new Ledbat();
        Samples rtt = new Samples();
        long now = round(ledbat, T0, rtt, 20 * MS);
        for (int i = 0; i < 200; i++) {
            now = round(ledbat, now, rtt, 900 * MS);
        }
        assertThat(ledbat.window()).isEqualTo(MINIMUM_WINDOW);
    }

    @Test
    void halvesOnLossOncePerRecoveryPeriod() {
        Ledbat ledbat = new Ledbat();
        Samples rtt = new Samples();
        long now = round(ledbat, T0, rtt, 50 * MS);
        long window = ledbat.window();
        Flights.send(ledbat, 3, now);
        Flights.lose(ledbat, now, now + 50 * MS);
        Flights.lose(ledbat, now, now + 50 * MS);
        // SPEC CHN-CC-2, RFC 6817 2.4.2: the rate is reduced on loss
        assertThat(ledbat.window()).isEqualTo(window / 2);
        ledbat.onPersistentCongestion(now + 60 * MS);
        assertThat(ledbat.window()).isEqualTo(MINIMUM_WINDOW);
    }
}
