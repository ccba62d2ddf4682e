package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelEnvironment;
import org.sss.core.channel.ChannelListener;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.ReceiveResult;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyPair;
import org.sss.core.negotiation.CookieOutcome;
import org.sss.core.negotiation.FirstMessageOutcome;
import org.sss.core.negotiation.HelloOutcome;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.negotiation.InitiateOutcome;
import org.sss.core.negotiation.Initiator;
import org.sss.core.negotiation.Responder;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.Frame;
import org.sss.core.wire.WireLimits;

/**
 * Two fixed identities negotiating over in-memory queues, driven the way {@code Host} drives the
 * sans-I/O layers (SPEC.md section 5): a new {@link Initiator} per handshake, one long-lived
 * {@link Responder} without a HELLO rate limit, and a {@link Channel} at each end once the
 * negotiation hands over. Time stands still ({@link ManualClock}), so no timer fires; keys come
 * from a seeded generator, so runs compare. Not thread-safe.
 */
final class InMemoryHandshake {
    static final InetSocketAddress INITIATOR_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    static final InetSocketAddress RESPONDER_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9660);

    /** What a channel's peer may put in a packet once the SETTINGS and version are acknowledged. */
    static final int SETTLED_FRAMES_LENGTH = WireLimits.MAX_PLAINTEXT - WireLimits.MIN_HEADER_LENGTH;

    private final CryptoProvider crypto;
    private final SecureRandom random;
    private final ManualClock clock = new ManualClock();
    private final ChannelConfig config;
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private final DropCounters negotiationDrops = new DropCounters();
    private final KeyPair initiatorIdentity;
    private final KeyPair responderIdentity;
    private final DatagramQueue toResponder = new DatagramQueue();
    private final DatagramQueue toInitiator = new DatagramQueue();
    private final ChannelEnvironment initiatorEnvironment;
    private final ChannelEnvironment responderEnvironment;
    /** What the initiator's channels send. */
    final DatagramQueue initiatorChannelOut = new DatagramQueue();
    /** What the responder's channels send, the first MESSAGE included. */
    final DatagramQueue responderChannelOut = new DatagramQueue();
    /** The verdicts of both ends' channels. */
    final DropCounters channelDrops = new DropCounters();
    private Responder responder;

    /** Both ends of one channel. */
    record Pair(Channel initiator, Channel responder) {
    }

    /**
     * A fixture.
     *
     * @param crypto both ends' crypto
     * @param seed fixes the identities and every key and nonce drawn after
     * @param config both ends' channel configuration
     */
    InMemoryHandshake(CryptoProvider crypto, long seed, ChannelConfig config) {
        this.crypto = crypto;
        this.config = config;
        this.random = seededSecureRandom(seed);
        this.initiatorIdentity = KeyPair.generate(crypto.keyAgreement(), random);
        this.responderIdentity = KeyPair.generate(crypto.keyAgreement(), random);
        Random channelRandom = new Random(seed);
        this.initiatorEnvironment = new ChannelEnvironment(clock, channelRandom, crypto, allocator, channelDrops,
                initiatorChannelOut);
        this.responderEnvironment = new ChannelEnvironment(clock, channelRandom, crypto, allocator, channelDrops,
                responderChannelOut);
        resetResponder();
    }

    /**
     * A deterministic, thread-safe {@link SecureRandom}: SHA1PRNG seeded before first use. The keys
     * of a benchmark are throwaway; never use this for real keys.
     */
    static SecureRandom seededSecureRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }

    /** A fresh responder: new minute keys, an empty cookie replay cache. */
    void resetResponder() {
        if (responder != null) {
            responder.close();
        }
        responder = Responder.builder(responderIdentity, toInitiator)
                .crypto(crypto)
                .random(random)
                .clock(clock)
                // the benchmark sends every HELLO from one address
                .helloRateLimiter(HelloRateLimiter.unlimited())
                .dropCounters(negotiationDrops)
                .allocator(allocator)
                .build();
    }

    /** One whole negotiation, HELLO to the initiator's established channel. */
    Pair handshake() {
        Initiator initiator = startInitiator();
        answerHello(toResponder.take());
        deliverCookie(initiator);
        Channel responderChannel = acceptInitiate(toResponder.take());
        ByteBuf firstMessage = responderChannelOut.take();
        FirstMessageOutcome.Established established;
        try {
            established = expect(initiator.onFirstMessage(firstMessage), FirstMessageOutcome.Established.class);
        } finally {
            firstMessage.release();
        }
        Channel initiatorChannel;
        try {
            initiatorChannel = Channel.create(established.channel(), config, initiatorEnvironment, IGNORE_FRAMES);
            expect(initiatorChannel.acceptFirstPacket(established.packetNumber(), established.plaintext()),
                    ReceiveResult.ACCEPTED);
        } finally {
            established.plaintext().release();
        }
        return new Pair(initiatorChannel, responderChannel);
    }

    /** A new initiator's first HELLO; the caller owns it. */
    ByteBuf hello() {
        startInitiator();
        return toResponder.take();
    }

    /** The responder's work for one HELLO, whose COOKIE goes to the initiator's queue; the caller keeps the HELLO. */
    void cookieFor(ByteBuf hello) {
        expect(responder.onHello(hello, INITIATOR_ADDRESS), HelloOutcome.CookieSent.class);
    }

    /** {@link #cookieFor} with the COOKIE released: the responder's whole cost of a HELLO. */
    void answerAndDropCookie(ByteBuf hello) {
        cookieFor(hello);
        toInitiator.take().release();
    }

    private void answerHello(ByteBuf hello) {
        try {
            cookieFor(hello);
        } finally {
            hello.release();
        }
    }

    /** A new initiator's first INITIATE, its HELLO answered; the caller owns it. */
    ByteBuf initiate() {
        Initiator initiator = startInitiator();
        answerHello(toResponder.take());
        deliverCookie(initiator);
        return toResponder.take();
    }

    /**
     * The responder host's work for one INITIATE (NEG-RPROC-3, NEG-RPROC-5): open and check it, then
     * create the channel, which takes the INITIATE's message and sends its first MESSAGE to
     * {@link #responderChannelOut}. The INITIATE is released.
     */
    Channel acceptInitiate(ByteBuf initiate) {
        InitiateOutcome.Accepted accepted;
        try {
            accepted = expect(responder.onInitiate(initiate, INITIATOR_ADDRESS), InitiateOutcome.Accepted.class);
        } finally {
            initiate.release();
        }
        try {
            Channel channel = Channel.create(accepted.channel(), config, responderEnvironment, IGNORE_FRAMES);
            expect(channel.acceptFirstPacket(accepted.packetNumber(), accepted.messagePlaintext()),
                    ReceiveResult.ACCEPTED);
            return channel;
        } finally {
            accepted.messagePlaintext().release();
        }
    }

    /**
     * Exchanges PINGs and ACKs until each end has seen its SETTINGS and version acknowledged, so that
     * a packet has {@link #SETTLED_FRAMES_LENGTH} bytes for frames; what the channels send is
     * delivered to the other end as long as this runs.
     */
    void settle(Pair pair) {
        for (int round = 0; round < 8; round++) {
            if (isSettled(pair)) {
                return;
            }
            pair.initiator().ping();
            pair.responder().ping();
            deliverAll(pair);
            clock.advance(Duration.ofMillis(100));
            pair.initiator().onTimeout(clock.nanoTime());
            pair.responder().onTimeout(clock.nanoTime());
            deliverAll(pair);
        }
        if (!isSettled(pair)) {
            throw new IllegalStateException("the channels did not settle: room for frames "
                    + pair.initiator().maxFramesLength() + " and " + pair.responder().maxFramesLength());
        }
    }

    private static boolean isSettled(Pair pair) {
        return pair.initiator().state() == ChannelState.ESTABLISHED && pair.responder().state() == ChannelState.ESTABLISHED
                && pair.initiator().maxFramesLength() == SETTLED_FRAMES_LENGTH
                && pair.responder().maxFramesLength() == SETTLED_FRAMES_LENGTH;
    }

    private void deliverAll(Pair pair) {
        while (!initiatorChannelOut.isEmpty() || !responderChannelOut.isEmpty()) {
            while (!initiatorChannelOut.isEmpty()) {
                deliver(initiatorChannelOut.take(), pair.responder());
            }
            while (!responderChannelOut.isEmpty()) {
                deliver(responderChannelOut.take(), pair.initiator());
            }
        }
    }

    private static void deliver(ByteBuf datagram, Channel to) {
        try {
            expect(to.onMessage(datagram), ReceiveResult.ACCEPTED);
        } finally {
            datagram.release();
        }
    }

    /** Total drops of both negotiation ends; a benchmark that measured drops measured the wrong path. */
    long negotiationDrops() {
        return negotiationDrops.total();
    }

    private Initiator startInitiator() {
        Initiator initiator = Initiator.builder(initiatorIdentity, responderIdentity.publicKey(), RESPONDER_ADDRESS,
                        toResponder)
                .crypto(crypto)
                .random(random)
                .clock(clock)
                .settings(config.settingsFrame())
                .dropCounters(negotiationDrops)
                .allocator(allocator)
                .build();
        initiator.start();
        return initiator;
    }

    private void deliverCookie(Initiator initiator) {
        ByteBuf cookie = toInitiator.take();
        try {
            expect(initiator.onCookie(cookie, RESPONDER_ADDRESS), CookieOutcome.InitiateSent.class);
        } finally {
            cookie.release();
        }
    }

    private static <T> T expect(Object outcome, Class<T> type) {
        if (!type.isInstance(outcome)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + outcome);
        }
        return type.cast(outcome);
    }

    private static void expect(ReceiveResult result, ReceiveResult wanted) {
        if (result != wanted) {
            throw new IllegalStateException("expected " + wanted + ", got " + result);
        }
    }

    private static final ChannelListener IGNORE_FRAMES = new ChannelListener() {
        @Override
        public void onFrames(long packetNumber, List<Frame> frames) {
        }
    };
}
