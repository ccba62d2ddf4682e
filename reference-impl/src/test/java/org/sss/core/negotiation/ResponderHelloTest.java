package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.testing.TestSeed;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DropReason;

/** The responder's HELLO processing, SPEC.md section 5.5 steps 1 to 5, and its amplification bound (5.8). */
class ResponderHelloTest {
    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams sent = new SentDatagrams();
    private final KeyPair responderLongTerm = KeyPair.generate(random);
    private final KeyPair initiatorShortTerm = KeyPair.generate(random);
    private final InetSocketAddress source = address("192.0.2.7", 40000);

    private Responder responder(HelloRateLimiter limiter) {
        return Responder.builder(responderLongTerm, sent).random(random).clock(clock).helloRateLimiter(limiter).build();
    }

    @Test
    void answersOnlyA192ByteHelloAndItsCookieIsNeverLargerThanTheHello() {
        // SPEC PKT-SIZE-1, PKT-SIZE-5, PKT-MAGIC-3, NEG-COOKIE-1, section 5.8: only 192 bytes draw a COOKIE, of 168 bytes
        Responder responder = responder(HelloRateLimiter.unlimited());
        byte[] hello = PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1);
        for (int length = 0; length <= 1232; length++) {
            byte[] datagram = Arrays.copyOf(hello, length);
            HelloOutcome outcome = responder.onHello(Unpooled.wrappedBuffer(datagram), source);
            if (length == 192) {
                assertThat(outcome).isEqualTo(new HelloOutcome.CookieSent(source, 168));
                SentDatagrams.Sent cookie = sent.take();
                assertThat(cookie.bytes()).hasSize(168).startsWith(PacketForge.MAGIC_COOKIE);
                assertThat(cookie.recipient()).isEqualTo(source);
            } else {
                DropReason expected = length < 8 ? DropReason.DATAGRAM_TOO_SHORT : DropReason.BAD_PACKET_LENGTH;
                assertThat(outcome).as("length %d", length).isInstanceOf(Dropped.class);
                assertThat(((Dropped) outcome).reason()).as("length %d", length).isEqualTo(expected);
            }
            assertThat(sent.isEmpty()).as("length %d", length).isTrue();
        }
        assertThat(responder.dropCounters().get(DropReason.DATAGRAM_TOO_SHORT)).isEqualTo(8);
        assertThat(responder.dropCounters().get(DropReason.BAD_PACKET_LENGTH)).isEqualTo(1233 - 8 - 1);
    }

    @Test
    void theCookieOpensForTheInitiatorAndCarriesAFreshResponderKeyEachTime() {
        // SPEC NEG-COOKIE-1, NEG-COOKIE-3, CRY-KEY-2: each HELLO, even a repeated one, gets its own (r', R')
        Responder responder = responder(HelloRateLimiter.unlimited());
        byte[] hello = PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1);
        Set<PublicKey> responderKeys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            responder.onHello(Unpooled.wrappedBuffer(hello), source);
            PacketForge.OpenedCookie opened = PacketForge.openCookie(sent.take().bytes(), initiatorShortTerm,
                    responderLongTerm.publicKey());
            responderKeys.add(opened.responderShortTerm());
        }
        assertThat(responderKeys).hasSize(5);
        assertThat(sent.isEmpty()).isTrue();
    }

    @Test
    void dropsHelloWhoseBoxTagWasModified() {
        // SPEC NEG-RPROC-1 step 3: BOX_OPEN_FAILED
        assertDropped(PacketForge.flip(PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1), 112),
                DropReason.BOX_OPEN_FAILED);
    }

    @Test
    void dropsHelloWhoseCounterWasChanged() {
        // SPEC NEG-RPROC-1 step 3: the counter is part of the nonce, so the box no longer opens
        assertDropped(PacketForge.flip(PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1), 111),
                DropReason.BOX_OPEN_FAILED);
    }

    @Test
    void dropsHelloBoxedForAnotherResponder() {
        KeyPair other = KeyPair.generate(random);
        assertDropped(PacketForge.hello(initiatorShortTerm, other.publicKey(), 1), DropReason.BOX_OPEN_FAILED);
    }

    @Test
    void dropsHelloFromASmallOrderShortTermKey() {
        // SPEC CRY-PRIM-4: an all-zero X25519 result is a box that does not open
        byte[] hello = PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1);
        Arrays.fill(hello, 8, 40, (byte) 0);
        assertDropped(hello, DropReason.BOX_OPEN_FAILED);
    }

    @Test
    void dropsPacketsOfOtherKindsAsUnknownMagic() {
        // SPEC PKT-MAGIC-2, PKT-MAGIC-4: the reserved INITIATE_MESSAGE magic is unknown
        byte[] hello = PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1);
        byte[] reserved = hello.clone();
        System.arraycopy(PacketForge.ascii("qVNq5xLo"), 0, reserved, 0, 8);
        assertDropped(reserved, DropReason.UNKNOWN_MAGIC);
        byte[] asCookie = Arrays.copyOf(hello, 168);
        System.arraycopy(PacketForge.MAGIC_COOKIE, 0, asCookie, 0, 8);
        assertDropped(asCookie, DropReason.UNKNOWN_MAGIC);
    }

    @Test
    void answersHelloWhosePaddingIsNotZero() {
        // SPEC NEG-HELLO-2: the padding's value is not checked
        Responder responder = responder(HelloRateLimiter.unlimited());
        byte[] hello = PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1);
        Arrays.fill(hello, 40, 104, (byte) 0x5A);
        assertThat(responder.onHello(Unpooled.wrappedBuffer(hello), source)).isInstanceOf(HelloOutcome.CookieSent.class);
        assertThat(sent.take().bytes()).hasSize(168);
    }

    @Test
    void rateLimitsHellosPerSourceAddressBeforeAnyCryptography() {
        // SPEC NEG-DOS-1, NEG-RPROC-1 step 2
        Responder responder = responder(new TokenBucketHelloRateLimiter(1, 2, 16));
        byte[] broken = PacketForge.flip(PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1), 112);
        byte[] hello = PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1);
        assertThat(responder.onHello(Unpooled.wrappedBuffer(hello), source)).isInstanceOf(HelloOutcome.CookieSent.class);
        assertThat(responder.onHello(Unpooled.wrappedBuffer(broken), source)).isInstanceOf(Dropped.class);
        // the third from this address, on another port, is over the limit: dropped before its box is tried
        InetSocketAddress otherPort = new InetSocketAddress(source.getAddress(), 40001);
        assertThat(responder.onHello(Unpooled.wrappedBuffer(broken), otherPort))
                .isEqualTo(new HelloOutcome.RateLimited(otherPort));
        assertThat(responder.rateLimited()).isEqualTo(1);
        assertThat(responder.dropCounters().get(DropReason.BOX_OPEN_FAILED)).isEqualTo(1);
        assertThat(responder.onHello(Unpooled.wrappedBuffer(hello), address("192.0.2.8", 40000)))
                .isInstanceOf(HelloOutcome.CookieSent.class);
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(responder.onHello(Unpooled.wrappedBuffer(hello), source)).isInstanceOf(HelloOutcome.CookieSent.class);
        assertThat(sent.size()).isEqualTo(3);
    }

    @Test
    void keepsNoStateAboutAnyHello() {
        // SPEC NEG-RPROC-2, CRY-KEY-4, LIM-RES-3: nothing per peer before a cookie verifies
        Responder responder = responder(HelloRateLimiter.unlimited());
        long generation = responder.minuteKeys().currentGeneration(clock.nanoTime());
        for (int i = 0; i < 300; i++) {
            KeyPair shortTerm = KeyPair.generate(random);
            InetSocketAddress from = address("198.51.100." + (i % 250), 1024 + i);
            HelloOutcome outcome = responder.onHello(
                    Unpooled.wrappedBuffer(PacketForge.hello(shortTerm, responderLongTerm.publicKey(), 1)), from);
            assertThat(outcome).isInstanceOf(HelloOutcome.CookieSent.class);
        }
        assertThat(sent.size()).isEqualTo(300);
        assertThat(responder.perPeerStateEntries()).isZero();
        assertThat(responder.replayCache().size()).isZero();
        assertThat(responder.minuteKeys().currentGeneration(clock.nanoTime())).isEqualTo(generation);
    }

    @Test
    void theBoundedRateLimiterRemembersAtMostItsCapacity() {
        Responder responder = responder(new TokenBucketHelloRateLimiter(100, 100, 8));
        byte[] broken = PacketForge.flip(PacketForge.hello(initiatorShortTerm, responderLongTerm.publicKey(), 1), 112);
        for (int i = 0; i < 50; i++) {
            responder.onHello(Unpooled.wrappedBuffer(broken), address("203.0.113." + i, 9));
        }
        assertThat(responder.perPeerStateEntries()).isEqualTo(8);
    }

    private void assertDropped(byte[] datagram, DropReason reason) {
        Responder responder = responder(HelloRateLimiter.unlimited());
        HelloOutcome outcome = responder.onHello(Unpooled.wrappedBuffer(datagram), source);
        assertThat(outcome).isInstanceOf(Dropped.class);
        assertThat(((Dropped) outcome).reason()).isEqualTo(reason);
        assertThat(responder.dropCounters().get(reason)).isEqualTo(1);
        assertThat(responder.dropCounters().total()).isEqualTo(1);
        assertThat(sent.isEmpty()).as("NEG-ERR-1: nothing is sent in answer to a dropped HELLO").isTrue();
    }

    static InetSocketAddress address(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
