package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.misbehaviour.ProtocolBugCrash;
import org.sss.core.misbehaviour.ProtocolBugs;
import org.sss.core.time.Clock;
import org.sss.core.wire.CookieBoxPlaintext;
import org.sss.core.wire.CookiePlaintext;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.HelloPacket;
import org.sss.core.wire.InitiateBoxPlaintext;
import org.sss.core.wire.InitiatePacket;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.ResponderCookie;
import org.sss.core.wire.VouchPlaintext;
import org.sss.core.wire.WireLimits;

/**
 * The responder side of the negotiation (SPEC.md sections 4.6 and 5.5), sans-I/O: the host hands
 * it HELLO and INITIATE datagrams with their source addresses, it sends COOKIEs through a
 * {@link DatagramSink} and returns a typed outcome for every datagram; the host drives its
 * minute-key rotation through {@link #onTimer(long)}.
 *
 * <p>It keeps no state about a HELLO (NEG-RPROC-2): {@code r'} leaves only inside the cookie
 * (CRY-KEY-4), and before a cookie verifies nothing is allocated for a peer (LIM-RES-3) beyond the
 * bounded {@link HelloRateLimiter}. Bad input never throws: each drop is counted in the
 * {@link DropCounters} and returned as {@link Dropped}. Random bytes are drawn in a fixed order,
 * which tests rely on: the first minute key when built; per HELLO, {@code r'} (32 bytes), the
 * cookie nonce (16), the COOKIE box nonce (16).
 *
 * <p>One instance serves one event loop: it reuses scratch buffers and is not thread-safe. Every
 * scratch area that held a secret is zeroed before the call returns.
 */
public final class Responder {
    private final KeyPair longTerm;
    private final CryptoProvider crypto;
    private final SecretBox secretBox;
    private final SecureRandom random;
    private final Clock clock;
    private final DatagramSink sink;
    private final InitiatorPolicy policy;
    private final LiveChannels liveChannels;
    private final HelloRateLimiter rateLimiter;
    private final DropCounters drops;
    private final ByteBufAllocator allocator;
    private final MinuteKeyRing minuteKeys;
    private final CookieReplayCache replayCache;
    private final ProtocolBugs bugs;
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    private final byte[] helloBox = new byte[HelloPacket.BOX_LENGTH];
    private final byte[] helloPlaintext = new byte[HelloPacket.BOX_LENGTH - SecretBox.TAG_LENGTH];
    private final byte[] cookie = new byte[ResponderCookie.LENGTH];
    private final byte[] cookiePlaintext = new byte[CookiePlaintext.LENGTH];
    private final byte[] vouchBox = new byte[VouchPlaintext.LENGTH + SecretBox.TAG_LENGTH];
    private final byte[] vouchPlaintext = new byte[VouchPlaintext.LENGTH];

    private Responder(Builder b) {
        this.longTerm = b.longTerm;
        this.crypto = b.crypto;
        this.secretBox = b.crypto.newSecretBox();
        this.random = b.random;
        this.clock = b.clock;
        this.sink = b.sink;
        this.policy = b.policy;
        this.liveChannels = b.liveChannels;
        this.rateLimiter = b.rateLimiter;
        this.drops = b.drops;
        this.allocator = b.allocator;
        this.minuteKeys = new MinuteKeyRing(b.minuteKeyRotation, b.random, b.clock.nanoTime(), b.minuteKeyLog);
        this.replayCache = new CookieReplayCache(b.replayCacheCapacity, minuteKeys.keyLifetime());
        this.bugs = b.bugs;
    }

    /**
     * Starts a builder.
     *
     * @param longTerm the responder's long-term key pair {@code (r, R)}
     * @param sink where COOKIEs go
     */
    public static Builder builder(KeyPair longTerm, DatagramSink sink) {
        return new Builder(longTerm, sink);
    }

    /** The responder's identity {@code R}. */
    public PublicKey publicKey() {
        return longTerm.publicKey();
    }

    /**
     * Handles a datagram passed as a HELLO (steps 1 to 5 of SPEC.md section 5.5, NEG-RPROC-1). A
     * datagram of another kind is dropped as UNKNOWN_MAGIC. The caller keeps ownership of
     * {@code datagram}; its indices are not moved.
     *
     * @param datagram the UDP payload
     * @param source where it came from; the COOKIE goes there and its cookie is bound to it
     */
    public HelloOutcome onHello(ByteBuf datagram, InetSocketAddress source) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(source, "source");
        long now = clock.nanoTime();
        // SPEC NEG-RPROC-1 step 1, PKT-SIZE-1, PKT-SIZE-6: the length before anything else
        DecodeResult<Packet> decoded = PacketCodec.decode(datagram.duplicate());
        if (!decoded.isOk()) {
            return drop(decoded.dropReason(), decoded.detail());
        }
        // SPEC-GAP: the host demultiplexes by magic (PKT-DEMUX-1); another kind handed in here is UNKNOWN_MAGIC
        if (!(decoded.value() instanceof HelloPacket hello)) {
            return drop(DropReason.UNKNOWN_MAGIC, "a %s is not a HELLO", decoded.value().type());
        }
        // SPEC NEG-RPROC-1 step 2, NEG-DOS-1: rate limiting before any cryptography
        if (!rateLimiter.tryAcquire(source, now)) {
            rateLimited.incrementAndGet();
            return new HelloOutcome.RateLimited(source);
        }
        PublicKey initiatorShortTerm = PublicKey.of(ByteBufUtil.getBytes(hello.initiatorShortTermPk()));
        // SPEC CRY-PRIM-4: a small-order I' is a box that does not open
        Optional<BoxKey> key = crypto.beforenm(initiatorShortTerm, longTerm.secretKey());
        if (key.isEmpty()) {
            return drop(DropReason.BOX_OPEN_FAILED, "HELLO: I' %s is a small-order key", initiatorShortTerm);
        }
        BoxKey helloKey = key.get();
        try {
            hello.box().getBytes(hello.box().readerIndex(), helloBox);
            // SPEC NEG-RPROC-1 step 3: box_open(…, "cUVVYcp-CLIENT-h" || counter, I', r)
            Nonce nonce = Nonce.counter(NoncePrefix.HELLO, hello.nonceCounter());
            if (!secretBox.open(helloKey, nonce, helloBox, 0, helloBox.length, helloPlaintext, 0)) {
                return drop(DropReason.BOX_OPEN_FAILED, "HELLO box does not open under (I', r)");
            }
            // SPEC NEG-HELLO-2: neither the padding nor the box plaintext is checked for zeros
            ByteBuf cookiePacket = cookiePacket(helloKey, initiatorShortTerm, source, now);
            if (bugs.has(ProtocolBug.COOKIE_LARGER_THAN_HELLO)) {
                // PROTOCOL BUG COOKIE_LARGER_THAN_HELLO: a COOKIE longer than 168 bytes and than the HELLO
                cookiePacket = padded(cookiePacket, WireLimits.HELLO_LENGTH + 32);
            }
            if (bugs.has(ProtocolBug.DOUBLE_COOKIE)) {
                // PROTOCOL BUG DOUBLE_COOKIE: a second COOKIE for the same HELLO (breaks NEG-COOKIE-2)
                sink.send(cookiePacket.copy(), source);
            }
            int length = cookiePacket.readableBytes();
            // SPEC NEG-COOKIE-1, NEG-COOKIE-2: one COOKIE to the HELLO's source, never retransmitted
            sink.send(cookiePacket, source);
            // SPEC NEG-RPROC-2: nothing about the HELLO is kept
            return new HelloOutcome.CookieSent(source, length);
        } finally {
            helloKey.destroy();
        }
    }

    /** For {@link ProtocolBug#COOKIE_LARGER_THAN_HELLO}: {@code packet} followed by zeros up to {@code length}. */
    private ByteBuf padded(ByteBuf packet, int length) {
        ByteBuf out = allocator.buffer(length, length);
        out.writeBytes(packet);
        out.writeZero(length - out.readableBytes());
        packet.release();
        return out;
    }

    /** Steps 4 and 5: a fresh {@code (r', R')}, the cookie, the COOKIE box, the packet. */
    private ByteBuf cookiePacket(BoxKey cookieBoxKey, PublicKey initiatorShortTerm, InetSocketAddress source,
            long now) {
        // SPEC CRY-KEY-2: a fresh short-term key pair for every COOKIE
        KeyPair responderShortTerm = KeyPair.generate(crypto.keyAgreement(), random);
        byte[] cookieNonce = new byte[ResponderCookie.NONCE_RANDOM_LENGTH];
        byte[] boxNonce = new byte[ResponderCookie.NONCE_RANDOM_LENGTH];
        try {
            // SPEC CRY-NONCE-4: fresh random compressed nonces for the cookie and the COOKIE box
            random.nextBytes(cookieNonce);
            random.nextBytes(boxNonce);
            initiatorShortTerm.writeTo(cookiePlaintext, 0);
            responderShortTerm.secretKey().writeTo(cookiePlaintext, PublicKey.LENGTH);
            minuteKeys.sealCookie(secretBox, cookiePlaintext, cookieNonce, source, cookie, 0, now);
        } finally {
            Arrays.fill(cookiePlaintext, (byte) 0);
            // SPEC CRY-KEY-4: r' is kept nowhere but inside the cookie
            responderShortTerm.destroy();
        }
        ByteBuf out = allocator.buffer(WireLimits.COOKIE_LENGTH, WireLimits.COOKIE_LENGTH);
        out.writeLong(PacketType.COOKIE.magic());
        out.writeBytes(boxNonce);
        int boxIndex = out.writerIndex();
        out.writeZero(SecretBox.TAG_LENGTH);
        out.writeBytes(responderShortTerm.publicKey().bytes());
        out.writeBytes(cookie);
        // SPEC NEG-COOKIE-1: box(R' || cookie, "cUVVYcpk" || n, I', r); beforenm(I', r) is the HELLO box key
        secretBox.seal(cookieBoxKey, Nonce.random(NoncePrefix.COOKIE, boxNonce, 0), out, boxIndex,
                CookieBoxPlaintext.LENGTH);
        return out;
    }

    /**
     * Handles a datagram passed as an INITIATE, in the order of steps 1 to 9 of SPEC.md section 5.5
     * (NEG-RPROC-3); on acceptance the cookie enters the replay cache and the caller does steps 10
     * to 12. A datagram of another kind is dropped as UNKNOWN_MAGIC. The caller keeps ownership of
     * {@code datagram}; its indices are not moved.
     *
     * @param datagram the UDP payload
     * @param source where it came from
     */
    public InitiateOutcome onInitiate(ByteBuf datagram, InetSocketAddress source) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(source, "source");
        long now = clock.nanoTime();
        // SPEC NEG-RPROC-3 step 1, PKT-SIZE-3, PKT-SIZE-6
        DecodeResult<Packet> decoded = PacketCodec.decode(datagram.duplicate());
        if (!decoded.isOk()) {
            if (bugs.has(ProtocolBug.MALFORMED_INITIATE_CRASHES)) {
                // PROTOCOL BUG MALFORMED_INITIATE_CRASHES
                throw new ProtocolBugCrash(ProtocolBug.MALFORMED_INITIATE_CRASHES);
            }
            return drop(decoded.dropReason(), decoded.detail());
        }
        if (!(decoded.value() instanceof InitiatePacket initiate)) {
            return drop(DropReason.UNKNOWN_MAGIC, "a %s is not an INITIATE", decoded.value().type());
        }
        PublicKey initiatorShortTerm = PublicKey.of(ByteBufUtil.getBytes(initiate.initiatorShortTermPk()));
        // SPEC NEG-RPROC-3 step 2, NEG-RPROC-4: a live channel for I' takes the packet (R1 to R4)
        if (liveChannels.isLive(initiatorShortTerm)) {
            return new InitiateOutcome.ForLiveChannel(initiatorShortTerm);
        }
        ResponderCookie received = initiate.cookie();
        received.nonceRandom().getBytes(received.nonceRandom().readerIndex(), cookie, 0,
                ResponderCookie.NONCE_RANDOM_LENGTH);
        received.box().getBytes(received.box().readerIndex(), cookie, ResponderCookie.NONCE_RANDOM_LENGTH,
                ResponderCookie.BOX_LENGTH);
        SecretKey responderShortTermSecret;
        long generation;
        try {
            // SPEC NEG-RPROC-3 step 3, CRY-COOKIE-6: current then previous minute key, t_addr of this source
            generation = minuteKeys.tryOpenCookie(secretBox, cookie, 0, source, cookiePlaintext, 0, now);
            if (generation == MinuteKeyRing.NOT_OPENED) {
                return drop(DropReason.COOKIE_INVALID, "the cookie opens under neither minute key for %s", source);
            }
            // SPEC NEG-RPROC-3 step 4: the cookie's I' is the packet's I'
            if (!initiatorShortTerm.equalsBytes(cookiePlaintext, 0)) {
                return drop(DropReason.COOKIE_MISMATCH, "the cookie was made for another I'");
            }
            // SPEC NEG-RPROC-3 step 5, CRY-COOKIE-7
            if (replayCache.contains(cookie, 0, generation)) {
                return drop(DropReason.COOKIE_REPLAYED, "the cookie already created a channel");
            }
            responderShortTermSecret = SecretKey.of(cookiePlaintext, PublicKey.LENGTH);
        } finally {
            Arrays.fill(cookiePlaintext, (byte) 0);
        }
        return openInitiate(initiate, initiatorShortTerm, responderShortTermSecret, generation, source, now);
    }

    /** Steps 6 to 9, then the replay cache; owns {@code r'} and erases it unless it is handed over. */
    private InitiateOutcome openInitiate(InitiatePacket initiate, PublicKey initiatorShortTerm,
            SecretKey responderShortTermSecret, long generation, InetSocketAddress source, long now) {
        BoxKey channelKey = null;
        ByteBuf plaintext = null;
        boolean handedOver = false;
        try {
            // SPEC CRY-PRIM-4: a small-order I' makes the INITIATE box unopenable
            Optional<BoxKey> key = crypto.beforenm(initiatorShortTerm, responderShortTermSecret);
            if (key.isEmpty()) {
                return drop(DropReason.BOX_OPEN_FAILED, "INITIATE: I' %s is a small-order key", initiatorShortTerm);
            }
            channelKey = key.get();
            ByteBuf box = initiate.box();
            int boxLength = box.readableBytes();
            plaintext = allocator.buffer(boxLength, boxLength);
            plaintext.writeBytes(box, box.readerIndex(), boxLength);
            // SPEC NEG-RPROC-3 step 6: box_open(…, "cUVVYcp-CLIENT-i" || counter, I', r') with r' from the cookie
            Nonce nonce = Nonce.counter(NoncePrefix.INITIATE, initiate.nonceCounter());
            if (!secretBox.open(channelKey, nonce, plaintext, 0, boxLength)) {
                return drop(DropReason.BOX_OPEN_FAILED, "INITIATE box does not open under (I', r')");
            }
            int at = SecretBox.TAG_LENGTH;
            PublicKey initiatorLongTerm = PublicKey.of(ByteBufUtil.getBytes(plaintext, at, PublicKey.LENGTH));
            if (!vouchVerifies(plaintext, at + PublicKey.LENGTH, initiatorLongTerm, initiatorShortTerm)) {
                return drop(DropReason.VOUCH_INVALID, "the vouch does not open under (I, r) to I'");
            }
            // SPEC NEG-RPROC-3 step 8, NEG-RPROC-6: policy only after the vouch; a refusal is a silent drop
            if (!policy.accepts(initiatorLongTerm, source)) {
                refusals.incrementAndGet();
                return new InitiateOutcome.Refused(initiatorLongTerm, source);
            }
            int messageIndex = at + InitiateBoxPlaintext.OVERHEAD;
            ByteBuf message = plaintext.slice(messageIndex, boxLength - messageIndex);
            // SPEC NEG-RPROC-3 step 9, CHN-HDR-5: a well-formed header must carry the INITIATE's counter
            DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(message.duplicate());
            if (header.isOk() && !header.value().matchesCounter(initiate.nonceCounter())) {
                return drop(DropReason.PACKET_NUMBER_MISMATCH, "header packet number %d, INITIATE counter %s",
                        header.value().packetNumberLow(), Long.toUnsignedString(initiate.nonceCounter()));
            }
            PublicKey responderShortTerm = crypto.keyAgreement().publicKey(responderShortTermSecret);
            byte[] channelId = KeyDerivation.channelId(channelKey, initiatorShortTerm, responderShortTerm);
            NegotiatedChannel channel = new NegotiatedChannel(Role.RESPONDER,
                    new KeyPair(responderShortTerm, responderShortTermSecret), initiatorShortTerm, initiatorLongTerm,
                    channelKey, channelId, new NonceCounter(), source, List.of());
            // SPEC CRY-COOKIE-8: the cookie enters the replay cache only once the INITIATE is fully accepted
            replayCache.add(cookie, 0, generation, now);
            handedOver = true;
            return new InitiateOutcome.Accepted(channel, initiate.nonceCounter(), message);
        } finally {
            if (!handedOver) {
                responderShortTermSecret.destroy();
                if (channelKey != null) {
                    channelKey.destroy();
                }
                if (plaintext != null) {
                    plaintext.release();
                }
            }
        }
    }

    /** Step 7: {@code box_open(vouch, "cUVVYcpv" || v, I, r)} equals {@code I'} (NEG-INITIATE-2). */
    private boolean vouchVerifies(ByteBuf plaintext, int at, PublicKey initiatorLongTerm, PublicKey initiatorShortTerm) {
        // SPEC CRY-PRIM-4: a small-order I makes the vouch unopenable
        Optional<BoxKey> key = crypto.beforenm(initiatorLongTerm, longTerm.secretKey());
        if (key.isEmpty()) {
            return false;
        }
        BoxKey vouchKey = key.get();
        try {
            byte[] nonceRandom = ByteBufUtil.getBytes(plaintext, at, ResponderCookie.NONCE_RANDOM_LENGTH);
            plaintext.getBytes(at + ResponderCookie.NONCE_RANDOM_LENGTH, vouchBox);
            // SPEC NEG-RPROC-3 step 7: the vouch opens and holds I'
            return secretBox.open(vouchKey, Nonce.random(NoncePrefix.VOUCH, nonceRandom, 0), vouchBox, 0,
                    vouchBox.length, vouchPlaintext, 0)
                    && initiatorShortTerm.equalsBytes(vouchPlaintext, 0);
        } finally {
            vouchKey.destroy();
        }
    }

    /** Applies the minute-key rotations and replay-cache expiries due at {@code nowNanos}. */
    public void onTimer(long nowNanos) {
        minuteKeys.onTimer(nowNanos);
        replayCache.expire(nowNanos);
    }

    /** When {@link #onTimer(long)} should run next, in {@link Clock} nanoseconds. */
    public long nextTimeoutNanos() {
        long rotation = minuteKeys.nextTimeoutNanos();
        if (!replayCache.hasEntries()) {
            return rotation;
        }
        long expiry = replayCache.nextExpiryNanos();
        return expiry - rotation < 0 ? expiry : rotation;
    }

    /** The per-verdict counters this responder counts its drops in. */
    public DropCounters dropCounters() {
        return drops;
    }

    /** How many authenticated INITIATEs the {@link InitiatorPolicy} refused. */
    public long refusals() {
        return refusals.get();
    }

    /** How many HELLOs the {@link HelloRateLimiter} dropped. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Erases the minute keys; the responder cannot be used afterwards. */
    public void close() {
        minuteKeys.destroy();
    }

    /** Test hook: every per-peer entry the responder holds (replay cache and rate limiter). */
    int perPeerStateEntries() {
        return replayCache.size() + rateLimiter.trackedSources();
    }

    /** Test hook: the replay cache. */
    CookieReplayCache replayCache() {
        return replayCache;
    }

    /** Test hook: the minute keys. */
    MinuteKeyRing minuteKeys() {
        return minuteKeys;
    }

    private Dropped drop(DropReason reason, String format, Object... args) {
        String detail = args.length == 0 ? format : String.format(format, args);
        drops.increment(reason, detail);
        return new Dropped(reason, detail);
    }

    /** Configures a {@link Responder}; everything but the key pair and the sink has a default. */
    public static final class Builder {
        private final KeyPair longTerm;
        private final DatagramSink sink;
        private CryptoProvider crypto = CryptoProvider.bouncyCastle();
        private SecureRandom random;
        private Clock clock = Clock.system();
        private InitiatorPolicy policy = InitiatorPolicy.allowAll();
        private LiveChannels liveChannels = LiveChannels.none();
        private HelloRateLimiter rateLimiter;
        private DropCounters drops;
        private ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
        private Duration minuteKeyRotation = MinuteKeyRing.DEFAULT_ROTATION;
        private int replayCacheCapacity = CookieReplayCache.DEFAULT_CAPACITY;
        private ProtocolBugs bugs = ProtocolBugs.none();
        private Consumer<byte[]> minuteKeyLog;

        private Builder(KeyPair longTerm, DatagramSink sink) {
            this.longTerm = Objects.requireNonNull(longTerm, "longTerm");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The crypto provider; default Bouncy Castle. */
        public Builder crypto(CryptoProvider crypto) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            return this;
        }

        /** The source of minute keys, {@code r'} and nonces; default a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The time source; default {@link Clock#system()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Who may create channels; default {@link InitiatorPolicy#allowAll()}. */
        public Builder policy(InitiatorPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The host's live-channel lookup; default {@link LiveChannels#none()}. */
        public Builder liveChannels(LiveChannels liveChannels) {
            this.liveChannels = Objects.requireNonNull(liveChannels, "liveChannels");
            return this;
        }

        /**
         * The HELLO rate limiter; default {@link TokenBucketHelloRateLimiter#withDefaults()}, 100 per
         * second per address (SPEC.md section 10).
         */
        public Builder helloRateLimiter(HelloRateLimiter rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** The counters drops are counted in; default a new set. */
        public Builder dropCounters(DropCounters drops) {
            this.drops = Objects.requireNonNull(drops, "drops");
            return this;
        }

        /** The allocator of COOKIEs and opened INITIATE plaintexts; default {@link ByteBufAllocator#DEFAULT}. */
        public Builder allocator(ByteBufAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
            return this;
        }

        /** The minute-key rotation period (keys erased after twice that); default 60 s. */
        public Builder minuteKeyRotation(Duration period) {
            this.minuteKeyRotation = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Opt-in key export (SEC-FS-2): receives a copy of every minute key as it becomes current; default
         * none.
         */
        public Builder minuteKeyLog(Consumer<byte[]> keyLog) {
            this.minuteKeyLog = keyLog;
            return this;
        }

        /** The bound on remembered cookies; default {@link CookieReplayCache#DEFAULT_CAPACITY}. */
        public Builder replayCacheCapacity(int capacity) {
            this.replayCacheCapacity = capacity;
            return this;
        }

        /** Deliberate misbehaviours; default none. For the conformance suite's self-tests only. */
        public Builder protocolBugs(ProtocolBugs value) {
            this.bugs = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Builds the responder; its first minute key becomes current now. */
        public Responder build() {
            if (random == null) {
                random = new SecureRandom();
            }
            if (rateLimiter == null) {
                rateLimiter = TokenBucketHelloRateLimiter.withDefaults();
            }
            if (drops == null) {
                drops = new DropCounters();
            }
            return new Responder(this);
        }
    }
}
