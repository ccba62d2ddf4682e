package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.LoopbackHosts.join;
import static org.sss.core.host.LoopbackHosts.statistics;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.LoopbackRelay.Captured;
import org.sss.core.host.LoopbackRelay.Direction;
import org.sss.core.host.LoopbackRelay.Verdict;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.PacketType;

/**
 * A cookie lives at most two minute-key periods (SPEC.md section 4.6): an INITIATE delivered later
 * is dropped, and the initiator still gets its channel by starting again at HELLO (NEG-TIMER-6).
 */
class ExpiredCookieTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final Duration ROTATION = Duration.ofMillis(200);

    @Test
    void initiateHeldPastTwoMinuteKeyRotationsIsDroppedAsCookieInvalidAndTheHandshakeStillCompletes() {
        HostEvents responderEvents = new HostEvents();
        Host responder = HOSTS.start(HOSTS.config().minuteKeyRotation(ROTATION), responderEvents);
        Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());
        LoopbackRelay relay = HOSTS.relay(responder);
        // every INITIATE of the first attempt (its I') is held; those of a later attempt pass
        AtomicReference<byte[]> firstAttempt = new AtomicReference<>();
        relay.rule(datagram -> {
            if (datagram.direction() == Direction.TO_RESPONDER && datagram.type() == PacketType.INITIATE) {
                firstAttempt.compareAndSet(null, datagram.shortTermKey());
                return Arrays.equals(firstAttempt.get(), datagram.shortTermKey()) ? Verdict.HOLD : Verdict.FORWARD;
            }
            return Verdict.FORWARD;
        });

        CompletableFuture<SecureChannel> connect = initiator.connect(relay.address(), responder.identity());
        SecureChannel client = join(connect);
        SecureChannel server = responderEvents.nextOpened().channel();
        Pings.bothWays(client, server);

        List<Captured> held = relay.held();
        // SPEC NEG-TIMER-6: four unanswered INITIATEs, then a fresh HELLO with a fresh I'
        assertThat(held).hasSize(LoopbackHosts.FAST_NEGOTIATION.initiatesBeforeRestart());
        assertThat(relay.captured(Direction.TO_RESPONDER, PacketType.HELLO)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(server.peerIdentity()).isEqualTo(initiator.identity());
        Captured firstCookie = relay.captured(Direction.TO_INITIATOR, PacketType.COOKIE).get(0);
        // SPEC CRY-COOKIE-3: the key that sealed the first cookie is erased two periods after it became current
        long expiredAt = firstCookie.atNanos() + 2 * ROTATION.toNanos() + ROTATION.toNanos() / 2;
        Await.sleep(Duration.ofNanos(Math.max(0, expiredAt - System.nanoTime())));
        long before = responder.drops().get(DropReason.COOKIE_INVALID);

        relay.release(held.get(0));

        // SPEC CRY-COOKIE-6, NEG-RPROC-3 step 3: the cookie opens under neither minute key
        Await.until("COOKIE_INVALID to count the late INITIATE",
                () -> responder.drops().get(DropReason.COOKIE_INVALID), n -> n == before + 1);
        responderEvents.assertNoneOpenedWithin(Duration.ofMillis(200));
        assertThat(statistics(responder).channels()).isEqualTo(1);
        Pings.bothWays(client, server);
    }
}
