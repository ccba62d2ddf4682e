package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.ErrorCode;

/** SPEC.md sections 4.4 and 6.9: rotation by age, by counter, and the exhausted counter. */
class RotationTest {

    @Test
    void rotationFallsDueOnceAtTheConfiguredAgeWithSeededJitter() {
        long seed = TestSeed.forTest("rotationFallsDueOnceAtTheConfiguredAgeWithSeededJitter");
        ChannelConfig config = ChannelPair.deterministic().toBuilder().rotationInterval(Duration.ofMinutes(30))
                .rotationJitter(Duration.ofMinutes(5)).idleTimeout(Duration.ZERO).build();
        ChannelPair pair = new ChannelPair(config, config, seed);
        long establishedAt = pair.clock.nanoTime();
        pair.establish();
        long deadline = pair.initiator.rotationDeadlineNanos();
        // SPEC CHN-REKEY-1: 30 min + U(0, 5 min), drawn once per channel
        assertThat(deadline - establishedAt).isBetween(Duration.ofMinutes(30).toNanos(), Duration.ofMinutes(35).toNanos());
        pair.advance(Duration.ofNanos(deadline - pair.clock.nanoTime() - 1));
        assertThat(pair.initiatorEvents.rekeys).isEmpty();
        pair.advance(Duration.ofNanos(1));
        assertThat(pair.initiatorEvents.rekeys).containsExactly(RekeyReason.AGE);
        pair.advance(Duration.ofMinutes(40));
        assertThat(pair.initiatorEvents.rekeys).containsExactly(RekeyReason.AGE);
        // only the initiator rekeys; the channel itself stays usable until the host closes it
        assertThat(pair.responderEvents.rekeys).isEmpty();
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
        pair.initiator.close(ErrorCode.CHANNEL_REPLACED, "");
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.CLOSING);
    }

    @Test
    void jitterIsReplayableFromTheSeed() {
        ChannelConfig config = ChannelPair.deterministic();
        ChannelPair first = new ChannelPair(config, config, 42);
        ChannelPair second = new ChannelPair(config, config, 42);
        first.establish();
        second.establish();
        assertThat(first.initiator.rotationDeadlineNanos()).isEqualTo(second.initiator.rotationDeadlineNanos());
    }

    @Test
    void aCounterReachingTwoToTheSixtyThirdCallsForRekeyingOnce() {
        ChannelConfig config = ChannelPair.deterministic();
        long start = (1L << 63) - 1;
        ChannelPair pair = new ChannelPair(config, config, 1, new NonceCounter(ChannelPair.INITIATE_PN + 1),
                new NonceCounter(start));
        pair.establish();
        assertThat(pair.responderEvents.rekeys).isEmpty();
        pair.responder.ping();
        // SPEC CHN-REKEY-1, CHN-REKEY-2
        assertThat(pair.responderEvents.rekeys).containsExactly(RekeyReason.COUNTER);
        pair.responder.ping();
        assertThat(pair.responderEvents.rekeys).containsExactly(RekeyReason.COUNTER);
        pair.flush();
        assertThat(pair.initiatorEvents.streamData).isEmpty();
        assertThat(pair.initiator.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    @Test
    void anExhaustedCounterDiscardsTheChannelWithoutSending() {
        ChannelConfig config = ChannelPair.deterministic();
        ChannelPair pair = new ChannelPair(config, config, 1, new NonceCounter(ChannelPair.INITIATE_PN + 1),
                new NonceCounter(-2L));
        pair.establish();
        pair.responder.ping();
        int sent = pair.responderOut.history.size();
        // SPEC CRY-CTR-5: after 2^64 - 1 the channel is discarded without sending on it again
        assertThatThrownBy(pair.responder::ping).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CRY-CTR-5");
        assertThat(pair.responderOut.history).hasSize(sent);
        assertThat(pair.responder.state()).isEqualTo(ChannelState.CLOSED);
        assertThat(pair.responderEvents.closures.get(0).origin()).isEqualTo(CloseOrigin.COUNTER_EXHAUSTED);
        assertThat(pair.responderNegotiated.sharedKey().isDestroyed()).isTrue();
    }
}
