package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.testing.TestSeed;
import org.sss.core.time.ManualClock;

/**
 * Random and mutated datagrams at every entry point: nothing throws, every rejection is a counted
 * verdict, and no state is created (SPEC.md section 13, LIM-RES-1, LIM-RES-3, NEG-ERR-1).
 */
class GarbageInputTest {
    private static final int ROUNDS = 4000;

    private final long seed = TestSeed.forTest(getClass().getSimpleName());
    private final SplittableRandom r = new SplittableRandom(seed);
    private final SecureRandom random = TestSeed.secureRandom(seed);
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams toResponder = new SentDatagrams();
    private final SentDatagrams toInitiator = new SentDatagrams();
    private final KeyPair responderLongTerm = KeyPair.generate(random);
    private final InetSocketAddress responderAddress = ResponderHelloTest.address("192.0.2.1", 9660);
    private final InetSocketAddress initiatorAddress = ResponderHelloTest.address("192.0.2.2", 50000);
    private final Set<PublicKey> live = new HashSet<>();
    private final Responder responder = Responder.builder(responderLongTerm, toInitiator).random(random).clock(clock)
            .helloRateLimiter(HelloRateLimiter.unlimited()).liveChannels(live::contains).build();

    private Initiator initiator() {
        return Initiator.builder(KeyPair.generate(random), responderLongTerm.publicKey(), responderAddress, toResponder)
                .random(random).clock(clock).build();
    }

    @Test
    void garbageNeverThrowsNeverCreatesStateAndIsAlwaysCounted() {
        // a negotiation waiting for its COOKIE, and one waiting for its first MESSAGE
        Initiator waitingForCookie = initiator();
        waitingForCookie.start();
        byte[] hello = toResponder.take().bytes();
        responder.onHello(Unpooled.wrappedBuffer(hello), initiatorAddress);
        byte[] cookie = toInitiator.take().bytes();

        Initiator waitingForMessage = initiator();
        waitingForMessage.start();
        responder.onHello(Unpooled.wrappedBuffer(toResponder.take().bytes()), initiatorAddress);
        waitingForMessage.onCookie(Unpooled.wrappedBuffer(toInitiator.take().bytes()), responderAddress);
        byte[] initiate = toResponder.take().bytes();
        InitiateOutcome.Accepted accepted = (InitiateOutcome.Accepted) responder.onInitiate(
                Unpooled.wrappedBuffer(initiate), initiatorAddress);
        accepted.messagePlaintext().release();
        NegotiatedChannel channel = accepted.channel();
        long pn = channel.sendCounter().next();
        byte[] message = PacketForge.message(channel.ownShortTerm(), channel.peerShortTerm(),
                NoncePrefix.MESSAGE_FROM_RESPONDER, pn, PacketForge.settingsMessage(pn));
        int baseline = responder.perPeerStateEntries();
        long responderDrops = responder.dropCounters().total();
        long cookieDrops = waitingForCookie.dropCounters().total();
        long messageDrops = waitingForMessage.dropCounters().total();
        List<byte[]> genuine = List.of(hello, cookie, initiate, message);

        long responderDropped = 0;
        long cookieDropped = 0;
        long messageDropped = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] datagram = garbage(genuine);
            String context = "round " + round + " (seed " + seed + "): " + ByteBufUtil.hexDump(datagram);
            InetSocketAddress from = r.nextInt(4) == 0 ? initiatorAddress : randomAddress();
            HelloOutcome h = call(context, () -> responder.onHello(Unpooled.wrappedBuffer(datagram), from));
            responderDropped += h instanceof Dropped ? 1 : 0;
            InitiateOutcome i = call(context, () -> responder.onInitiate(Unpooled.wrappedBuffer(datagram), from));
            assertThat(i).as(context).isInstanceOf(Dropped.class);
            responderDropped++;
            CookieOutcome c = call(context, () -> waitingForCookie.onCookie(Unpooled.wrappedBuffer(datagram),
                    r.nextBoolean() ? responderAddress : from));
            assertThat(c).as(context).isInstanceOf(Dropped.class);
            cookieDropped++;
            FirstMessageOutcome m = call(context, () -> waitingForMessage.onFirstMessage(Unpooled.wrappedBuffer(datagram)));
            assertThat(m).as(context).isInstanceOf(Dropped.class);
            messageDropped++;
        }
        toInitiator.clear();

        assertThat(responder.perPeerStateEntries()).isEqualTo(baseline);
        assertThat(responder.dropCounters().total() - responderDrops).isEqualTo(responderDropped);
        assertThat(waitingForCookie.dropCounters().total() - cookieDrops).isEqualTo(cookieDropped);
        assertThat(waitingForMessage.dropCounters().total() - messageDrops).isEqualTo(messageDropped);
        assertThat(waitingForCookie.state()).isEqualTo(Initiator.State.HELLO_SENT);
        assertThat(waitingForMessage.state()).isEqualTo(Initiator.State.INITIATE_SENT);
        assertThat(toResponder.isEmpty()).as("garbage never makes an initiator send").isTrue();
    }

    private static <T> T call(String context, Supplier<T> entryPoint) {
        try {
            return entryPoint.get();
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + context, e);
        }
    }

    /** Random bytes, random bytes behind a real magic at a valid length, or a mutated genuine packet. */
    private byte[] garbage(List<byte[]> genuine) {
        switch (r.nextInt(3)) {
            case 0: {
                byte[] b = new byte[r.nextInt(1233)];
                r.nextBytes(b);
                return b;
            }
            case 1: {
                byte[][] magics = {PacketForge.MAGIC_HELLO, PacketForge.MAGIC_COOKIE, PacketForge.MAGIC_INITIATE,
                    PacketForge.MAGIC_MESSAGE};
                int kind = r.nextInt(4);
                int length = kind == 0 ? 192 : kind == 1 ? 168 : kind == 2 ? 256 + 16 * (1 + r.nextInt(61))
                        : 64 + 16 * (1 + r.nextInt(73));
                byte[] b = new byte[length];
                r.nextBytes(b);
                System.arraycopy(magics[kind], 0, b, 0, 8);
                return b;
            }
            default: {
                byte[] original = genuine.get(r.nextInt(genuine.size()));
                byte[] b = original.clone();
                int changes = 1 + r.nextInt(3);
                for (int k = 0; k < changes; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                }
                if (r.nextInt(5) == 0) {
                    b = Arrays.copyOf(b, Math.max(0, b.length + r.nextInt(33) - 16));
                }
                return Arrays.equals(b, original) ? new byte[0] : b;
            }
        }
    }

    private InetSocketAddress randomAddress() {
        byte[] a = new byte[4];
        r.nextBytes(a);
        try {
            return new InetSocketAddress(java.net.InetAddress.getByAddress(a), 1 + r.nextInt(65535));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
