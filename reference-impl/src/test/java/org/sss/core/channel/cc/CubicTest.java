package org.sss.core.channel.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sss.core.channel.cc.CongestionController.INITIAL_WINDOW;
import static org.sss.core.channel.cc.CongestionController.MAX_DATAGRAM_SIZE;
import static org.sss.core.channel.cc.CongestionController.MINIMUM_WINDOW;

import org.junit.jupiter.api.Test;

/** SPEC CHN-CC-2: CUBIC as RFC 9438 specifies it, with NewReno's initial and minimum windows. */
class CubicTest {
    private static final long RTT = 100_000_000;
    private static final RttView RTT_VIEW = RttView.fixed(RTT, RTT, RTT);
    private static final long T0 = 5_000_000_000L;

    /** A controller grown by slow start to at least {@code packets} datagrams, then hit by one loss. */
    private static Cubic afterLossAt(int packets, long[] clock) {
        Cubic cubic = new Cubic();
        long now = T0;
        while (cubic.window() < (long) packets * MAX_DATAGRAM_SIZE) {
            now = Flights.round(cubic, now, RTT_VIEW);
        }
        Flights.send(cubic, (int) (cubic.window() / MAX_DATAGRAM_SIZE), now);
        Flights.lose(cubic, now, now + RTT);
        Flights.ack(cubic, (int) (cubic.window() / MAX_DATAGRAM_SIZE), now, now + RTT, RTT_VIEW);
        // the recovery period began at now + RTT: later packets are outside it
        clock[0] = now + RTT + 1;
        return cubic;
    }

    @Test
    void startsAtNewRenosInitialWindowAndDoublesInSlowStart() {
        Cubic cubic = new Cubic();
        assertThat(cubic.name()).isEqualTo("cubic");
        assertThat(cubic.window()).isEqualTo(INITIAL_WINDOW);
        Flights.round(cubic, T0, RTT_VIEW);
        // RFC 9438 4.10: standard slow start
        assertThat(cubic.window()).isEqualTo(2 * INITIAL_WINDOW);
    }

    @Test
    void aLossKeepsSevenTenthsOfTheWindowAndRemembersItAsWmax() {
        Cubic cubic = new Cubic();
        Flights.send(cubic, 10, T0);
        Flights.lose(cubic, T0, T0 + RTT);
        // RFC 9438 4.6: ssthresh = cwnd · β_cubic (0.7); W_max = cwnd before the reduction
        assertThat(cubic.window()).isEqualTo(8_624);
        assertThat(cubic.slowStartThreshold()).isEqualTo(8_624);
        assertThat(cubic.maxWindow()).isEqualTo(12_320.0);
        // once per recovery period
        Flights.lose(cubic, T0, T0 + RTT + 1);
        assertThat(cubic.window()).isEqualTo(8_624);
    }

    @Test
    void kIsTheTimeTheWindowFunctionTakesToReturnToWmax() {
        Cubic cubic = new Cubic();
        Flights.send(cubic, 10, T0);
        Flights.lose(cubic, T0, T0 + RTT);
        // the first acknowledgement in congestion avoidance starts the epoch
        long now = Flights.round(cubic, T0 + 2 * RTT, RTT_VIEW);
        // RFC 9438 eq. 2: K = cbrt((W_max − cwnd_epoch) / C) = cbrt(3 segments / 0.4) s
        assertThat(cubic.k()).isCloseTo(Math.cbrt(3 / 0.4), within(1e-9));
        // RFC 9438 eq. 1: W_cubic(0) = cwnd_epoch and W_cubic(K) = W_max
        assertThat(cubic.windowAt(0)).isCloseTo(8_624.0, within(1e-6));
        assertThat(cubic.windowAt(cubic.k())).isCloseTo(12_320.0, within(1e-6));
        assertThat(now).isPositive();
    }

    @Test
    void theWindowRisesConcavelyToWmaxAroundKThenConvexlyBeyond() {
        long[] clock = new long[1];
        Cubic cubic = afterLossAt(100, clock);
        double wMax = cubic.maxWindow();
        assertThat(cubic.window()).isEqualTo((long) (wMax * Cubic.BETA));
        long now = clock[0];
        long epoch = now;
        now = Flights.round(cubic, now, RTT_VIEW);
        double k = cubic.k();
        assertThat(k).isCloseTo(Math.cbrt(wMax * (1 - Cubic.BETA) / MAX_DATAGRAM_SIZE / Cubic.C), within(1e-6));
        long previous = cubic.window();
        double windowNearK = 0;
        while (now - epoch < (long) ((k + 3) * 1e9)) {
            now = Flights.round(cubic, now, RTT_VIEW);
            double t = (now - epoch) / 1e9;
            assertThat(cubic.window()).as("never shrinks without loss").isGreaterThanOrEqualTo(previous);
            previous = cubic.window();
            if (t < k - 1) {
                // concave region: below the plateau
                assertThat((double) cubic.window()).as("t=%s", t).isLessThan(wMax);
            }
            if (Math.abs(t - k) < 0.05) {
                windowNearK = cubic.window();
            }
        }
        // at K the window is back at the plateau (within a segment per RTT of the target's lead)
        assertThat(windowNearK).isCloseTo(wMax, within(0.05 * wMax));
        // convex region: beyond W_max three seconds after K
        assertThat((double) cubic.window()).isGreaterThan(wMax * 1.05);
    }

    @Test
    void fastConvergenceLowersWmaxWhenThePlateauKeepsFalling() {
        long[] clock = new long[1];
        Cubic cubic = afterLossAt(100, clock);
        double firstMax = cubic.maxWindow();
        long now = clock[0];
        long window = cubic.window();
        Flights.send(cubic, 1, now);
        Flights.lose(cubic, now, now + RTT);
        // RFC 9438 4.7: a loss below the last W_max sets W_max = cwnd · (1 + β) / 2
        assertThat(window).isLessThan((long) firstMax);
        assertThat(cubic.maxWindow()).isCloseTo(window * (1 + Cubic.BETA) / 2, within(1e-6));
        assertThat(cubic.window()).isEqualTo((long) (window * Cubic.BETA));
    }

    @Test
    void persistentCongestionCollapsesTheWindowAndSlowStartFollows() {
        long[] clock = new long[1];
        Cubic cubic = afterLossAt(40, clock);
        long now = clock[0];
        Flights.send(cubic, 5, now);
        Flights.lose(cubic, now, now + 10 * RTT);
        cubic.onPersistentCongestion(now + 10 * RTT);
        assertThat(cubic.window()).isEqualTo(MINIMUM_WINDOW);
        assertThat(cubic.inSlowStart()).isTrue();
        Flights.ack(cubic, 4, now, now + 10 * RTT, RTT_VIEW);
        long later = Flights.round(cubic, now + 11 * RTT, RTT_VIEW);
        assertThat(cubic.window()).isEqualTo(2 * MINIMUM_WINDOW);
        assertThat(later).isPositive();
    }

    @Test
    void theWindowNeverFallsBelowTheMinimum() {
        Cubic cubic = new Cubic();
        long now = T0;
        for (int i = 0; i < 8; i++) {
            // each packet sent after the previous recovery period began
            Flights.send(cubic, 1, now + 1);
            now += RTT;
            Flights.lose(cubic, now - RTT + 1, now);
        }
        assertThat(cubic.window()).isEqualTo(MINIMUM_WINDOW);
    }

    @Test
    void anUnderusedWindowDoesNotGrow() {
        long[] clock = new long[1];
        Cubic cubic = afterLossAt(40, clock);
        long window = cubic.window();
        long now = clock[0];
        for (int i = 0; i < 50; i++) {
            Flights.send(cubic, 1, now);
            now += RTT;
            Flights.ack(cubic, 1, now - RTT, now, RTT_VIEW);
        }
        assertThat(cubic.window()).isEqualTo(window);
    }
}
