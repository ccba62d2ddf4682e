package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sss.core.host.LoopbackHosts.connect;
import static org.sss.core.host.LoopbackHosts.join;
import static org.sss.core.host.LoopbackHosts.statistics;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.channel.ChannelClosure;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ChannelStatistics;
import org.sss.core.channel.CloseOrigin;
import org.sss.core.host.LoopbackRelay.Captured;
import org.sss.core.host.LoopbackRelay.Direction;
import org.sss.core.host.LoopbackRelay.Verdict;
import org.sss.core.negotiation.NegotiationTimers;
import org.sss.core.negotiation.Role;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.WireLimits;

/**
 * How channels end and are replaced over real UDP (SPEC.md sections 5.6, 6.8 and 6.9): CLOSE with
 * an error code and reason, the idle timeout, rekeying by replacement, a negotiation nobody
 * answers, full-size packets and a full channel table.
 */
class ChannelLifecycleTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    /** Slack between the host's clock read at an event and the listener's own. */
    private static final Duration CLOCK_READS = Duration.ofMillis(20);

    /** An initiator and a responder with a channel between them, optionally through a relay. */
    private record Pair(Host initiator, HostEvents initiatorEvents, Host responder, HostEvents responderEvents,
            SecureChannel client, long clientOpenedAt, SecureChannel server) {
    }

    private static Pair pair(HostConfig.Builder initiatorConfig, HostConfig.Builder responderConfig) {
        HostEvents initiatorEvents = new HostEvents();
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(responderConfig, responderEvents);
        Host initiator = HOSTS.start(initiatorConfig.acceptChannels(false), initiatorEvents);
        SecureChannel client = connect(initiator, responder.localAddress(), responder);
        HostEvents.Opened opened = initiatorEvents.nextOpened();
        assertThat(opened.channel()).isSameAs(client);
        SecureChannel server = responderEvents.nextOpened().channel();
        return new Pair(initiator, initiatorEvents, responder, responderEvents, client, opened.atNanos(), server);
    }

    @Test
    void initiatorsCloseWithAnApplicationErrorCodeAndReasonReachTheResponder() {
        Pair pair = pair(HOSTS.config(), HOSTS.config());
        long code = ErrorCode.FIRST_APPLICATION + 7;

        ChannelClosure own = join(pair.client.closeWithApplicationError(code, "shutting down: maintenance"));
        ChannelClosure seen = join(pair.server.closed());

        assertThat(own).isEqualTo(new ChannelClosure(CloseOrigin.LOCAL, code, "shutting down: maintenance"));
        // SPEC CHN-CLOSE-3, FRM-CLOSE-5: the peer accepts the application code and sees it with the reason
        assertThat(seen).isEqualTo(new ChannelClosure(CloseOrigin.PEER, code, "shutting down: maintenance"));
        assertThat(pair.responderEvents.nextClosed().closure()).isEqualTo(seen);
        assertThat(pair.initiatorEvents.nextClosed().closure()).isEqualTo(own);
        // SPEC CHN-CLOSE-4: both ends discard the channel after closing and draining
        Await.until("both ends to discard the channel",
                () -> statistics(pair.initiator).channels() + statistics(pair.responder).channels(), n -> n == 0);
        assertThat(pair.client.state()).isEqualTo(ChannelState.CLOSED);
    }

    @Test
    void respondersCloseWithNoErrorAndAReasonReachesTheInitiator() {
        Pair pair = pair(HOSTS.config(), HOSTS.config());

        join(pair.server.close("bye from the responder"));

        assertThat(join(pair.client.closed()))
                .isEqualTo(new ChannelClosure(CloseOrigin.PEER, ErrorCode.NO_ERROR.code(), "bye from the responder"));
    }

    @Test
    void closeRefusesProtocolCodesAndReportsAReasonTooLongForThePacketWithoutClosing() {
        Pair pair = pair(HOSTS.config(), HOSTS.config());

        // SPEC FRM-ERR-2: 0x10 to 0xFFFF are reserved; applications use 0x10000 and up
        assertThatThrownBy(() -> pair.client.closeWithApplicationError(ErrorCode.PROTOCOL_VIOLATION.code(), "no"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applicationErrorCode");
        CompletableFuture<ChannelClosure> tooLong = pair.client.close("x".repeat(WireLimits.MAX_PLAINTEXT));

        assertThatThrownBy(() -> tooLong.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(pair.client.state()).isEqualTo(ChannelState.ESTABLISHED);
        Pings.bothWays(pair.client, pair.server);
    }

    /** SPEC CHN-IDLE-1, CHN-IDLE-3: both ends discard the channel silently and report IDLE_TIMEOUT. */
    @Test
    void anIdleChannelIsDiscardedAtBothEndsWithIdleTimeout() {
        ChannelConfig idle = LoopbackHosts.FAST_CHANNEL.toBuilder().idleTimeout(Duration.ofMillis(400)).build();
        Pair pair = pair(HOSTS.config().channelConfig(idle), HOSTS.config().channelConfig(idle));
        Pings.bothWays(pair.client, pair.server);

        HostEvents.Closed client = pair.initiatorEvents.nextClosed();
        HostEvents.Closed server = pair.responderEvents.nextClosed();

        ChannelClosure idleTimeout =
                new ChannelClosure(CloseOrigin.IDLE, ErrorCode.IDLE_TIMEOUT.code(), "idle timeout");
        assertThat(client.closure()).isEqualTo(idleTimeout);
        assertThat(server.closure()).isEqualTo(idleTimeout);
        assertThat(client.channel()).isSameAs(pair.client);
        assertThat(server.channel()).isSameAs(pair.server);
        assertThat(statistics(pair.initiator).channels()).isZero();
        assertThat(statistics(pair.responder).channels()).isZero();
    }

    /**
     * SPEC CHN-REKEY-1: the initiator negotiates a replacement when the channel reaches its rotation
     * age; CHN-REKEY-5: it closes the old channel with CHANNEL_REPLACED, at least 3 · PTO after the
     * replacement was established. PTO includes the peer's max_ack_delay (25 ms by default), so the
     * responder sees the close at least 75 ms after it accepted the replacement.
     */
    @Test
    void anInitiatorReplacesAChannelAtItsRotationAgeAndClosesTheOldOneWithChannelReplaced() {
        Duration rotation = Duration.ofMillis(1000);
        ChannelConfig rotating = LoopbackHosts.FAST_CHANNEL.toBuilder()
                .rotationInterval(rotation).rotationJitter(Duration.ZERO).build();
        Pair pair = pair(HOSTS.config().channelConfig(rotating), HOSTS.config());

        HostEvents.Replaced replaced = pair.initiatorEvents.nextReplaced();
        HostEvents.Opened serverReplacement = pair.responderEvents.nextOpened();
        HostEvents.Closed serverOldClosed = pair.responderEvents.nextClosed();

        assertThat(replaced.old()).isSameAs(pair.client);
        assertThat(replaced.replacement()).isNotSameAs(pair.client);
        assertThat(replaced.replacement().role()).isEqualTo(Role.INITIATOR);
        // not before the rotation age: the age counts from a clock read just before the opened event
        assertThat(replaced.atNanos() - pair.clientOpenedAt).as("nanoseconds from opening to replacement")
                .isGreaterThanOrEqualTo(rotation.minus(CLOCK_READS).toNanos());
        assertThat(serverReplacement.channel().channelId()).isEqualTo(replaced.replacement().channelId())
                .isNotEqualTo(pair.client.channelId());
        assertThat(serverReplacement.channel().peerIdentity()).isEqualTo(pair.initiator.identity());
        assertThat(serverOldClosed.channel()).isSameAs(pair.server);
        assertThat(serverOldClosed.closure().origin()).isEqualTo(CloseOrigin.PEER);
        assertThat(serverOldClosed.closure().displayCode()).isEqualTo(ErrorCode.CHANNEL_REPLACED);
        assertThat(serverOldClosed.atNanos() - serverReplacement.atNanos())
                .as("nanoseconds between the replacement and the old channel's CLOSE at the responder")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(3 * 25));
        Pings.bothWays(replaced.replacement(), serverReplacement.channel());
    }

    /**
     * SPEC CHN-REKEY-6: when the replacement negotiation fails, the initiator keeps the old channel
     * and retries after the configured delay. The responder's policy refuses every INITIATE for one
     * negotiation deadline after its first refusal, so the first replacement attempt fails whole.
     */
    @Test
    void aFailedReplacementIsRetriedWhileTheOldChannelKeepsWorking() {
        Duration deadline = Duration.ofMillis(800);
        NegotiationTimers timers = new NegotiationTimers(Duration.ofMillis(50), 1.5, Duration.ofMillis(250),
                deadline, 4);
        ChannelConfig rotating = LoopbackHosts.FAST_CHANNEL.toBuilder()
                .rotationInterval(Duration.ofMillis(500)).rotationJitter(Duration.ZERO).build();
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong refuseUntil = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
        org.sss.core.negotiation.InitiatorPolicy firstThenRefuseForADeadline = (initiator, address) -> {
            long now = System.nanoTime();
            if (accepted.get() == 0) {
                accepted.incrementAndGet();
                return true;
            }
            refuseUntil.compareAndSet(Long.MIN_VALUE, now + deadline.toNanos());
            return now >= refuseUntil.get();
        };
        Pair pair = pair(HOSTS.config().channelConfig(rotating).negotiationTimers(timers)
                        .rekeyRetry(Duration.ofMillis(300)),
                HOSTS.config().policy(firstThenRefuseForADeadline));

        HostEvents.Replaced replaced = pair.initiatorEvents.nextReplaced();

        assertThat(refuseUntil.get()).as("the first replacement attempt met a refusal").isNotEqualTo(Long.MIN_VALUE);
        assertThat(statistics(pair.responder).refusals()).isPositive();
        assertThat(replaced.old()).isSameAs(pair.client);
        assertThat(replaced.atNanos()).as("the replacement came from the retry, after the refusals ended")
                .isGreaterThanOrEqualTo(refuseUntil.get());
        Pings.bothWays(replaced.replacement(), pair.responderEvents.nextOpened().channel());
    }

    /** SPEC CHN-CLOSE-4: a host that shuts down erases its channels' keys at once, closing period or not. */
    @Test
    void closingAHostDiscardsItsChannelsAndTheirKeysAtOnce() throws Exception {
        Pair pair = pair(HOSTS.config(), HOSTS.config());

        pair.initiator.close();

        assertThat(((HostChannel) pair.client).channel().state()).isEqualTo(ChannelState.CLOSED);
        assertThat(pair.server.closed().get(10, TimeUnit.SECONDS).origin()).isEqualTo(CloseOrigin.PEER);
    }

    /** SPEC NEG-TIMER-1, NEG-TIMER-2: HELLOs are retransmitted until the deadline, then the negotiation fails. */
    @Test
    void connectingWhereNothingAnswersFailsAfterTheDeadlineWithRetransmittedHellos() {
        Duration deadline = Duration.ofMillis(1000);
        NegotiationTimers timers = new NegotiationTimers(Duration.ofMillis(50), 1.5, Duration.ofMillis(250),
                deadline, 4);
        Host silent = HOSTS.start(HOSTS.config(), new HostEvents());
        LoopbackRelay blackHole = HOSTS.relay(silent);
        blackHole.rule(datagram -> Verdict.DROP);
        Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false).negotiationTimers(timers), new HostEvents());

        long start = System.nanoTime();
        CompletableFuture<SecureChannel> connect = initiator.connect(blackHole.address(), silent.identity());

        assertThatThrownBy(() -> connect.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NegotiationFailedException.class);
        assertThat(System.nanoTime() - start).as("nanoseconds before the negotiation gave up")
                .isGreaterThanOrEqualTo(deadline.toNanos());
        List<Captured> hellos = blackHole.captured(Direction.TO_RESPONDER, PacketType.HELLO);
        assertThat(hellos).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < hellos.size(); i++) {
            // SPEC NEG-TIMER-1, CRY-CTR-3: the same I', a new counter value in each retransmission
            assertThat(hellos.get(i).shortTermKey()).isEqualTo(hellos.get(0).shortTermKey());
            assertThat(helloCounter(hellos.get(i))).isGreaterThan(helloCounter(hellos.get(i - 1)));
        }
        assertThat(statistics(initiator).pendingNegotiations()).isZero();
        assertThat(statistics(initiator).channels()).isZero();
    }

    /** SPEC PKT-SIZE-7, PKT-SIZE-8: MESSAGEs of the full 1232 bytes are sent and received, none larger. */
    @Test
    void fullSizeMessagesOf1232BytesCrossTheRelayBothWaysAndNothingLargerIsSent() {
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(HOSTS.config(), responderEvents);
        Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());
        LoopbackRelay relay = HOSTS.relay(responder);
        SecureChannel client = connect(initiator, relay.address(), responder);
        SecureChannel server = responderEvents.nextOpened().channel();
        Pings.bothWays(client, server);

        sendFullSizeMessage(initiator, (HostChannel) client, server);
        sendFullSizeMessage(responder, (HostChannel) server, client);

        assertThat(relay.captured(d -> d.type() == PacketType.MESSAGE && d.bytes().length == WireLimits.MAX_DATAGRAM))
                .extracting(Captured::direction)
                .contains(Direction.TO_RESPONDER, Direction.TO_INITIATOR);
        assertThat(relay.captured()).allSatisfy(d -> assertThat(d.bytes().length)
                .as("%s", d).isLessThanOrEqualTo(WireLimits.MAX_DATAGRAM));
        assertThat(statistics(responder).drops()).isEmpty();
        // NEG-COOKIE-4: only COOKIEs after the first, each answering a retransmitted HELLO, are dropped
        int cookies = relay.captured(Direction.TO_INITIATOR, PacketType.COOKIE).size();
        assertThat(statistics(initiator).drops()).isEqualTo(cookies == 1 ? Map.of()
                : Map.of(DropReason.UNKNOWN_CHANNEL, cookies - 1L));
    }

    /**
     * SPEC LIM-RES-5: a host whose channel table is full when a negotiation completes does not
     * create the channel; the connect fails and nothing escapes the event loop.
     */
    @Test
    void aNegotiationThatCompletesWhenTheTableIsFullFailsCleanly() {
        Host first = HOSTS.start(HOSTS.config(), new HostEvents());
        Host second = HOSTS.start(HOSTS.config(), new HostEvents());
        Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false).maxChannels(1), new HostEvents());
        LoopbackRelay relay = HOSTS.relay(second);
        relay.rule(datagram -> datagram.direction() == Direction.TO_INITIATOR && datagram.type() == PacketType.MESSAGE
                ? Verdict.HOLD : Verdict.FORWARD);
        CompletableFuture<SecureChannel> late = initiator.connect(relay.address(), second.identity());
        Await.until("the second responder's first MESSAGE to be held", relay::held, held -> !held.isEmpty());

        SecureChannel channel = connect(initiator, first.localAddress(), first);
        relay.rule(datagram -> Verdict.FORWARD);
        relay.held().forEach(relay::release);

        assertThatThrownBy(() -> late.get(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NegotiationFailedException.class)
                .hasMessageContaining("table is full");
        HostStatistics stats = statistics(initiator);
        assertThat(stats.channels()).isEqualTo(1);
        assertThat(stats.pendingNegotiations()).isZero();
        assertThat(stats.transport().get(TransportCounters.Kind.HANDLER_FAILED)).isZero();
        assertThat(channel.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    /** Sends one PADDING frame that fills the packet to the peer's maximum and waits for it to arrive. */
    private static void sendFullSizeMessage(Host host, HostChannel from, SecureChannel to) {
        ChannelStatistics before = join(to.statistics());
        int room = join(host.onLoop(() -> from.channel().maxFramesLength()));
        // PADDING: a type byte and a u16 length, then the filler
        join(from.send(List.of(PaddingFrame.zeros(room - 3))));
        Await.until("the full-size MESSAGE to arrive", () -> join(to.statistics()),
                (ChannelStatistics s) -> s.bytesReceived() >= before.bytesReceived() + WireLimits.MAX_DATAGRAM);
    }

    private static long helloCounter(Captured hello) {
        // HELLO: magic (8), I' (32), padding (64), then the be64 nonce counter
        return ByteBuffer.wrap(hello.bytes(), 8 + 32 + 64, 8).getLong();
    }

}
