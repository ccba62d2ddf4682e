package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.testing.TestSeed;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.PacketType;

/** The initiator's retransmission timers and deadline, SPEC.md section 5.6. */
class InitiatorTimersTest {
    private static final long MS = 1_000_000L;

    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams sent = new SentDatagrams();
    private final KeyPair responderLongTerm = KeyPair.generate(random);
    private final InetSocketAddress responderAddress = ResponderHelloTest.address("192.0.2.1", 9660);
    private final SentDatagrams responderSent = new SentDatagrams();
    private final Responder responder = Responder.builder(responderLongTerm, responderSent).random(random).clock(clock)
            .helloRateLimiter(HelloRateLimiter.unlimited()).build();
    private final InetSocketAddress initiatorAddress = ResponderHelloTest.address("192.0.2.2", 50000);
    private final Initiator initiator = Initiator.builder(KeyPair.generate(random), responderLongTerm.publicKey(),
            responderAddress, sent).random(random).clock(clock).build();

    /** Runs the initiator's timers on time until {@code untilNanos}, recording every send relative to {@code t0}. */
    private List<TimeoutOutcome> runTimersUntil(long untilNanos) {
        List<TimeoutOutcome> outcomes = new ArrayList<>();
        while (initiator.nextTimeoutNanos() != Initiator.NO_TIMEOUT && initiator.nextTimeoutNanos() <= untilNanos) {
            long due = initiator.nextTimeoutNanos();
            clock.advance(Duration.ofNanos(due - clock.nanoTime()));
            outcomes.add(initiator.onTimeout(clock.nanoTime()));
        }
        return outcomes;
    }

    private static long counterOf(byte[] packet) {
        int at = packet.length == 192 ? 104 : 136;
        return ByteBuffer.wrap(packet, at, 8).getLong();
    }

    @Test
    void retransmitsHelloOnTheSpecExampleScheduleAndFailsAtTwentySeconds() {
        // SPEC NEG-TIMER-1, NEG-TIMER-2, section 5.6 example: HELLOs at 0, 0.5, 1.25, 2.375, 4.0625, 6.59375,
        // 10.390625, 16.0859375 s and failure at 20 s: eight HELLOs
        long t0 = clock.nanoTime();
        initiator.start();
        List<Long> sendTimes = new ArrayList<>(List.of(0L));
        sent.take();
        List<TimeoutOutcome> outcomes = new ArrayList<>();
        while (initiator.nextTimeoutNanos() != Initiator.NO_TIMEOUT) {
            clock.advance(Duration.ofNanos(initiator.nextTimeoutNanos() - clock.nanoTime()));
            TimeoutOutcome outcome = initiator.onTimeout(clock.nanoTime());
            outcomes.add(outcome);
            if (outcome instanceof TimeoutOutcome.Retransmitted) {
                sendTimes.add(clock.nanoTime() - t0);
                assertThat(sent.take().bytes()).hasSize(192);
            }
        }
        assertThat(sendTimes).containsExactly(0L, 500 * MS, 1250 * MS, 2375 * MS, 4_062_500_000L, 6_593_750_000L,
                10_390_625_000L, 16_085_937_500L);
        assertThat(clock.nanoTime() - t0).isEqualTo(20_000 * MS);
        assertThat(outcomes.get(outcomes.size() - 1)).isInstanceOf(TimeoutOutcome.Failed.class);
        assertThat(initiator.state()).isEqualTo(Initiator.State.FAILED);
        assertThat(initiator.failureReason()).get().asString().contains("20000 ms");
        assertThat(sent.isEmpty()).isTrue();
    }

    @Test
    void numbersEveryHelloWithTheNextCounterValueAndEachIsANewPacket() {
        // SPEC CRY-CTR-2, CRY-CTR-3: a new, strictly greater counter value for every retransmission
        initiator.start();
        runTimersUntil(clock.nanoTime() + 5000 * MS);
        List<byte[]> hellos = new ArrayList<>();
        while (!sent.isEmpty()) {
            hellos.add(sent.take().bytes());
        }
        assertThat(hellos).hasSize(5);
        for (int i = 0; i < hellos.size(); i++) {
            assertThat(counterOf(hellos.get(i))).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(Arrays.copyOfRange(hellos.get(i), 112, 192))
                        .isNotEqualTo(Arrays.copyOfRange(hellos.get(i - 1), 112, 192));
            }
        }
    }

    @Test
    void erasesTheShortTermKeyWhenItFails() {
        // SPEC NEG-TIMER-2, CRY-KEY-3
        initiator.start();
        KeyPair shortTerm = initiator.shortTermKeyPair();
        runTimersUntil(clock.nanoTime() + 20_000 * MS);
        assertThat(initiator.state()).isEqualTo(Initiator.State.FAILED);
        assertThat(shortTerm.isDestroyed()).isTrue();
        assertThat(initiator.nextTimeoutNanos()).isEqualTo(Initiator.NO_TIMEOUT);
        assertThat(initiator.onTimeout(clock.nanoTime())).isInstanceOf(TimeoutOutcome.NothingDue.class);
    }

    @Test
    void restartsTheInitiateScheduleAtTheCookieAndGoesBackToHelloWithAFreshKeyAfterFourInitiates() {
        // SPEC NEG-TIMER-3, NEG-TIMER-4, NEG-TIMER-6, CRY-CTR-1
        long t0 = clock.nanoTime();
        initiator.start();
        PublicKey firstKey = initiator.initiatorShortTermKey().orElseThrow();
        runTimersUntil(t0 + 600 * MS); // the HELLO at 0.5 s
        byte[] hello1 = sent.take().bytes();
        byte[] hello2 = sent.take().bytes();
        clock.advance(Duration.ofMillis(100)); // 0.6 s: the answer to HELLO 1 arrives
        responder.onHello(Unpooled.wrappedBuffer(hello1), initiatorAddress);
        clock.advance(Duration.ofMillis(100)); // 0.7 s
        long cookieAt = clock.nanoTime();
        CookieOutcome cookie = initiator.onCookie(Unpooled.wrappedBuffer(responderSent.take().bytes()), responderAddress);
        assertThat(cookie).isInstanceOf(CookieOutcome.InitiateSent.class);
        assertThat(initiator.nextTimeoutNanos()).isEqualTo(cookieAt + 500 * MS);

        List<TimeoutOutcome> outcomes = runTimersUntil(cookieAt + 4063 * MS);
        assertThat(outcomes).containsExactly(
                new TimeoutOutcome.Retransmitted(PacketType.INITIATE, 4, false),
                new TimeoutOutcome.Retransmitted(PacketType.INITIATE, 5, false),
                new TimeoutOutcome.Retransmitted(PacketType.INITIATE, 6, false),
                new TimeoutOutcome.Retransmitted(PacketType.HELLO, 1, true));
        // NEG-TIMER-6: INITIATEs at 0, 0.5, 1.25 and 2.375 s after the COOKIE; the restart comes when a fifth would
        assertThat(clock.nanoTime() - cookieAt).isEqualTo(4_062_500_000L);

        List<Long> counters = new ArrayList<>(List.of(counterOf(hello1), counterOf(hello2)));
        List<Integer> sizes = new ArrayList<>();
        while (sent.size() > 1) {
            byte[] packet = sent.take().bytes();
            counters.add(counterOf(packet));
            sizes.add(packet.length);
            assertThat(Arrays.copyOfRange(packet, 8, 40)).isEqualTo(firstKey.bytes());
        }
        assertThat(counters).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(sizes).allMatch(size -> size >= 272 && (size - 256) % 16 == 0);
        byte[] restartHello = sent.take().bytes();
        assertThat(restartHello).hasSize(192);
        PublicKey secondKey = initiator.initiatorShortTermKey().orElseThrow();
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(Arrays.copyOfRange(restartHello, 8, 40)).isEqualTo(secondKey.bytes());
        assertThat(counterOf(restartHello)).isEqualTo(1);
        assertThat(initiator.responderShortTermKey()).isEmpty();
        assertThat(initiator.nextTimeoutNanos()).isEqualTo(clock.nanoTime() + 500 * MS);

        // the deadline still counts from the first HELLO
        List<TimeoutOutcome> rest = runTimersUntil(t0 + 20_000 * MS);
        assertThat(rest.get(rest.size() - 1)).isInstanceOf(TimeoutOutcome.Failed.class);
        assertThat(clock.nanoTime() - t0).isEqualTo(20_000 * MS);
    }

    @Test
    void timersAreConfigurable() {
        NegotiationTimers fast = new NegotiationTimers(Duration.ofMillis(10), 2.0, Duration.ofMillis(30),
                Duration.ofMillis(100), 4);
        Initiator quick = Initiator.builder(KeyPair.generate(random), responderLongTerm.publicKey(), responderAddress,
                sent).random(random).clock(clock).timers(fast).build();
        long t0 = clock.nanoTime();
        quick.start();
        List<Long> times = new ArrayList<>();
        while (quick.nextTimeoutNanos() != Initiator.NO_TIMEOUT) {
            clock.advance(Duration.ofNanos(quick.nextTimeoutNanos() - clock.nanoTime()));
            if (quick.onTimeout(clock.nanoTime()) instanceof TimeoutOutcome.Retransmitted) {
                times.add((clock.nanoTime() - t0) / MS);
            }
        }
        assertThat(times).containsExactly(10L, 30L, 60L, 90L);
        assertThat(quick.state()).isEqualTo(Initiator.State.FAILED);
    }
}
