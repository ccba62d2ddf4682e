package org.sss.core.channel.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.channel.cc.CongestionController.INITIAL_WINDOW;
import static org.sss.core.channel.cc.CongestionController.MAX_DATAGRAM_SIZE;
import static org.sss.core.channel.cc.CongestionController.MINIMUM_WINDOW;

import org.junit.jupiter.api.Test;

/** SPEC CHN-CC-1: NewReno as RFC 9002 section 7 and appendix B specify it, with SSS's constants. */
class NewRenoTest {
    private static final long RTT = 100_000_000;
    private static final RttView RTT_VIEW = RttView.fixed(RTT, RTT, RTT);
    private static final long T0 = 5_000_000_000L;

    @Test
    void theConstantsAreThoseOfChnCc1() {
        assertThat(MAX_DATAGRAM_SIZE).isEqualTo(1232);
        assertThat(INITIAL_WINDOW).isEqualTo(12_320);
        assertThat(MINIMUM_WINDOW).isEqualTo(2_464);
        assertThat(CongestionController.LOSS_REDUCTION_FACTOR).isEqualTo(0.5);
        assertThat(CongestionController.PERSISTENT_CONGESTION_THRESHOLD).isEqualTo(3);
    }

    @Test
    void startsInSlowStartAtTheInitialWindow() {
        NewReno reno = new NewReno();
        assertThat(reno.name()).isEqualTo("newreno");
        assertThat(reno.window()).isEqualTo(12_320);
        assertThat(reno.slowStartThreshold()).isEqualTo(Long.MAX_VALUE);
        assertThat(reno.inSlowStart()).isTrue();
        assertThat(reno.bytesInFlight()).isZero();
    }

    @Test
    void slowStartGrowsTheWindowByEveryByteAcknowledged() {
        NewReno reno = new NewReno();
        // RFC 9002 7.3.1: a full window acknowledged doubles it, round after round
        long now = Flights.round(reno, T0, RTT_VIEW);
        assertThat(reno.window()).isEqualTo(24_640);
        Flights.round(reno, now, RTT_VIEW);
        assertThat(reno.window()).isEqualTo(49_280);
        assertThat(reno.bytesInFlight()).isZero();
    }

    @Test
    void anUnderusedWindowDoesNotGrow() {
        NewReno reno = new NewReno();
        Flights.send(reno, 2, T0);
        Flights.ack(reno, 2, T0, T0 + RTT, RTT_VIEW);
        // RFC 9002 7.8: 2 of 10 datagrams in flight is not using the window
        assertThat(reno.window()).isEqualTo(INITIAL_WINDOW);
    }

    @Test
    void aCongestionEventHalvesTheWindowOncePerRecoveryPeriod() {
        NewReno reno = new NewReno();
        Flights.send(reno, 10, T0);
        long now = T0 + RTT;
        Flights.lose(reno, T0, now);
        // SPEC CHN-CC-1: ssthresh = cwnd · 0.5, cwnd = max(ssthresh, 2464)
        assertThat(reno.slowStartThreshold()).isEqualTo(6_160);
        assertThat(reno.window()).isEqualTo(6_160);
        assertThat(reno.bytesInFlight()).isEqualTo(9 * 1232);
        // RFC 9002 7.3.2: another loss from before the recovery period began does not reduce again,
        // and acknowledgements of such packets do not grow the window
        Flights.lose(reno, T0, now + 1);
        Flights.ack(reno, 8, T0, now + 2, RTT_VIEW);
        assertThat(reno.window()).isEqualTo(6_160);
        // a packet sent after the recovery period began, lost: a new reduction
        Flights.send(reno, 1, now + 3);
        Flights.lose(reno, now + 3, now + RTT);
        assertThat(reno.window()).isEqualTo(3_080);
        assertThat(reno.bytesInFlight()).isZero();
    }

    @Test
    void theWindowNeverFallsBelowTheMinimum() {
        NewReno reno = new NewReno();
        long now = T0;
        for (int i = 0; i < 6; i++) {
            // each packet sent after the previous recovery period began
            Flights.send(reno, 1, now + 1);
            now += RTT;
            Flights.lose(reno, now - RTT + 1, now);
            assertThat(reno.window()).isGreaterThanOrEqualTo(MINIMUM_WINDOW);
        }
        assertThat(reno.window()).isEqualTo(MINIMUM_WINDOW);
    }

    @Test
    void congestionAvoidanceAddsOneDatagramPerWindowAcknowledged() {
        NewReno reno = new NewReno();
        Flights.send(reno, 10, T0);
        Flights.lose(reno, T0, T0 + RTT);
        Flights.ack(reno, 9, T0, T0 + RTT, RTT_VIEW);
        assertThat(reno.window()).isEqualTo(6_160);
        assertThat(reno.inSlowStart()).isFalse();
        // RFC 9002 7.3.3: one maximum datagram size per congestion window acknowledged
        long now = Flights.round(reno, T0 + 2 * RTT, RTT_VIEW);
        assertThat(reno.window()).isEqualTo(6_160 + 1_232);
        Flights.round(reno, now, RTT_VIEW);
        assertThat(reno.window()).isEqualTo(6_160 + 2 * 1_232);
    }

    @Test
    void persistentCongestionCollapsesTheWindowToTheMinimum() {
        NewReno reno = new NewReno();
        long now = Flights.round(reno, T0, RTT_VIEW);
        Flights.send(reno, 20, now);
        Flights.lose(reno, now, now + 10 * RTT);
        reno.onPersistentCongestion(now + 10 * RTT);
        // RFC 9002 7.6.2: the window is reduced to the minimum
        assertThat(reno.window()).isEqualTo(MINIMUM_WINDOW);
        assertThat(reno.inSlowStart()).isTrue();
    }

    @Test
    void forgottenPacketsLeaveTheFlightWithoutAReduction() {
        NewReno reno = new NewReno();
        Flights.send(reno, 3, T0);
        reno.onPacketDiscarded(MAX_DATAGRAM_SIZE);
        assertThat(reno.bytesInFlight()).isEqualTo(2 * 1232);
        assertThat(reno.window()).isEqualTo(INITIAL_WINDOW);
    }
}
