package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.LoopbackHosts.statistics;
import static org.sss.core.host.LoopbackHosts.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.crypto.KeyPair;
import org.sss.core.negotiation.CookieOutcome;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.negotiation.Initiator;
import org.sss.core.negotiation.TokenBucketHelloRateLimiter;
import org.sss.core.time.ManualClock;
import org.sss.core.transport.TransportCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.WireLimits;

/**
 * A responder never sends more than it receives before a cookie verifies (SPEC.md section 5.8):
 * only a valid 192-byte HELLO draws an answer, one COOKIE of 168 bytes; and HELLOs from one source
 * are rate limited (NEG-DOS-1) with bounded memory.
 */
class HelloAmplificationTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    /** How many datagrams may be in flight towards the host before the sender waits. */
    private static final int WINDOW = 32;

    @Test
    void onlyTheValidHelloOfEveryLengthFrom8To1232DrawsAnAnswerAndItIs168Bytes() {
        Host responder = HOSTS.start(HOSTS.config().helloRateLimiter(HelloRateLimiter.unlimited()), new HostEvents());
        RawUdp probe = HOSTS.closeAfterTest(RawUdp.bind(LoopbackHosts.IPV4));
        Random random = HOSTS.random();
        List<ByteBuf> sentByInitiator = new ArrayList<>();
        Initiator initiator = Initiator.builder(KeyPair.generate(HOSTS.secureRandom()), responder.identity(),
                responder.localAddress(), (datagram, to) -> sentByInitiator.add(datagram))
                .random(HOSTS.secureRandom()).build();
        initiator.start();
        byte[] validHello = ByteBufUtil.getBytes(sentByInitiator.get(0));

        long sent = 0;
        for (int length = PacketType.MAGIC_LENGTH; length <= WireLimits.MAX_DATAGRAM; length++) {
            // SPEC PKT-SIZE-1: every length but 192 breaks the HELLO size rule, whatever follows the magic
            byte[] datagram = new byte[length];
            random.nextBytes(datagram);
            ByteBuffer.wrap(datagram).putLong(PacketType.HELLO.magic());
            sent = sendPaced(probe, datagram, responder, sent);
        }
        byte[] forgedBox = validHello.clone();
        forgedBox[forgedBox.length - 1] ^= 1;
        sent = sendPaced(probe, forgedBox, responder, sent);
        sent = sendPaced(probe, validHello, responder, sent);
        long expected = sent;
        Await.until("the responder to read all " + expected + " datagrams",
                () -> transport(responder, TransportCounters.Kind.DATAGRAMS_RECEIVED), n -> n == expected);

        Optional<byte[]> answer = probe.receive(Await.PATIENCE);
        assertThat(answer).as("the COOKIE answering the valid HELLO").isPresent();
        // SPEC PKT-SIZE-2, section 5.8: the COOKIE is 168 bytes, smaller than the 192-byte HELLO
        assertThat(answer.get()).hasSize(WireLimits.COOKIE_LENGTH);
        CookieOutcome outcome = initiator.onCookie(Unpooled.wrappedBuffer(answer.get()), responder.localAddress());
        assertThat(outcome).as("the answer opens as the COOKIE for that HELLO")
                .isInstanceOf(CookieOutcome.InitiateSent.class);
        assertThat(probe.receive(Duration.ofMillis(300))).as("a second answer").isEmpty();

        HostStatistics stats = statistics(responder);
        int badLengths = WireLimits.MAX_DATAGRAM - PacketType.MAGIC_LENGTH; // every length in [8, 1232] but 192
        assertThat(stats.drops(DropReason.BAD_PACKET_LENGTH)).isEqualTo(badLengths);
        // the 192-byte datagram of random bytes and the HELLO with one bit flipped in its box
        assertThat(stats.drops(DropReason.BOX_OPEN_FAILED)).isEqualTo(2);
        assertThat(stats.drops()).containsOnlyKeys(DropReason.BAD_PACKET_LENGTH, DropReason.BOX_OPEN_FAILED);
        assertThat(stats.transport().get(TransportCounters.Kind.DATAGRAMS_SENT)).isEqualTo(1);
        assertThat(stats.channels()).isZero();
        initiator.abandon("test over");
        sentByInitiator.forEach(ByteBuf::release);
    }

    /**
     * SPEC NEG-DOS-1: the default limiter (100 per second per address, a burst of 100) with the
     * host's clock stopped, so that no allowance refills and the count is exact.
     */
    @Test
    void theDefaultLimiterStopsAFloodOfHellosFromOneSourceBeforeAnyCryptography() {
        TokenBucketHelloRateLimiter limiter = TokenBucketHelloRateLimiter.withDefaults();
        Host responder = HOSTS.start(HOSTS.config().helloRateLimiter(limiter).clock(new ManualClock()),
                new HostEvents());
        RawUdp flooder = HOSTS.closeAfterTest(RawUdp.bind(LoopbackHosts.IPV4));
        Random random = HOSTS.random();
        int flood = 3 * TokenBucketHelloRateLimiter.DEFAULT_PER_SECOND;

        long sent = 0;
        for (int i = 0; i < flood; i++) {
            sent = sendPaced(flooder, randomHello(random), responder, sent);
        }
        long expected = sent;
        Await.until("the responder to read the flood", () -> transport(responder,
                TransportCounters.Kind.DATAGRAMS_RECEIVED), n -> n == expected);

        HostStatistics stats = statistics(responder);
        assertThat(stats.rateLimited()).isEqualTo(flood - TokenBucketHelloRateLimiter.DEFAULT_PER_SECOND);
        // only the burst reached step 3, where the random boxes fail to open
        assertThat(stats.drops(DropReason.BOX_OPEN_FAILED)).isEqualTo(TokenBucketHelloRateLimiter.DEFAULT_PER_SECOND);
        assertThat(trackedSources(responder, limiter)).isEqualTo(1);
    }

    /** SPEC LIM-RES-3, NEG-DOS-1: the limiter is the only per-source state before a cookie, and it is bounded. */
    @Test
    void theLimiterRemembersAtMostItsBoundOfSourceAddresses() {
        int bound = 16;
        TokenBucketHelloRateLimiter limiter = new TokenBucketHelloRateLimiter(
                TokenBucketHelloRateLimiter.DEFAULT_PER_SECOND, TokenBucketHelloRateLimiter.DEFAULT_PER_SECOND, bound);
        Host responder = HOSTS.start(HOSTS.config().helloRateLimiter(limiter), new HostEvents());
        Random random = HOSTS.random();
        int sources = 4 * bound;

        for (int i = 0; i < sources; i++) {
            // every address of 127.0.0.0/8 is loopback; each HELLO comes from another one
            InetAddress source = loopbackAddress(2 + i);
            try (RawUdp socket = RawUdp.bind(source)) {
                socket.send(randomHello(random), responder.localAddress());
            }
            int seen = i + 1;
            Await.until("the responder to read HELLO " + seen,
                    () -> transport(responder, TransportCounters.Kind.DATAGRAMS_RECEIVED), n -> n == seen);
            assertThat(trackedSources(responder, limiter)).isLessThanOrEqualTo(bound);
        }
        assertThat(trackedSources(responder, limiter)).isEqualTo(bound);
        assertThat(statistics(responder).drops(DropReason.BOX_OPEN_FAILED)).isEqualTo(sources);
    }

    /** 192 bytes: the HELLO magic and random bytes, so a box that does not open. */
    private static byte[] randomHello(Random random) {
        byte[] hello = new byte[WireLimits.HELLO_LENGTH];
        random.nextBytes(hello);
        ByteBuffer.wrap(hello).putLong(PacketType.HELLO.magic());
        return hello;
    }

    private static int trackedSources(Host host, HelloRateLimiter limiter) {
        // the limiter belongs to the host's event loop
        return LoopbackHosts.join(host.onLoop(limiter::trackedSources));
    }

    private static InetAddress loopbackAddress(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n >>> 8), (byte) n});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends one datagram, first waiting until the host has read all but {@link #WINDOW} of those sent. */
    static long sendPaced(RawUdp socket, byte[] datagram, Host host, long sentSoFar) {
        long received = transport(host, TransportCounters.Kind.DATAGRAMS_RECEIVED);
        if (sentSoFar - received >= WINDOW) {
            Await.until("the host to catch up", () -> transport(host, TransportCounters.Kind.DATAGRAMS_RECEIVED),
                    n -> sentSoFar - n < WINDOW / 2);
        }
        socket.send(datagram, host.localAddress());
        return sentSoFar + 1;
    }

}
