package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.channel.cc.CongestionControl;
import org.sss.core.channel.cc.CongestionController;
import org.sss.core.negotiation.Role;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.NackRange;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PingFrame;

/**
 * SPEC.md section 6.5, loss detection: which packets are declared lost and when (CHN-LOSS-1,
 * CHN-LOSS-2), the probe timeout (CHN-LOSS-3, CHN-LOSS-4), and what the listener hears of each
 * packet it sent (exactly one of onPacketAcked and onPacketLost). The responder's ACKs are forged
 * where the test needs to choose exactly what they acknowledge.
 */
class LossRecoveryTest {

    /** The defaults without skipping or pacing, so that packet numbers and timing are the test's. */
    static ChannelConfig unpaced() {
        return ChannelPair.deterministic().toBuilder().pacing(false).build();
    }

    /** Established, with both ends' SETTINGS acknowledged and nothing pending or in flight. */
    static ChannelPair quiet(ChannelConfig config) {
        ChannelPair pair = new ChannelPair(config, config, 1);
        pair.establish();
        for (int i = 0; i < 3; i++) {
            pair.advance(Duration.ofMillis(25));
            pair.flush();
        }
        // the initiator's last ACK-only packet is acknowledged only with an ack-eliciting one after it
        pair.initiator.ping();
        pair.flush();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        assertThat(pair.initiator.statistics().unacknowledgedPackets()).isZero();
        assertThat(pair.initiator.bytesInFlight()).isZero();
        pair.initiatorEvents.acked.clear();
        assertThat(pair.initiatorEvents.lost).isEmpty();
        assertThat(pair.initiator.nextTimeoutNanos() - pair.clock.nanoTime())
                .as("no timer but idle and rotation").isGreaterThan(Duration.ofSeconds(100).toNanos());
        return pair;
    }

    /** Forges the responder's ACK frames, with counters far above the ones it really used. */
    static final class ForgedAcks {
        private final ChannelPair pair;
        private long counter = 1000;

        ForgedAcks(ChannelPair pair) {
            this.pair = pair;
        }

        /** Delivers to the initiator an ACK of [least, largest] less the NACK ranges. */
        void ack(long least, long largest, NackRange... missing) {
            long number = counter++;
            byte[] datagram = pair.forge(Role.RESPONDER, number, ChannelPair.plaintext(PacketHeader.of(number, false),
                    AckFrame.of(least, largest, 0, List.of(missing))));
            assertThat(ChannelPair.deliver(datagram, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        }
    }

    /** Sends PINGs through {@link Channel#send} whose datagrams are lost; returns their numbers. */
    static long[] lostPings(ChannelPair pair, int count) {
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = pair.initiator.ping();
            pair.initiatorOut.take();
        }
        return numbers;
    }

    private static boolean hasPing(ChannelPair.Opened opened) {
        return opened.frames().stream().anyMatch(f -> f instanceof PingFrame);
    }

    @Test
    void aPacketThreeBelowAnAcknowledgedOneIsReportedLost() {
        ChannelPair pair = quiet(unpaced());
        ForgedAcks acks = new ForgedAcks(pair);
        long[] p = lostPings(pair, 4);

        acks.ack(p[1], p[2]);
        // p[2] is only 2 above p[0]: not yet lost
        assertThat(pair.initiatorEvents.lost).isEmpty();
        assertThat(pair.initiatorEvents.acked).containsExactly(p[1], p[2]);

        acks.ack(p[1], p[3]);
        // SPEC CHN-LOSS-1: p[3] ≥ p[0] + 3 was acknowledged
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0]);
        assertThat(pair.initiatorEvents.acked).containsExactly(p[1], p[2], p[3]);
        assertThat(pair.initiator.packetsLost()).isEqualTo(1);
        assertThat(pair.initiator.statistics().packetsLost()).isEqualTo(1);
        assertThat(pair.initiator.bytesInFlight()).isZero();
    }

    @Test
    void aPacketSentLongerAgoThanTheTimeThresholdIsReportedLostByTheLossTimer() {
        ChannelPair pair = quiet(unpaced());
        ForgedAcks acks = new ForgedAcks(pair);
        long sentAt = pair.clock.nanoTime();
        long[] p = lostPings(pair, 2);
        pair.clock.advance(Duration.ofMillis(10));

        acks.ack(p[1], p[1]);
        assertThat(pair.initiatorEvents.acked).containsExactly(p[1]);
        assertThat(pair.initiatorEvents.lost).isEmpty();
        // SPEC CHN-LOSS-2: lost once sent more than 9/8 · max(smoothed_rtt, latest_rtt) ago
        long base = Math.max(pair.initiator.smoothedRttNanos(), pair.initiator.latestRttNanos());
        assertThat(pair.initiator.latestRttNanos()).isEqualTo(Duration.ofMillis(10).toNanos());
        long lossAt = sentAt + base + base / 8;
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(lossAt);

        pair.advance(Duration.ofNanos(lossAt - 1 - pair.clock.nanoTime()));
        assertThat(pair.initiatorEvents.lost).isEmpty();
        pair.advance(Duration.ofNanos(1));
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0]);
        assertThat(pair.initiatorEvents.acked).containsExactly(p[1]);
        assertThat(pair.initiator.nextTimeoutNanos() - pair.clock.nanoTime())
                .as("nothing left in flight: no loss timer, no PTO").isGreaterThan(Duration.ofSeconds(100).toNanos());
    }

    @Test
    void eachPacketIsReportedOnceAndALateAckOfALostPacketIsNotReported() {
        ChannelPair pair = quiet(unpaced());
        ForgedAcks acks = new ForgedAcks(pair);
        long[] p = lostPings(pair, 5);

        // SPEC CHN-ACK-9: nothing is concluded about p[0], below least_unacked; CHN-LOSS-1 condemns it
        acks.ack(p[1], p[4]);
        acks.ack(p[1], p[4]);
        acks.ack(p[0], p[4]);
        acks.ack(p[2], p[3]);

        assertThat(pair.initiatorEvents.acked).containsExactly(p[1], p[2], p[3], p[4]);
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0]);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void deliveredPacketsAreAcknowledgedExactlyOnceThroughTheRealPeer() {
        ChannelPair pair = quiet(unpaced());
        List<Long> sent = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            sent.add(pair.initiator.ping());
            sent.add(pair.initiator.ping());
            sent.add(pair.initiator.ping());
            pair.flush();
            // the responder's delayed ACK goes at 25 ms, before the PTO (≥ 25 ms + 1 ms) can expire
            pair.advance(Duration.ofMillis(25));
            pair.flush();
        }
        assertThat(pair.initiatorEvents.acked).containsExactlyElementsOf(sent);
        assertThat(pair.initiatorEvents.lost).isEmpty();
        assertThat(pair.initiator.lossRate()).isZero();
        // the responder's packets were ACK-only: they are not the listener's
        assertThat(pair.responderEvents.acked).isEmpty();
    }

    @Test
    void skippedPacketNumbersAreNeverReportedLost() {
        // CHN-ACK-12 at its most: a skipped number before every packet
        ChannelConfig skipping = unpaced().toBuilder().packetNumberSkipPeriod(1).build();
        ChannelPair pair = new ChannelPair(skipping, unpaced(), 5);
        pair.establish();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        long first = pair.initiator.ping();
        long[] rest = {pair.initiator.ping(), pair.initiator.ping(), pair.initiator.ping()};
        assertThat(rest[0] - first).as("a number was skipped between them").isEqualTo(2);

        pair.flush(opened -> opened.packetNumber() != first);
        pair.advance(Duration.ofMillis(25));
        pair.flush();

        // SPEC CHN-ACK-13: a skipped number is never declared lost
        assertThat(pair.initiatorEvents.lost).containsExactly(first);
        assertThat(pair.initiatorEvents.acked).containsExactly(rest[0], rest[1], rest[2]);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void theProbeTimeoutAsksForOneProbeThenTwoAndSendsPingForTheMissingOnes() {
        ChannelPair pair = quiet(unpaced());
        long sentAt = pair.clock.nanoTime();
        lostPings(pair, 1);
        long pto = pair.initiator.probeTimeoutNanos();
        // SPEC CHN-LOSS-3: PTO = smoothed_rtt + max(4 · rttvar, 1 ms) + max_ack_delay after the last ack-eliciting packet
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(sentAt + pto);

        pair.advance(Duration.ofNanos(pto));
        // SPEC CHN-LOSS-4: one probe, a PING since the listener sent nothing
        assertThat(pair.initiatorEvents.probes).containsExactly(1);
        List<byte[]> first = pair.initiatorOut.drain();
        assertThat(first).hasSize(1);
        assertThat(hasPing(pair.open(first.get(0)))).isTrue();
        long firstProbeAt = pair.clock.nanoTime();
        // SPEC CHN-LOSS-3: doubled for the second consecutive expiry
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(firstProbeAt + 2 * pto);

        pair.advance(Duration.ofNanos(2 * pto));
        assertThat(pair.initiatorEvents.probes).containsExactly(1, 2);
        List<byte[]> second = pair.initiatorOut.drain();
        assertThat(second).hasSize(2);
        assertThat(second).allSatisfy(d -> assertThat(hasPing(pair.open(d))).isTrue());
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(pair.clock.nanoTime() + 4 * pto);
        // probes are the channel's own: the listener hears of no new packet
        assertThat(pair.initiatorEvents.acked).isEmpty();
        assertThat(pair.initiatorEvents.lost).isEmpty();
    }

    @Test
    void aListenerThatSendsItsOwnProbeGetsNoPingForIt() {
        ChannelPair pair = quiet(unpaced());
        ForgedAcks acks = new ForgedAcks(pair);
        long[] p = lostPings(pair, 1);
        List<Long> probesSent = new ArrayList<>();
        pair.initiatorEvents.onProbe = count -> probesSent.add(pair.initiator.ping());
        pair.advance(Duration.ofNanos(pair.initiator.probeTimeoutNanos()));
        pair.advance(Duration.ofNanos(2 * pair.initiator.probeTimeoutNanos()));

        assertThat(pair.initiatorEvents.probes).containsExactly(1, 2);
        // one probe of each expiry came from the listener; the second of the second expiry is the channel's PING
        List<byte[]> out = pair.initiatorOut.drain();
        assertThat(out).hasSize(3);
        assertThat(probesSent).hasSize(2);
        assertThat(pair.open(out.get(0)).packetNumber()).isEqualTo(probesSent.get(0));
        assertThat(pair.open(out.get(1)).packetNumber()).isEqualTo(probesSent.get(1));

        long last = pair.open(out.get(2)).packetNumber();
        acks.ack(probesSent.get(0), last);
        // SPEC CHN-LOSS-3: the acknowledgement resets the doubling
        assertThat(pair.initiatorEvents.acked).containsExactlyElementsOf(probesSent);
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0]);
        long next = pair.initiator.ping();
        assertThat(next).isGreaterThan(last);
        assertThat(pair.initiator.nextTimeoutNanos())
                .isEqualTo(pair.clock.nanoTime() + pair.initiator.probeTimeoutNanos());
    }

    @Test
    void probesMayBeSentWhenTheWindowIsFull() {
        ChannelPair pair = quiet(unpaced());
        while (pair.initiator.canSend()) {
            CongestionTest.sendFullPacket(pair.initiator);
        }
        pair.initiatorOut.drain();
        long window = pair.initiator.congestionWindow();
        List<Boolean> canSendDuringProbe = new ArrayList<>();
        pair.initiatorEvents.onProbe = count -> {
            canSendDuringProbe.add(pair.initiator.canSend());
            CongestionTest.sendFullPacket(pair.initiator);
            canSendDuringProbe.add(pair.initiator.canSend());
        };
        pair.advance(Duration.ofNanos(pair.initiator.probeTimeoutNanos()));

        // SPEC CHN-CC-3: probes may exceed the congestion window
        assertThat(canSendDuringProbe).containsExactly(true, false);
        assertThat(pair.initiatorOut.size()).isEqualTo(1);
        assertThat(pair.initiator.bytesInFlight()).isGreaterThan(window);
    }

    @Test
    void packetsForgottenWhenTheSentLogOverflowsAreReportedLostAtTheNextTimeout() {
        ChannelPair pair = quiet(unpaced().toBuilder().maxSentPackets(4).build());
        long[] p = lostPings(pair, 6);
        // not from inside send(): the listener hears of losses only during onMessage and onTimeout
        assertThat(pair.initiatorEvents.lost).isEmpty();
        assertThat(pair.initiator.bytesInFlight()).as("the forgotten packets left the flight at once")
                .isEqualTo(4L * pair.initiatorOut.history.get(pair.initiatorOut.history.size() - 1).length);
        assertThat(pair.initiator.nextTimeoutNanos()).isLessThanOrEqualTo(pair.clock.nanoTime());

        pair.initiator.onTimeout(pair.clock.nanoTime());
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0], p[1]);

        // a late ACK of a forgotten packet is not reported
        new ForgedAcks(pair).ack(p[0], p[5]);
        assertThat(pair.initiatorEvents.acked).containsExactly(p[2], p[3], p[4], p[5]);
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0], p[1]);
    }

    @Test
    void theLossRateIsTheShareOfLossesAmongTheLast256KnownFates() {
        ChannelPair pair = quiet(unpaced());
        ForgedAcks acks = new ForgedAcks(pair);
        assertThat(pair.initiator.lossRate()).as("no loss yet").isZero();
        for (int block = 0; block < 70; block++) {
            long[] p = lostPings(pair, 4);
            acks.ack(p[1], p[3]);
            assertThat(pair.initiatorEvents.lost).last().isEqualTo(p[0]);
        }
        // STR-DGRAM-7: one in four of the most recent 256 fates is a loss
        assertThat(pair.initiator.lossRate()).isEqualTo(0.25);
        assertThat(pair.initiator.packetsLost()).isEqualTo(70);
        assertThat(pair.initiator.statistics().packetsLost()).isEqualTo(70);
    }

    @Test
    void persistentCongestionCollapsesTheWindowToTheMinimum() {
        ChannelPair pair = quiet(unpaced().toBuilder().congestionControl(CongestionControl.NEWRENO).build());
        ForgedAcks acks = new ForgedAcks(pair);
        long[] p = lostPings(pair, 1);
        long pto = pair.initiator.probeTimeoutNanos();
        // three expiries, 1 + 2 + 4 PTO apart: every probe lost, over far more than 3 · PTO
        pair.advance(Duration.ofNanos(pto));
        pair.advance(Duration.ofNanos(2 * pto));
        pair.advance(Duration.ofNanos(4 * pto));
        assertThat(pair.initiatorEvents.probes).containsExactly(1, 2, 2);
        pair.initiatorOut.drain();
        // long enough for the last probes to be lost by the time threshold too
        pair.clock.advance(Duration.ofNanos(pto));
        long last = pair.initiator.ping();
        pair.initiatorOut.drain();

        acks.ack(last, last);
        // RFC 9002 7.6.2 with CHN-CC-1's threshold of 3: the window collapses to 2464 bytes
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0]);
        assertThat(pair.initiator.congestionWindow()).isEqualTo(CongestionController.MINIMUM_WINDOW);
    }

    @Test
    void lossesSpanningLessThanThePersistentPeriodOnlyHalveTheWindow() {
        ChannelPair pair = quiet(unpaced().toBuilder().congestionControl(CongestionControl.NEWRENO).build());
        ForgedAcks acks = new ForgedAcks(pair);
        long[] p = lostPings(pair, 5);
        acks.ack(p[4], p[4]);
        assertThat(pair.initiatorEvents.lost).containsExactly(p[0], p[1]);
        // SPEC CHN-CC-1: ssthresh = cwnd · 0.5 and cwnd = max(ssthresh, 2464)
        assertThat(pair.initiator.congestionWindow()).isEqualTo(CongestionController.INITIAL_WINDOW / 2);
        assertThat(pair.initiator.statistics().congestionControl()).isEqualTo("newreno");
    }
}
