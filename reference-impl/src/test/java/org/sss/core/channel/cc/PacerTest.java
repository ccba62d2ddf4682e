package org.sss.core.channel.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sss.core.time.ManualClock;

/** SPEC CHN-CC-4: packets paced at 1.25 · cwnd / smoothed_rtt after a burst of ten datagrams. */
class PacerTest {
    private static final int MSS = CongestionController.MAX_DATAGRAM_SIZE;
    private static final long WINDOW = 12_320;
    private static final long SRTT = Duration.ofMillis(100).toNanos();

    @Test
    void aBurstOfTenDatagramsGoesAtOnceThenTheBucketIsEmpty() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer();
        for (int i = 0; i < Pacer.DEFAULT_BURST_DATAGRAMS; i++) {
            assertThat(pacer.canSend(clock.nanoTime(), MSS, WINDOW, SRTT)).isTrue();
            pacer.onPacketSent(clock.nanoTime(), MSS, WINDOW, SRTT);
        }
        assertThat(pacer.canSend(clock.nanoTime(), MSS, WINDOW, SRTT)).isFalse();
    }

    @Test
    void theNextPacketMayGoWhenTheRateHasRefilledOneDatagram() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer();
        for (int i = 0; i < Pacer.DEFAULT_BURST_DATAGRAMS; i++) {
            pacer.onPacketSent(clock.nanoTime(), MSS, WINDOW, SRTT);
        }
        // 1.25 · 12320 B / 100 ms = 154 B/ms: 1232 bytes take 8 ms
        long next = pacer.nextSendTimeNanos(clock.nanoTime(), MSS, WINDOW, SRTT);
        assertThat((double) (next - clock.nanoTime())).isCloseTo(8_000_000, within(1.0));
        clock.advance(Duration.ofNanos(next - clock.nanoTime() - 1));
        assertThat(pacer.canSend(clock.nanoTime(), MSS, WINDOW, SRTT)).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(pacer.canSend(clock.nanoTime(), MSS, WINDOW, SRTT)).isTrue();
        assertThat(pacer.nextSendTimeNanos(clock.nanoTime(), MSS, WINDOW, SRTT)).isEqualTo(clock.nanoTime());
    }

    @Test
    void overTimeTheRateIsOneAndAQuarterWindowsPerSmoothedRtt() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer();
        long start = clock.nanoTime();
        long bytes = 0;
        while (clock.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            while (pacer.canSend(clock.nanoTime(), MSS, WINDOW, SRTT)) {
                pacer.onPacketSent(clock.nanoTime(), MSS, WINDOW, SRTT);
                bytes += MSS;
            }
            clock.advance(Duration.ofMillis(1));
        }
        double expected = Pacer.RATE_FACTOR * WINDOW / SRTT * Duration.ofSeconds(10).toNanos();
        // the rate, plus the initial burst
        assertThat((double) bytes).isCloseTo(expected + 10 * MSS, within(2.0 * MSS));
    }

    @Test
    void aLargerWindowOrSmallerRttPacesFaster() {
        assertThat(Pacer.rateBytesPerNano(2 * WINDOW, SRTT)).isEqualTo(2 * Pacer.rateBytesPerNano(WINDOW, SRTT));
        assertThat(Pacer.rateBytesPerNano(WINDOW, SRTT / 2)).isEqualTo(2 * Pacer.rateBytesPerNano(WINDOW, SRTT));
    }

    @Test
    void packetsSentRegardlessLeaveABoundedDebt() {
        ManualClock clock = new ManualClock();
        Pacer pacer = new Pacer();
        for (int i = 0; i < 100; i++) {
            pacer.onPacketSent(clock.nanoTime(), MSS, WINDOW, SRTT);
        }
        assertThat(pacer.tokens()).isEqualTo(-10.0 * MSS);
        // the debt is paid back at the pacing rate: 20 datagrams' worth at 154 B/ms
        long next = pacer.nextSendTimeNanos(clock.nanoTime(), MSS, WINDOW, SRTT);
        assertThat((double) (next - clock.nanoTime())).isCloseTo(11 * 8_000_000, within(2.0));
    }

    @Test
    void aBurstSmallerThanOneDatagramIsRefused() {
        assertThatThrownBy(() -> new Pacer(MSS - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burstBytes");
    }
}
