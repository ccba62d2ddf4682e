package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.negotiation.Role;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.SettingsFrame;

/** SPEC.md section 6.8: CLOSE, the closing and draining states, and the idle timeout. */
class CloseTest {
    /** PTO with the initial RTT of 500 ms: 500 + 4 · 250 + 25 ms (SPEC.md section 10). */
    private static final Duration INITIAL_PTO = Duration.ofMillis(1525);

    private static CloseFrame closeOf(ChannelPair.Opened opened) {
        List<Frame> frames = opened.meaningfulFrames();
        // SPEC FRM-CLOSE-1: CLOSE is the last frame, apart from trailing zero bytes
        assertThat(frames.get(frames.size() - 1)).isInstanceOf(CloseFrame.class);
        return (CloseFrame) frames.get(frames.size() - 1);
    }

    @Test
    void closeSendsCloseWithACompleteAckAndEntersClosing() {
        ChannelPair pair = ChannelPair.established();
        long last = pair.responder.send(List.of(ChannelMessageFlowTest.stream(2, "data", true)));
        pair.flush();
        pair.initiator.close(ErrorCode.NO_ERROR, "bye");
        // SPEC CHN-CLOSE-1
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSING);
        ChannelPair.Opened opened = pair.open(pair.initiatorOut.take());
        CloseFrame close = closeOf(opened);
        assertThat(close.errorCode()).isEqualTo(0);
        assertThat(close.reason()).isEqualTo("bye");
        assertThat(close.finalAck().largestObserved()).isEqualTo(last);
        assertThat(close.finalAck().leastUnacked()).isLessThanOrEqualTo(last);
        // SPEC CHN-CLOSE-2: nothing but CLOSE (and SETTINGS, when still unacknowledged)
        assertThat(opened.meaningfulFrames()).hasSize(1);
        assertThat(pair.initiatorEvents.closures).containsExactly(new ChannelClosure(CloseOrigin.LOCAL, 0, "bye"));
        pair.initiator.close(ErrorCode.INTERNAL_ERROR, "again");
        assertThat(pair.initiatorOut.isEmpty()).as("a second close does nothing").isTrue();
    }

    @Test
    void closingAnswersAcceptedPacketsWithCloseAtMostOncePerSmoothedRtt() {
        ChannelPair pair = ChannelPair.established();
        pair.initiator.close(ErrorCode.CANCELLED, "stop");
        long firstClose = pair.open(pair.initiatorOut.take()).packetNumber();
        long smoothed = pair.initiator.statistics().rtt().smoothed().toNanos();
        // the peer has not heard: it keeps sending
        pair.responder.send(List.of(ChannelMessageFlowTest.stream(2, "a", true)));
        pair.responder.send(List.of(ChannelMessageFlowTest.stream(2, "b", true)));
        for (byte[] datagram : pair.responderOut.drain()) {
            assertThat(ChannelPair.deliver(datagram, pair.initiator)).isEqualTo(ReceiveResult.ACCEPTED);
        }
        // SPEC CHN-CLOSE-2: at most one answer per smoothed RTT, and none yet since the first CLOSE
        assertThat(pair.initiatorOut.isEmpty()).isTrue();
        // SPEC CHN-CLOSE-5: nothing delivered in the closing state
        assertThat(pair.initiatorEvents.frameTypes).isEmpty();
        pair.clock.advance(Duration.ofNanos(smoothed));
        pair.responder.ping();
        pair.responder.ping();
        for (byte[] datagram : pair.responderOut.drain()) {
            ChannelPair.deliver(datagram, pair.initiator);
        }
        assertThat(pair.initiatorOut.size()).isEqualTo(1);
        ChannelPair.Opened again = pair.open(pair.initiatorOut.take());
        CloseFrame close = closeOf(again);
        // a new packet with the same error code and reason
        assertThat(again.packetNumber()).isGreaterThan(firstClose);
        assertThat(close.errorCode()).isEqualTo(ErrorCode.CANCELLED.code());
        assertThat(close.reason()).isEqualTo("stop");
    }

    @Test
    void closingEndsAfterThreePtoAndErasesTheKeys() {
        ChannelPair pair = ChannelPair.established();
        long closedAt = pair.clock.nanoTime();
        pair.initiator.close(ErrorCode.NO_ERROR, "");
        // SPEC CHN-CLOSE-1: 3 · PTO; no RTT sample yet, so PTO is 1525 ms
        long end = closedAt + 3 * INITIAL_PTO.toNanos();
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(end);
        pair.initiator.onTimeout(end - 1);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSING);
        assertThat(pair.initiatorNegotiated.sharedKey().isDestroyed()).isFalse();
        pair.initiator.onTimeout(end);
        // SPEC CHN-CLOSE-4: discarded, keys erased
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSED);
        assertThat(pair.initiatorNegotiated.sharedKey().isDestroyed()).isTrue();
        assertThat(pair.initiatorNegotiated.ownShortTerm().isDestroyed()).isTrue();
        assertThat(pair.initiatorEvents.discarded).isEqualTo(1);
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(Channel.NO_TIMEOUT);
        pair.responder.ping();
        assertThat(ChannelPair.deliver(pair.responderOut.take(), pair.initiator).dropReason())
                .isEqualTo(DropReason.UNKNOWN_CHANNEL);
    }

    @Test
    void receivingCloseEntersDrainingSendsNothingAndEndsAfterThreePto() {
        ChannelPair pair = ChannelPair.established();
        pair.responder.send(List.of(ChannelMessageFlowTest.stream(2, "last words", true)));
        pair.flush();
        int sentBefore = pair.initiatorOut.history.size();
        pair.responder.closeWithApplicationError(0x10001, "application done");
        long receivedAt = pair.clock.nanoTime();
        pair.flush();
        // SPEC CHN-CLOSE-3
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.DRAINING);
        assertThat(pair.initiatorEvents.closures)
                .containsExactly(new ChannelClosure(CloseOrigin.PEER, 0x10001, "application done"));
        assertThat(pair.initiatorEvents.streamData).hasSize(1);
        assertThat(pair.initiatorOut.history).hasSize(sentBefore);
        assertThatThrownBy(pair.initiator::ping).isInstanceOf(IllegalStateException.class);
        // a draining endpoint does not even look at packets
        byte[] more = pair.forge(Role.RESPONDER, 90, ChannelPair.plaintext(PacketHeader.of(90, false), PingFrame.INSTANCE));
        assertThat(ChannelPair.deliver(more, pair.initiator)).isEqualTo(ReceiveResult.IGNORED);
        assertThat(pair.initiatorOut.isEmpty()).isTrue();
        long end = receivedAt + 3 * INITIAL_PTO.toNanos();
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(end);
        pair.initiator.onTimeout(end);
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSED);
        assertThat(pair.initiatorNegotiated.sharedKey().isDestroyed()).isTrue();
        assertThat(pair.initiatorNegotiated.ownShortTerm().isDestroyed()).isTrue();
    }

    @Test
    void finalAckInsideCloseIsProcessedBeforeDraining() {
        ChannelPair pair = ChannelPair.established();
        long ping = pair.initiator.ping();
        pair.flush();
        assertThat(pair.initiator.statistics().unacknowledgedPackets()).isEqualTo(1);
        pair.responder.close(ErrorCode.NO_ERROR, "");
        pair.flush();
        // SPEC FRM-CLOSE-4: the final ACK acknowledged the ping
        assertThat(pair.initiator.statistics().unacknowledgedPackets()).isZero();
        // one sample from the INITIATE the responder's first MESSAGE acknowledged, one from the ping
        assertThat(pair.initiator.statistics().rtt().samples()).isEqualTo(2);
        assertThat(ping).isGreaterThan(ChannelPair.INITIATE_PN);
    }

    @Test
    void closeInClosingFromThePeerEntersDraining() {
        ChannelPair pair = ChannelPair.established();
        pair.initiator.close(ErrorCode.NO_ERROR, "");
        pair.responder.close(ErrorCode.NO_ERROR, "");
        pair.flush();
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.DRAINING);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.DRAINING);
        assertThat(pair.initiatorEvents.closures).hasSize(1);
    }

    @Test
    void closeBeforeSettingsAreAcknowledgedCarriesSettingsFirst() {
        ChannelPair pair = ChannelPair.established();
        pair.responder.close(ErrorCode.SERVICE_REFUSED, "no");
        ChannelPair.Opened opened = pair.open(pair.responderOut.take());
        // SPEC CHN-CLOSE-2: SETTINGS may still precede CLOSE while FRM-SET-1 requires it
        assertThat(opened.meaningfulFrames().get(0)).isInstanceOf(SettingsFrame.class);
        assertThat(opened.header().hasVersion()).isTrue();
        assertThat(closeOf(opened).errorCode()).isEqualTo(ErrorCode.SERVICE_REFUSED.code());
    }

    @Test
    void closeRejectsCodesAndReasonsItMayNotSend() {
        ChannelPair pair = ChannelPair.established();
        assertThatThrownBy(() -> pair.initiator.close(ErrorCode.IDLE_TIMEOUT, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IDLE_TIMEOUT");
        // SPEC FRM-ERR-1: the reserved range 0x10 to 0xFFFF is never sent
        assertThatThrownBy(() -> pair.initiator.closeWithApplicationError(0x10, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x10");
        assertThatThrownBy(() -> pair.initiator.close(ErrorCode.NO_ERROR, "x".repeat(2000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000");
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.initiatorOut.isEmpty()).isTrue();
    }

    @Test
    void idleTimeoutIsTheSmallerOfTheTwoAndClosesSilently() {
        ChannelConfig initiatorConfig = ChannelPair.deterministic().toBuilder().idleTimeout(Duration.ofSeconds(30)).build();
        ChannelConfig responderConfig = ChannelPair.deterministic().toBuilder().idleTimeout(Duration.ofSeconds(8)).build();
        ChannelPair pair = new ChannelPair(initiatorConfig, responderConfig, 11);
        pair.establish();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        pair.initiatorOut.history.clear();
        long lastReceived = pair.clock.nanoTime() - Duration.ofMillis(25).toNanos();
        // SPEC CHN-IDLE-1: min(30 s, 8 s) = 8 s, above 3 · PTO
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(lastReceived + Duration.ofSeconds(8).toNanos());
        pair.advance(Duration.ofSeconds(8).minusMillis(26));
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        pair.advance(Duration.ofMillis(1));
        // SPEC CHN-IDLE-3: discarded without sending anything, keys erased, IDLE_TIMEOUT reported
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSED);
        assertThat(pair.initiatorOut.history).isEmpty();
        assertThat(pair.initiatorEvents.closures)
                .containsExactly(new ChannelClosure(CloseOrigin.IDLE, ErrorCode.IDLE_TIMEOUT.code(), "idle timeout"));
        assertThat(pair.initiatorEvents.closures.get(0).displayCode()).isEqualTo(ErrorCode.IDLE_TIMEOUT);
        assertThat(pair.initiatorNegotiated.sharedKey().isDestroyed()).isTrue();
        assertThat(pair.initiatorNegotiated.ownShortTerm().isDestroyed()).isTrue();
    }

    @Test
    void effectiveIdleTimeoutNeverFallsBelowThreePto() {
        ChannelConfig tiny = ChannelPair.deterministic().toBuilder().idleTimeout(Duration.ofSeconds(1)).build();
        ChannelPair pair = new ChannelPair(tiny, tiny, 13);
        pair.establish();
        // SPEC CHN-IDLE-1: 1 s is below 3 · PTO, 4575 ms while smoothed_rtt is 500 ms and rttvar 250 ms
        pair.advance(Duration.ofMillis(4574));
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(pair.initiator.statistics().rtt().smoothed()).isEqualTo(Duration.ofMillis(500));
        assertThat(pair.initiator.statistics().rtt().variation()).isEqualTo(Duration.ofMillis(250));
        pair.advance(Duration.ofMillis(1));
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void idleTimerRestartsOnEveryAcceptedPacket() {
        ChannelConfig eight = ChannelPair.deterministic().toBuilder().idleTimeout(Duration.ofSeconds(8)).build();
        ChannelPair pair = new ChannelPair(eight, eight, 13);
        pair.establish();
        for (int i = 0; i < 6; i++) {
            pair.advance(Duration.ofSeconds(5));
            pair.responder.ping();
            pair.flush();
            pair.advance(Duration.ofMillis(25));
            pair.flush();
            assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        }
        // SPEC CHN-IDLE-2: each accepted packet restarted it; silence now lets it expire
        pair.advance(Duration.ofMillis(8000 - 25 - 1));
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        pair.advance(Duration.ofMillis(1));
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void keepaliveSendsPingAfterHalfTheIdleTimeout() {
        ChannelConfig keepAlive = ChannelPair.deterministic().toBuilder().idleTimeout(Duration.ofSeconds(20))
                .keepAlive(true).build();
        ChannelPair pair = new ChannelPair(keepAlive, ChannelPair.deterministic(), 17);
        pair.establish();
        pair.advance(Duration.ofMillis(25));
        pair.flush();
        for (int i = 0; i < 10; i++) {
            pair.advance(Duration.ofSeconds(10));
            pair.flush();
            pair.advance(Duration.ofMillis(25));
            pair.flush();
        }
        // SPEC CHN-IDLE-4: PING after half the effective idle timeout without an ack-eliciting packet
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        long pings = pair.initiatorOut.history.stream().map(pair::open)
                .filter(o -> o.meaningfulFrames().stream().anyMatch(f -> f instanceof PingFrame)).count();
        assertThat(pings).isEqualTo(10);
        assertThat(pair.responderOut.history.stream().map(pair::open)
                .filter(o -> o.meaningfulFrames().stream().allMatch(f -> f instanceof AckFrame)).count())
                .isGreaterThanOrEqualTo(10);
    }
}
