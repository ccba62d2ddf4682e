package org.sss.core.negotiation;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.time.Clock;
import org.sss.core.wire.CookieBoxPlaintext;
import org.sss.core.wire.CookiePacket;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.HelloPacket;
import org.sss.core.wire.InitiateBoxPlaintext;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.ResponderCookie;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.VouchPlaintext;
import org.sss.core.wire.WireLimits;

/**
 * One negotiation from the initiator's side (SPEC.md sections 5.2 to 5.6), sans-I/O: it sends
 * HELLO and INITIATE through a {@link DatagramSink}, the host hands it the COOKIE and the
 * responder's first MESSAGE, and drives its timers with {@link #nextTimeoutNanos()} and
 * {@link #onTimeout(long)}.
 *
 * <p>One short-term key pair {@code i'} and its one {@link NonceCounter} number every HELLO,
 * INITIATE and, after the hand-over, every MESSAGE (CRY-CTR-1); each retransmission is a new
 * packet with the next counter value (CRY-CTR-3, NEG-TIMER-4). After
 * {@link NegotiationTimers#initiatesBeforeRestart()} unanswered INITIATEs the negotiation starts
 * again at HELLO with a fresh key pair and counter (NEG-TIMER-6), within the same deadline.
 * Random bytes are drawn in a fixed order, which tests rely on: per attempt {@code i'} (32 bytes),
 * then per INITIATE the vouch nonce (16).
 *
 * <p>Every key it made is erased when the negotiation fails; on success they pass to the channel
 * in the {@link NegotiatedChannel}. Bad input never throws. Not thread-safe.
 */
public final class Initiator {
    /** What {@link #nextTimeoutNanos()} returns when no timer runs. */
    public static final long NO_TIMEOUT = Long.MAX_VALUE;

    /** Where a negotiation stands (the initiator's half of SPEC.md section 6.1's diagram). */
    public enum State {
        /** Built, {@link #start()} not yet called. */
        NEW,
        /** HELLO sent; waiting for a COOKIE. */
        HELLO_SENT,
        /** COOKIE accepted, INITIATE sent; waiting for the responder's first MESSAGE. */
        INITIATE_SENT,
        /** The first MESSAGE opened; the channel has been handed over. */
        ESTABLISHED,
        /** Abandoned; the keys are erased. */
        FAILED
    }

    private final KeyPair longTerm;
    private final PublicKey responderLongTerm;
    private final InetSocketAddress responderAddress;
    private final CryptoProvider crypto;
    private final SecretBox secretBox;
    private final SecureRandom random;
    private final Clock clock;
    private final DatagramSink sink;
    private final InitiateContent content;
    private final NegotiationTimers timers;
    private final DropCounters drops;
    private final ByteBufAllocator allocator;
    private final RetransmissionSchedule schedule;
    private final BoxKey vouchKey;

    private final byte[] cookieBox = new byte[CookiePacket.BOX_LENGTH];
    private final byte[] cookieBoxPlaintext = new byte[CookieBoxPlaintext.LENGTH];

    private State state = State.NEW;
    private String failureReason;
    private long deadlineAtNanos;
    private KeyPair shortTerm;
    private NonceCounter counter;
    private BoxKey helloKey;
    private PublicKey responderShortTerm;
    private byte[] cookie;
    private BoxKey channelKey;
    private int initiatesSent;
    /** The INITIATEs of the current attempt, for the channel's sent-packet log. */
    private final List<SentInitiate> initiates = new ArrayList<>();

    private Initiator(Builder b) {
        this.longTerm = b.longTerm;
        this.responderLongTerm = b.responderLongTerm;
        this.responderAddress = b.responderAddress;
        this.crypto = b.crypto;
        this.secretBox = b.crypto.newSecretBox();
        this.random = b.random;
        this.clock = b.clock;
        this.sink = b.sink;
        this.content = b.content;
        this.timers = b.timers;
        this.drops = b.drops;
        this.allocator = b.allocator;
        this.schedule = new RetransmissionSchedule(b.timers);
        this.vouchKey = b.crypto.beforenm(b.responderLongTerm, b.longTerm.secretKey())
                .orElseThrow(() -> new IllegalArgumentException(
                        "responderLongTerm: " + b.responderLongTerm + " is a small-order key"));
    }

    /**
     * Starts a builder.
     *
     * @param longTerm the initiator's long-term key pair {@code (i, I)}
     * @param responderLongTerm the responder's identity {@code R}, known in advance
     * @param responderAddress where the responder listens
     * @param sink where HELLOs and INITIATEs go
     */
    public static Builder builder(KeyPair longTerm, PublicKey responderLongTerm, InetSocketAddress responderAddress,
            DatagramSink sink) {
        return new Builder(longTerm, responderLongTerm, responderAddress, sink);
    }

    /**
     * Sends the first HELLO and starts the timers.
     *
     * @throws IllegalStateException if already started
     */
    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("start: the negotiation is already " + state);
        }
        long now = clock.nanoTime();
        deadlineAtNanos = now + timers.deadline().toNanos();
        beginAttempt();
        sendHello();
        schedule.restart(now);
    }

    /**
     * Handles a datagram passed as a COOKIE, in the order of NEG-IPROC-1. A datagram of another
     * kind is dropped as UNKNOWN_MAGIC. The caller keeps ownership of {@code datagram}.
     *
     * @param datagram the UDP payload
     * @param from where it came from
     */
    public CookieOutcome onCookie(ByteBuf datagram, InetSocketAddress from) {
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(from, "from");
        // SPEC NEG-IPROC-1 step 1, PKT-SIZE-2
        DecodeResult<Packet> decoded = PacketCodec.decode(datagram.duplicate());
        if (!decoded.isOk()) {
            return drop(decoded.dropReason(), decoded.detail());
        }
        if (!(decoded.value() instanceof CookiePacket packet)) {
            return drop(DropReason.UNKNOWN_MAGIC, "a %s is not a COOKIE", decoded.value().type());
        }
        // SPEC NEG-IPROC-1 step 2, PKT-DEMUX-2, NEG-COOKIE-4: a pending HELLO to this address, no COOKIE accepted yet
        if (state != State.HELLO_SENT || !responderAddress.equals(from)) {
            return drop(DropReason.UNKNOWN_CHANNEL, "no negotiation awaits a COOKIE from %s (state %s)", from, state);
        }
        // SPEC NEG-IPROC-1 step 3, NEG-COOKIE-3: box_open(…, "cUVVYcpk" || n, R, i')
        Nonce nonce = Nonce.random(NoncePrefix.COOKIE, ByteBufUtil.getBytes(packet.nonceRandom()), 0);
        packet.box().getBytes(packet.box().readerIndex(), cookieBox);
        if (!secretBox.open(helloKey, nonce, cookieBox, 0, cookieBox.length, cookieBoxPlaintext, 0)) {
            return drop(DropReason.BOX_OPEN_FAILED, "COOKIE box does not open under (R, i')");
        }
        PublicKey offeredKey = PublicKey.of(cookieBoxPlaintext, 0);
        // SPEC-GAP: SPEC.md does not say what an initiator does with a COOKIE whose R' is a small-order key
        // (its box opened, so the responder sent it); CRY-PRIM-4 makes the INITIATE box impossible, so the
        // COOKIE is dropped as BOX_OPEN_FAILED and the negotiation keeps waiting for another.
        Optional<BoxKey> key = crypto.beforenm(offeredKey, shortTerm.secretKey());
        if (key.isEmpty()) {
            return drop(DropReason.BOX_OPEN_FAILED, "COOKIE: R' %s is a small-order key", offeredKey);
        }
        // SPEC NEG-IPROC-1 step 4, NEG-COOKIE-5: keep R' and the cookie, unchanged for every INITIATE
        responderShortTerm = offeredKey;
        channelKey = key.get();
        cookie = Arrays.copyOfRange(cookieBoxPlaintext, PublicKey.LENGTH, CookieBoxPlaintext.LENGTH);
        helloKey.destroy();
        helloKey = null;
        // SPEC NEG-IPROC-1 step 5, NEG-TIMER-3: INITIATE at once, its timer restarted at 500 ms
        state = State.INITIATE_SENT;
        initiatesSent = 0;
        long sent = sendInitiate();
        schedule.restart(clock.nanoTime());
        return new CookieOutcome.InitiateSent(offeredKey, sent);
    }

    /**
     * Handles a MESSAGE while the negotiation awaits the responder's first one (SPEC.md section
     * 5.5, "Initiator, on MESSAGE"). The host has selected this negotiation by
     * {@link #responderShortTermKey()}; a datagram of another kind is dropped as UNKNOWN_MAGIC.
     * The caller keeps ownership of {@code datagram}.
     *
     * @param datagram the UDP payload
     */
    public FirstMessageOutcome onFirstMessage(ByteBuf datagram) {
        Objects.requireNonNull(datagram, "datagram");
        // SPEC PKT-SIZE-4
        DecodeResult<Packet> decoded = PacketCodec.decode(datagram.duplicate());
        if (!decoded.isOk()) {
            return drop(decoded.dropReason(), decoded.detail());
        }
        if (!(decoded.value() instanceof MessagePacket message)) {
            return drop(DropReason.UNKNOWN_MAGIC, "a %s is not a MESSAGE", decoded.value().type());
        }
        ByteBuf sender = message.senderShortTermPk();
        // SPEC PKT-DEMUX-3: the key at offset 8 must select this negotiation by R'
        if (state != State.INITIATE_SENT
                || !responderShortTerm.equalsBytes(ByteBufUtil.getBytes(sender), 0)) {
            return drop(DropReason.UNKNOWN_CHANNEL, "the MESSAGE's key selects no negotiation awaiting a MESSAGE");
        }
        ByteBuf box = message.box();
        int boxLength = box.readableBytes();
        ByteBuf opened = allocator.buffer(boxLength, boxLength);
        boolean handedOver = false;
        try {
            opened.writeBytes(box, box.readerIndex(), boxLength);
            // SPEC PKT-DEMUX-5, step 2: prefix "cUVVYcp-SERVER-m", the packet's counter, key beforenm(R', i')
            Nonce nonce = Nonce.counter(Role.INITIATOR.receivePrefix(), message.nonceCounter());
            if (!secretBox.open(channelKey, nonce, opened, 0, boxLength)) {
                return drop(DropReason.BOX_OPEN_FAILED, "first MESSAGE does not open under (R', i')");
            }
            ByteBuf plaintext = opened.slice(SecretBox.TAG_LENGTH, boxLength - SecretBox.TAG_LENGTH);
            // SPEC-GAP: section 5.5 hands the first MESSAGE to "section 6.4 onwards"; the header's packet number
            // check (CHN-HDR-5, step 6 of section 6.1) is applied here as the responder applies it to INITIATE
            // (step 9), so a mismatching packet does not establish the channel.
            DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(plaintext.duplicate());
            if (header.isOk() && !header.value().matchesCounter(message.nonceCounter())) {
                return drop(DropReason.PACKET_NUMBER_MISMATCH, "header packet number %d, MESSAGE counter %s",
                        header.value().packetNumberLow(), Long.toUnsignedString(message.nonceCounter()));
            }
            // SPEC CRY-KDF-1, step 3: the channel now exists
            byte[] channelId = KeyDerivation.channelId(channelKey, shortTerm.publicKey(), responderShortTerm);
            NegotiatedChannel channel = new NegotiatedChannel(Role.INITIATOR, shortTerm, responderShortTerm,
                    responderLongTerm, channelKey, channelId, counter, responderAddress, initiates);
            initiates.clear();
            // SPEC NEG-IPROC-4: no INITIATE after a MESSAGE has been accepted; the keys now belong to the channel
            shortTerm = null;
            channelKey = null;
            counter = null;
            eraseCookie();
            vouchKey.destroy();
            state = State.ESTABLISHED;
            handedOver = true;
            return new FirstMessageOutcome.Established(channel, message.nonceCounter(), plaintext);
        } finally {
            if (!handedOver) {
                opened.release();
            }
        }
    }

    /**
     * When {@link #onTimeout(long)} should run next, in {@link Clock} nanoseconds: the next
     * retransmission or the deadline, whichever is first; {@link #NO_TIMEOUT} once the negotiation
     * is over or before it starts.
     */
    public long nextTimeoutNanos() {
        if (!isActive()) {
            return NO_TIMEOUT;
        }
        long next = schedule.nextAtNanos();
        return next - deadlineAtNanos < 0 ? next : deadlineAtNanos;
    }

    /**
     * Runs the timers due at {@code nowNanos}: the deadline first (NEG-TIMER-2), then a
     * retransmission of HELLO or INITIATE (NEG-TIMER-1, NEG-TIMER-3), or the restart at HELLO with a
     * fresh key (NEG-TIMER-6).
     */
    public TimeoutOutcome onTimeout(long nowNanos) {
        if (!isActive()) {
            return new TimeoutOutcome.NothingDue();
        }
        if (nowNanos - deadlineAtNanos >= 0) {
            // SPEC NEG-TIMER-2: abandon 20 s after the first HELLO, erase i', report the failure
            String reason = "no channel established within " + timers.deadline().toMillis() + " ms of the first HELLO ("
                    + (state == State.HELLO_SENT ? "no COOKIE accepted" : "no MESSAGE accepted after the COOKIE") + ")";
            fail(reason);
            return new TimeoutOutcome.Failed(reason);
        }
        if (!schedule.isDue(nowNanos)) {
            return new TimeoutOutcome.NothingDue();
        }
        if (state == State.HELLO_SENT) {
            long sent = sendHello();
            schedule.retransmitted(nowNanos);
            return new TimeoutOutcome.Retransmitted(PacketType.HELLO, sent, false);
        }
        if (initiatesSent >= timers.initiatesBeforeRestart()) {
            // SPEC NEG-TIMER-6: after four unanswered INITIATEs, erase i' and restart at HELLO with a fresh key pair
            // SPEC-GAP: the restart happens when the fifth INITIATE would have been due, giving the fourth its
            // interval, and the HELLO back-off starts again at 500 ms within the original deadline.
            eraseAttempt();
            beginAttempt();
            long sent = sendHello();
            schedule.restart(nowNanos);
            return new TimeoutOutcome.Retransmitted(PacketType.HELLO, sent, true);
        }
        long sent = sendInitiate();
        schedule.retransmitted(nowNanos);
        return new TimeoutOutcome.Retransmitted(PacketType.INITIATE, sent, false);
    }

    /**
     * Gives the negotiation up now, erasing its keys; nothing happens once it has ended.
     *
     * @param reason why, reported by {@link #failureReason()}
     */
    public void abandon(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (state == State.NEW || isActive()) {
            fail(reason);
        }
    }

    /** Where the negotiation stands. */
    public State state() {
        return state;
    }

    /** Why the negotiation failed, once it has. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    /**
     * {@code R'} once a COOKIE has been accepted in the current attempt: the key by which the host
     * finds this negotiation for the responder's first MESSAGE (NEG-IPROC-1 step 4).
     */
    public Optional<PublicKey> responderShortTermKey() {
        return state == State.INITIATE_SENT || state == State.ESTABLISHED
                ? Optional.of(responderShortTerm) : Optional.empty();
    }

    /** {@code I'} of the current attempt, while the negotiation is running. */
    public Optional<PublicKey> initiatorShortTermKey() {
        return isActive() ? Optional.of(shortTerm.publicKey()) : Optional.empty();
    }

    /** The responder's address: where HELLO and INITIATE go, and the only source a COOKIE is taken from. */
    public InetSocketAddress responderAddress() {
        return responderAddress;
    }

    /** The per-verdict counters this initiator counts its drops in. */
    public DropCounters dropCounters() {
        return drops;
    }

    /** Test hook: the current attempt's short-term key pair, or null. */
    KeyPair shortTermKeyPair() {
        return shortTerm;
    }

    private boolean isActive() {
        return state == State.HELLO_SENT || state == State.INITIATE_SENT;
    }

    /** A fresh {@code (i', I')} with its own counter (CRY-KEY-1, CRY-CTR-1). */
    private void beginAttempt() {
        // SPEC CRY-KEY-1: a fresh short-term key pair for every negotiation attempt
        shortTerm = KeyPair.generate(crypto.keyAgreement(), random);
        counter = new NonceCounter();
        helloKey = crypto.beforenm(responderLongTerm, shortTerm.secretKey())
                .orElseThrow(() -> new IllegalStateException("beforenm(R, i') is zero although R is not small-order"));
        responderShortTerm = null;
        initiatesSent = 0;
        initiates.clear();
        state = State.HELLO_SENT;
    }

    /** NEG-HELLO-1: magic, I', 64 zero bytes, be64(c), box(0^64, "cUVVYcp-CLIENT-h" || be64(c), R, i'). */
    private long sendHello() {
        long c = counter.next();
        ByteBuf out = allocator.buffer(WireLimits.HELLO_LENGTH, WireLimits.HELLO_LENGTH);
        out.writeLong(PacketType.HELLO.magic());
        out.writeBytes(shortTerm.publicKey().bytes());
        out.writeZero(HelloPacket.PADDING_LENGTH);
        out.writeLong(c);
        int boxIndex = out.writerIndex();
        out.writeZero(HelloPacket.BOX_LENGTH);
        // SPEC NEG-HELLO-1, CRY-NONCE-1: the box of 64 zero bytes under i''s counter
        secretBox.seal(helloKey, Nonce.counter(NoncePrefix.HELLO, c), out, boxIndex,
                HelloPacket.BOX_LENGTH - SecretBox.TAG_LENGTH);
        sink.send(out, responderAddress);
        return c;
    }

    /**
     * NEG-INITIATE-1: magic, I', the cookie, be64(c), box(I || v || vouch || message,
     * "cUVVYcp-CLIENT-i" || be64(c), R', i'), with a fresh vouch nonce {@code v} (CRY-NONCE-4).
     */
    private long sendInitiate() {
        long c = counter.next();
        ByteBuf out = allocator.buffer(WireLimits.MAX_DATAGRAM);
        try {
            out.writeLong(PacketType.INITIATE.magic());
            out.writeBytes(shortTerm.publicKey().bytes());
            out.writeBytes(cookie);
            out.writeLong(c);
            int boxIndex = out.writerIndex();
            out.writeZero(SecretBox.TAG_LENGTH);
            out.writeBytes(longTerm.publicKey().bytes());
            byte[] vouchNonce = new byte[ResponderCookie.NONCE_RANDOM_LENGTH];
            random.nextBytes(vouchNonce);
            out.writeBytes(vouchNonce);
            int vouchIndex = out.writerIndex();
            out.writeZero(SecretBox.TAG_LENGTH);
            out.writeBytes(shortTerm.publicKey().bytes());
            // SPEC NEG-INITIATE-2: vouch = box(I', "cUVVYcpv" || v, R, i)
            secretBox.seal(vouchKey, Nonce.random(NoncePrefix.VOUCH, vouchNonce, 0), out, vouchIndex,
                    VouchPlaintext.LENGTH);
            int m = writeMessage(c, out);
            // SPEC NEG-INITIATE-1: the whole plaintext boxed from i' to R' under i''s counter
            secretBox.seal(channelKey, Nonce.counter(NoncePrefix.INITIATE, c), out, boxIndex,
                    InitiateBoxPlaintext.OVERHEAD + m);
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        int size = out.readableBytes();
        long sentAt = clock.nanoTime();
        sink.send(out, responderAddress);
        initiatesSent++;
        // SPEC NEG-VER-4, NEG-INITIATE-4: every INITIATE's message carries the version field and SETTINGS first
        initiates.add(new SentInitiate(c, sentAt, size, true, true));
        return c;
    }

    /** The message plaintext of NEG-INITIATE-3: header, the content's frames, zero padding; returns M. */
    private int writeMessage(long packetNumber, ByteBuf out) {
        int start = out.writerIndex();
        // SPEC NEG-INITIATE-3, NEG-VER-1, NEG-VER-4, CHN-HDR-6: packet number = c, version 1 present, 2-byte field
        PacketHeaderCodec.encode(PacketHeader.of(packetNumber, true), out);
        int framesStart = out.writerIndex();
        int maxFrames = WireLimits.MAX_INITIATE_PLAINTEXT - (framesStart - start);
        content.writeFrames(packetNumber, out, maxFrames);
        int written = out.writerIndex() - framesStart;
        // SPEC NEG-INITIATE-4: the first frame of every INITIATE's message is the initiator's SETTINGS
        if (written < 1 || out.getUnsignedByte(framesStart) != FrameType.SETTINGS.code()) {
            throw new IllegalStateException("InitiateContent: the first frame must be SETTINGS (NEG-INITIATE-4)");
        }
        if (written > maxFrames) {
            throw new IllegalStateException("InitiateContent wrote " + written + " bytes; at most " + maxFrames + " fit");
        }
        // SPEC CHN-PLAIN-1: M a multiple of 16, at least 16
        return PlaintextWriter.pad(out, start);
    }

    private void fail(String reason) {
        eraseAttempt();
        vouchKey.destroy();
        state = State.FAILED;
        failureReason = reason;
    }

    /** CRY-KEY-3: erases i', its box keys and the cookie of the current attempt. */
    private void eraseAttempt() {
        if (shortTerm != null) {
            shortTerm.destroy();
            shortTerm = null;
        }
        if (helloKey != null) {
            helloKey.destroy();
            helloKey = null;
        }
        if (channelKey != null) {
            channelKey.destroy();
            channelKey = null;
        }
        eraseCookie();
        counter = null;
        initiates.clear();
    }

    private void eraseCookie() {
        if (cookie != null) {
            Arrays.fill(cookie, (byte) 0);
            cookie = null;
        }
    }

    private Dropped drop(DropReason reason, String format, Object... args) {
        String detail = args.length == 0 ? format : String.format(format, args);
        drops.increment(reason, detail);
        return new Dropped(reason, detail);
    }

    /** Configures an {@link Initiator}; everything but the keys, the address and the sink has a default. */
    public static final class Builder {
        private final KeyPair longTerm;
        private final PublicKey responderLongTerm;
        private final InetSocketAddress responderAddress;
        private final DatagramSink sink;
        private CryptoProvider crypto = CryptoProvider.bouncyCastle();
        private SecureRandom random;
        private Clock clock = Clock.system();
        private InitiateContent content = InitiateContent.settingsOnly(new SettingsFrame(List.of()));
        private NegotiationTimers timers = NegotiationTimers.defaults();
        private DropCounters drops;
        private ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;

        private Builder(KeyPair longTerm, PublicKey responderLongTerm, InetSocketAddress responderAddress,
                DatagramSink sink) {
            this.longTerm = Objects.requireNonNull(longTerm, "longTerm");
            this.responderLongTerm = Objects.requireNonNull(responderLongTerm, "responderLongTerm");
            this.responderAddress = Objects.requireNonNull(responderAddress, "responderAddress");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The crypto provider; default Bouncy Castle. */
        public Builder crypto(CryptoProvider crypto) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            return this;
        }

        /** The source of {@code i'} and vouch nonces; default a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The time source; default {@link Clock#system()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What each INITIATE's message carries; default an empty SETTINGS frame (every setting at its default). */
        public Builder content(InitiateContent content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /** Shorthand for {@link #content}{@code (InitiateContent.settingsOnly(settings))}. */
        public Builder settings(SettingsFrame settings) {
            this.content = InitiateContent.settingsOnly(settings);
            return this;
        }

        /** The timers; default {@link NegotiationTimers#defaults()}. */
        public Builder timers(NegotiationTimers timers) {
            this.timers = Objects.requireNonNull(timers, "timers");
            return this;
        }

        /** The counters drops are counted in; default a new set. */
        public Builder dropCounters(DropCounters drops) {
            this.drops = Objects.requireNonNull(drops, "drops");
            return this;
        }

        /** The allocator of sent packets and opened plaintexts; default {@link ByteBufAllocator#DEFAULT}. */
        public Builder allocator(ByteBufAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
            return this;
        }

        /**
         * Builds the initiator; nothing is sent before {@link Initiator#start()}.
         *
         * @throws IllegalArgumentException if {@code responderLongTerm} is a small-order key
         */
        public Initiator build() {
            if (random == null) {
                random = new SecureRandom();
            }
            if (drops == null) {
                drops = new DropCounters();
            }
            return new Initiator(this);
        }
    }
}
