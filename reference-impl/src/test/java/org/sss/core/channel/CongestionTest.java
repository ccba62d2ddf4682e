package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.channel.cc.CongestionControl;
import org.sss.core.channel.cc.CongestionController;
import org.sss.core.channel.cc.Pacer;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.WireLimits;

/**
 * SPEC.md section 6.6 at the channel: the window bounds what {@link Channel#canSend()} allows
 * (CHN-CC-3), ACKs open it again, pacing spreads packets (CHN-CC-4) and the timer wakes the host
 * when pacing allows the next one. {@link Channel#send} itself never refuses for congestion.
 */
class CongestionTest {

    /** Sends one ack-eliciting packet of the full 1232 bytes: PING and PADDING to fill it. */
    static long sendFullPacket(Channel channel) {
        int room = channel.maxFramesLength();
        // PING is one byte; PADDING a type byte, a u16 length and the filler
        return channel.send(List.of(PingFrame.INSTANCE, PaddingFrame.zeros(room - 1 - 3)));
    }

    @Test
    void canSendTurnsFalseWhenTheWindowIsFullAndTrueAgainAfterTheAcks() {
        ChannelPair pair = LossRecoveryTest.quiet(LossRecoveryTest.unpaced());
        assertThat(pair.initiator.congestionWindow()).isEqualTo(CongestionController.INITIAL_WINDOW);
        int sent = 0;
        while (pair.initiator.canSend()) {
            sendFullPacket(pair.initiator);
            sent++;
        }
        assertThat(pair.initiatorOut.history.get(pair.initiatorOut.history.size() - 1)).hasSize(WireLimits.MAX_DATAGRAM);
        // SPEC CHN-CC-3: bytes in flight never above the window; 10 full datagrams fill 12320 bytes
        assertThat(sent).isEqualTo(10);
        assertThat(pair.initiator.bytesInFlight()).isEqualTo(10L * WireLimits.MAX_DATAGRAM);
        assertThat(pair.initiator.statistics().bytesInFlight()).isEqualTo(10L * WireLimits.MAX_DATAGRAM);

        pair.flush();
        pair.advance(Duration.ofMillis(25));
        pair.flush();

        assertThat(pair.initiator.bytesInFlight()).isZero();
        assertThat(pair.initiatorEvents.acked).hasSize(10);
        // slow start (RFC 9002 7.3.1, RFC 9438 4.10): the full window acknowledged doubles it
        assertThat(pair.initiator.congestionWindow()).isEqualTo(2 * CongestionController.INITIAL_WINDOW);
        assertThat(pair.initiator.canSend()).isTrue();
    }

    @Test
    void sendNeverRefusesForCongestion() {
        ChannelPair pair = LossRecoveryTest.quiet(LossRecoveryTest.unpaced());
        for (int i = 0; i < 15; i++) {
            sendFullPacket(pair.initiator);
        }
        assertThat(pair.initiator.canSend()).isFalse();
        assertThat(pair.initiatorOut.size()).isEqualTo(15);
        assertThat(pair.initiator.bytesInFlight()).isGreaterThan(pair.initiator.congestionWindow());
    }

    @Test
    void pacingHoldsTheNextPacketAndTheTimerWakesTheHostWhenItMayGo() {
        ChannelPair pair = LossRecoveryTest.quiet(ChannelPair.deterministic());
        assertThat(pair.initiator.config().pacing()).isTrue();
        // the bucket starts with a burst of 10 datagrams, as much as the initial window
        for (int i = 0; i < Pacer.DEFAULT_BURST_DATAGRAMS; i++) {
            assertThat(pair.initiator.canSend()).isTrue();
            sendFullPacket(pair.initiator);
        }
        pair.flush();
        assertThat(pair.initiator.bytesInFlight()).isZero();
        long window = pair.initiator.congestionWindow();
        assertThat(window).isGreaterThan(CongestionController.INITIAL_WINDOW);

        // the window has room but the bucket is empty: SPEC CHN-CC-4, 1.25 · cwnd / smoothed_rtt
        long now = pair.clock.nanoTime();
        assertThat(pair.initiator.canSend()).isFalse();
        double rate = Pacer.rateBytesPerNano(window, pair.initiator.smoothedRttNanos());
        long wake = pair.initiator.nextTimeoutNanos();
        assertThat(wake).isGreaterThan(now);
        assertThat((double) (wake - now)).isCloseTo(WireLimits.MAX_DATAGRAM / rate, org.assertj.core.data.Offset.offset(2.0));

        pair.advance(Duration.ofNanos(wake - now - 1));
        assertThat(pair.initiator.canSend()).isFalse();
        pair.advance(Duration.ofNanos(1));
        assertThat(pair.initiator.canSend()).isTrue();
    }

    @Test
    void statisticsNameTheAlgorithmAndCubicIsTheDefault() {
        assertThat(ChannelConfig.defaults().congestionControl()).isEqualTo(CongestionControl.CUBIC);
        assertThat(ChannelConfig.defaults().pacing()).isTrue();
        ChannelPair pair = ChannelPair.established();
        assertThat(pair.initiator.statistics().congestionControl()).isEqualTo("cubic");
        assertThat(pair.initiator.statistics().congestionWindow()).isEqualTo(CongestionController.INITIAL_WINDOW);
        for (CongestionControl algorithm : CongestionControl.values()) {
            ChannelConfig config = ChannelPair.deterministic().toBuilder().congestionControl(algorithm).build();
            assertThat(config.toBuilder().build().congestionControl()).isEqualTo(algorithm);
            ChannelPair other = new ChannelPair(config, config, 2);
            other.establish();
            assertThat(other.initiator.statistics().congestionControl())
                    .isEqualTo(algorithm.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void aChannelThatIsNotEstablishedCannotSend() {
        ChannelPair pair = ChannelPair.standard();
        assertThat(pair.initiator.canSend()).isFalse();
        pair.establish();
        assertThat(pair.initiator.canSend()).isTrue();
        pair.initiator.close(org.sss.core.wire.ErrorCode.NO_ERROR, "");
        assertThat(pair.initiator.canSend()).isFalse();
    }
    @Test
    void aWindowFullOfPacketsThatElicitNoAckIsReopenedByAProbe() {
        ChannelPair pair = LossRecoveryTest.quiet(LossRecoveryTest.unpaced());
        while (pair.initiator.canSend()) {
            // PADDING alone: counted in flight (CHN-CC-3) but not ack-eliciting, so never acknowledged on its own
            pair.initiator.send(List.of(PaddingFrame.zeros(pair.initiator.maxFramesLength() - 3)));
        }
        pair.flush();
        assertThat(pair.responderOut.isEmpty()).as("CHN-ACK-4: nothing to acknowledge on its own").isTrue();
        long sentAt = pair.clock.nanoTime();
        assertThat(pair.initiator.nextTimeoutNanos()).isEqualTo(sentAt + pair.initiator.probeTimeoutNanos());

        pair.advance(Duration.ofNanos(pair.initiator.probeTimeoutNanos()));
        assertThat(pair.initiatorEvents.probes).containsExactly(1);
        pair.flush();
        pair.advance(Duration.ofMillis(25));
        pair.flush();

        assertThat(pair.initiator.bytesInFlight()).isZero();
        assertThat(pair.initiator.canSend()).isTrue();
        assertThat(pair.initiatorEvents.acked).hasSize(10);
    }
}
