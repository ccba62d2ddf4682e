package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sss.core.negotiation.Role;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.NackRange;
import org.sss.core.wire.PacketHeader;

/** SPEC.md section 6.5 and 7.3: when ACKs are sent, what they say, and what an ACK may claim. */
class AckTest {

    /** Established, with the initiator's first ACK delivered so that nothing is pending. */
    private static ChannelPair settled() {
        ChannelPair pair = ChannelPair.established();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        assertThat(pair.initiatorOut.isEmpty()).isTrue();
        assertThat(pair.responderOut.isEmpty()).isTrue();
        return pair;
    }

    private static AckFrame ackOf(ChannelPair.Opened opened) {
        for (Frame frame : opened.frames()) {
            if (frame instanceof AckFrame ack) {
                return ack;
            }
        }
        throw new AssertionError("no ACK in packet " + opened.packetNumber());
    }

    @Test
    void ackIsDelayedByAtMostMaxAckDelay() {
        ChannelPair pair = settled();
        long ping = pair.initiator.ping();
        long receivedAt = pair.clock.nanoTime();
        pair.flush();
        assertThat(pair.responderOut.isEmpty()).as("one ack-eliciting packet is not acknowledged at once").isTrue();
        // SPEC CHN-ACK-1: no later than max_ack_delay (25 ms)
        assertThat(pair.responder.nextTimeoutNanos()).isEqualTo(receivedAt + Duration.ofMillis(25).toNanos());
        pair.advance(Duration.ofMillis(24));
        assertThat(pair.responderOut.isEmpty()).isTrue();
        pair.advance(Duration.ofMillis(1));
        assertThat(pair.responderOut.size()).isEqualTo(1);
        AckFrame ack = ackOf(pair.open(pair.responderOut.take()));
        assertThat(ack.largestObserved()).isEqualTo(ping);
        // SPEC CHN-ACK-8: microseconds from receiving largest_observed to sending the ACK
        assertThat(ack.ackDelayUs()).isEqualTo(25_000);
    }

    @Test
    void ackGoesAtOnceAfterTheSecondAckElicitingPacket() {
        ChannelPair pair = settled();
        pair.initiator.ping();
        ChannelPair.deliver(pair.initiatorOut.take(), pair.responder);
        assertThat(pair.responderOut.isEmpty()).isTrue();
        long second = pair.initiator.ping();
        ChannelPair.deliver(pair.initiatorOut.take(), pair.responder);
        // SPEC CHN-ACK-2: at once after the second unacknowledged ack-eliciting packet
        assertThat(pair.responderOut.size()).isEqualTo(1);
        AckFrame ack = ackOf(pair.open(pair.responderOut.take()));
        assertThat(ack.largestObserved()).isEqualTo(second);
        assertThat(ack.leastUnacked()).isLessThanOrEqualTo(second - 1);
        assertThat(ack.nackRanges()).isEmpty();
        assertThat(ack.ackDelayUs()).isZero();
    }

    @Test
    void ackGoesAtOnceWhenAPacketArrivesOutOfOrder() {
        ChannelPair pair = settled();
        pair.initiator.ping();
        byte[] skipped = pair.initiatorOut.take();
        long third = pair.initiator.ping();
        // SPEC CHN-ACK-3: more than one above the highest received
        ChannelPair.deliver(pair.initiatorOut.take(), pair.responder);
        assertThat(pair.responderOut.size()).isEqualTo(1);
        AckFrame ack = ackOf(pair.open(pair.responderOut.take()));
        assertThat(ack.largestObserved()).isEqualTo(third);
        assertThat(ack.nackRanges()).containsExactly(NackRange.of(third - 1, 1));
        // and again when the missing one arrives late, below the highest
        ChannelPair.deliver(skipped, pair.responder);
        assertThat(pair.responderOut.size()).isEqualTo(1);
        assertThat(ackOf(pair.open(pair.responderOut.take())).nackRanges()).isEmpty();
    }

    @Test
    void packetsHoldingOnlyAcksAreNeverAcknowledgedOnTheirOwn() {
        ChannelPair pair = settled();
        for (int i = 0; i < 10; i++) {
            pair.initiator.ping();
            pair.initiator.ping();
            // the responder's immediate ACK is an ACK-only packet; the initiator must not answer it
            pair.flush();
            pair.advance(Duration.ofMillis(100));
            pair.flush();
        }
        // SPEC CHN-ACK-4: no packet whose only purpose is to acknowledge non-ack-eliciting packets
        // (the first packet acknowledged the responder's first MESSAGE, which carried SETTINGS)
        long initiatorAcks = pair.initiatorOut.history.stream().skip(1).map(pair::open)
                .filter(o -> o.meaningfulFrames().stream().allMatch(f -> f instanceof AckFrame)).count();
        assertThat(initiatorAcks).isZero();
        assertThat(pair.initiatorOut.history.size()).isEqualTo(1 + 20);
    }

    @Test
    void ackRangesDescribeExactlyWhatArrivedUnderSeededLoss() {
        long seed = TestSeed.forTest("ackRangesDescribeExactlyWhatArrivedUnderSeededLoss");
        runLossScenario(seed, ChannelPair.deterministic(), ChannelPair.deterministic(), 0.25);
    }

    @Test
    void truncatedAckRangesStayTruthfulWhenFewRunsAreKept() {
        long seed = TestSeed.forTest("truncatedAckRangesStayTruthfulWhenFewRunsAreKept");
        // SPEC CHN-ACK-7: the responder keeps only 8 runs, and the initiator accepts only 256-byte plaintexts
        ChannelConfig initiator = ChannelPair.deterministic().toBuilder().maxPlaintext(256).build();
        ChannelConfig responder = ChannelPair.deterministic().toBuilder().maxAckIntervals(8).build();
        int truncated = runLossScenario(seed, initiator, responder, 0.4);
        assertThat(truncated).isGreaterThan(0);
    }

    /** Returns how many ACKs raised least_unacked above the lowest number received. */
    private static int runLossScenario(long seed, ChannelConfig initiatorConfig, ChannelConfig responderConfig,
            double loss) {
        Random random = new Random(seed);
        ChannelPair pair = new ChannelPair(initiatorConfig, responderConfig, seed);
        pair.establish();
        LossRun run = new LossRun(pair);
        for (int round = 0; round < 600; round++) {
            pair.initiator.ping();
            if (random.nextInt(8) == 0) {
                pair.responder.ping();
            }
            run.checkResponderOutput();
            if (random.nextInt(10) == 0) {
                pair.advance(Duration.ofMillis(30));
                run.checkResponderOutput();
            }
            while (!pair.initiatorOut.isEmpty() || !run.toInitiator.isEmpty()) {
                for (byte[] datagram : pair.initiatorOut.drain()) {
                    ChannelPair.Opened opened = pair.open(datagram);
                    if (random.nextDouble() >= loss) {
                        run.model.add(opened.packetNumber());
                        ChannelPair.deliver(datagram, pair.responder);
                        run.checkResponderOutput();
                    }
                }
                while (!run.toInitiator.isEmpty()) {
                    ChannelPair.deliver(run.toInitiator.removeFirst(), pair.initiator);
                }
            }
        }
        assertThat(run.acksChecked).isGreaterThan(200);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.initiator.statistics().rtt().samples()).isGreaterThan(0);
        return run.truncated;
    }

    /** The responder's side of a loss run: each ACK is judged against the model the moment it is sent. */
    private static final class LossRun {
        final ChannelPair pair;
        final AckModel model = new AckModel();
        final java.util.ArrayDeque<byte[]> toInitiator = new java.util.ArrayDeque<>();
        int acksChecked;
        int truncated;

        LossRun(ChannelPair pair) {
            this.pair = pair;
            model.add(ChannelPair.INITIATE_PN);
        }

        void checkResponderOutput() {
            for (byte[] datagram : pair.responderOut.drain()) {
                for (Frame frame : pair.open(datagram).frames()) {
                    if (frame instanceof AckFrame ack) {
                        model.check(ack);
                        acksChecked++;
                        if (ack.leastUnacked() > model.received.first()) {
                            truncated++;
                        }
                    }
                }
                toInitiator.addLast(datagram);
            }
        }
    }

    @Test
    void ackAboveTheLargestPacketSentClosesWithProtocolViolation() {
        ChannelPair pair = settled();
        long sent = pair.initiator.ping();
        byte[] lie = pair.forge(Role.RESPONDER, 100, ChannelPair.plaintext(PacketHeader.of(100, false),
                AckFrame.of(sent, sent + 1, 0, List.of())));
        ReceiveResult result = ChannelPair.deliver(lie, pair.initiator);
        // SPEC CHN-ACK-10
        assertThat(result).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = lastClose(pair, pair.initiatorOut);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("CHN-ACK-10");
    }

    @Test
    void ackOfASkippedPacketNumberClosesWithProtocolViolation() {
        // every packet is preceded by a skipped number
        ChannelConfig alwaysSkip = ChannelPair.deterministic().toBuilder().packetNumberSkipPeriod(1).build();
        ChannelPair pair = new ChannelPair(alwaysSkip, ChannelPair.deterministic(), 3);
        pair.establish();
        long sent = pair.initiator.ping();
        long skipped = sent - 1;
        assertThat(skipped).isGreaterThan(ChannelPair.INITIATE_PN);
        // an honest ACK reports the skipped number missing and is accepted
        byte[] honest = pair.forge(Role.RESPONDER, 100, ChannelPair.plaintext(PacketHeader.of(100, false),
                AckFrame.of(skipped, sent, 0, List.of(NackRange.of(skipped, 1)))));
        assertThat(ChannelPair.deliver(honest, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        // SPEC CHN-ACK-11, CHN-ACK-12: acknowledging the skipped number reveals an optimistic ACK
        byte[] lie = pair.forge(Role.RESPONDER, 101, ChannelPair.plaintext(PacketHeader.of(101, false),
                AckFrame.of(skipped, sent, 0, List.of())));
        assertThat(ChannelPair.deliver(lie, pair.initiator)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        CloseFrame close = lastClose(pair, pair.initiatorOut);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(close.reason()).contains("skipped");
    }

    @Test
    void responderClosesOnAnAckOfANumberBelowItsFirstPacket() {
        ChannelPair pair = settled();
        byte[] lie = pair.forge(Role.INITIATOR, 50, ChannelPair.plaintext(PacketHeader.of(50, false),
                AckFrame.of(0, 1, 0, List.of())));
        assertThat(ChannelPair.deliver(lie, pair.responder)).isEqualTo(ReceiveResult.CLOSED_BY_RULE);
        assertThat(lastClose(pair, pair.responderOut).reason()).contains("below the first packet sent");
    }

    @Test
    void rttSamplesFollowRfc9002() {
        ChannelPair pair = settled();
        RttStatistics first = pair.initiator.statistics().rtt();
        // SPEC CHN-RTT-1: the first sample, from the INITIATE sent 500 ms before the responder's first
        // MESSAGE acknowledged it, sets smoothed_rtt to it and rttvar to half of it
        assertThat(first.samples()).isEqualTo(1);
        assertThat(first.latest()).isEqualTo(Duration.ofMillis(500));
        assertThat(first.smoothed()).isEqualTo(Duration.ofMillis(500));
        assertThat(first.variation()).isEqualTo(Duration.ofMillis(250));
        pair.initiator.ping();
        pair.clock.advance(Duration.ofMillis(40));
        pair.flush();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        RttStatistics rtt = pair.initiator.statistics().rtt();
        // SPEC CHN-RTT-1: later samples move smoothed_rtt by 1/8 and rttvar by 1/4 of the difference (RFC 9002 5.3)
        assertThat(rtt.samples()).isEqualTo(2);
        assertThat(rtt.latest()).isEqualTo(Duration.ofMillis(65));
        assertThat(rtt.min()).isEqualTo(Duration.ofMillis(65));
        assertThat(rtt.smoothed()).isEqualTo(Duration.ofNanos((7 * 500_000_000L + 65_000_000L) / 8));
        assertThat(rtt.variation()).isEqualTo(Duration.ofNanos((3 * 250_000_000L + 435_000_000L) / 4));
        // the responder sampled the initiator's delayed ACK of its first MESSAGE
        assertThat(pair.responder.statistics().rtt().latest()).isEqualTo(Duration.ofMillis(25));
        assertThat(pair.initiator.statistics().unacknowledgedPackets()).isZero();
    }

    private static CloseFrame lastClose(ChannelPair pair, QueueSink sink) {
        List<byte[]> all = sink.drain();
        List<Frame> frames = pair.open(all.get(all.size() - 1)).meaningfulFrames();
        return (CloseFrame) frames.get(frames.size() - 1);
    }

    @Test
    void pingIsAckElicitingAndHasNoOtherEffect() {
        ChannelPair pair = settled();
        pair.initiator.ping();
        pair.flush();
        // SPEC FRM-PING-1
        assertThat(pair.responderEvents.frameTypes).isEmpty();
        assertThat(pair.responder.nextTimeoutNanos()).isEqualTo(pair.clock.nanoTime() + Duration.ofMillis(25).toNanos());
    }
}
