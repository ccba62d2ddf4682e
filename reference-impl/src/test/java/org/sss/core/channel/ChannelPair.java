package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.SecretBox;
import org.sss.core.negotiation.NegotiatedChannel;
import org.sss.core.negotiation.Role;
import org.sss.core.negotiation.SentInitiate;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.WireFields;
import org.sss.core.wire.WireLimits;
import org.sss.spec.kaitai.Sss;
import org.sss.spec.vectors.FieldTrees;
import org.sss.spec.vectors.KaitaiDissector;

/**
 * Two channels wired back to back through in-memory sinks, built by hand from fixed keys the way
 * the negotiation layer would build them: the initiator's i' numbered its INITIATE
 * {@value #INITIATE_PN}, so its MESSAGEs continue from there, and the responder's r' starts at 1.
 *
 * <p>Every datagram the fixture opens is also parsed by the Kaitai classes generated from
 * {@code sss.ksy}, and its plaintext's field tree compared with the reference codec's.
 */
final class ChannelPair {
    static final long INITIATE_PN = 2;
    static final InetSocketAddress INITIATOR_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    static final InetSocketAddress RESPONDER_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9660);

    final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    final SecretBox secretBox = crypto.newSecretBox();
    /** Where the pair's clock starts. */
    static final long CLOCK_START = 1_000_000_000_000L;

    final ManualClock clock = new ManualClock(CLOCK_START);
    final KeyPair initiatorLongTerm = KeyPair.fromSeed(seed(1));
    final KeyPair responderLongTerm = KeyPair.fromSeed(seed(2));
    final KeyPair initiatorShortTerm = KeyPair.fromSeed(seed(3));
    final KeyPair responderShortTerm = KeyPair.fromSeed(seed(4));
    /** The test's own copy of K, for opening and forging; the channels destroy theirs. */
    final BoxKey testKey = crypto.beforenm(responderShortTerm.publicKey(), initiatorShortTerm.secretKey()).orElseThrow();
    final ChannelConfig initiatorConfig;
    final ChannelConfig responderConfig;
    final NegotiatedChannel initiatorNegotiated;
    final NegotiatedChannel responderNegotiated;
    final QueueSink initiatorOut = new QueueSink();
    final QueueSink responderOut = new QueueSink();
    final DropCounters initiatorDrops = new DropCounters();
    final DropCounters responderDrops = new DropCounters();
    final RecordingListener initiatorEvents = new RecordingListener();
    final RecordingListener responderEvents = new RecordingListener();
    final Random random;
    final Channel initiator;
    final Channel responder;

    ChannelPair(ChannelConfig initiatorConfig, ChannelConfig responderConfig, long seed) {
        this(initiatorConfig, responderConfig, seed, new NonceCounter(INITIATE_PN + 1), new NonceCounter());
    }

    ChannelPair(ChannelConfig initiatorConfig, ChannelConfig responderConfig, long seed, NonceCounter initiatorCounter,
            NonceCounter responderCounter) {
        this(initiatorConfig, responderConfig, seed, 1, initiatorCounter, responderCounter);
    }

    /**
     * A pair whose initiator sent {@code initiates} INITIATEs, numbered from {@value #INITIATE_PN}
     * up, all one initial RTT before the hand-over: the responder's answer acknowledges them at once,
     * and that first RTT sample (CHN-RTT-1) leaves smoothed_rtt and rttvar where they started.
     */
    ChannelPair(ChannelConfig initiatorConfig, ChannelConfig responderConfig, long seed, int initiates,
            NonceCounter initiatorCounter, NonceCounter responderCounter) {
        this(initiatorConfig, responderConfig, seed, initiatesSent(initiatorConfig, initiates), initiatorCounter,
                responderCounter);
    }

    /** A pair whose initiator's negotiation sent {@code initiates} before the hand-over. */
    ChannelPair(ChannelConfig initiatorConfig, ChannelConfig responderConfig, long seed, List<SentInitiate> initiates,
            NonceCounter initiatorCounter, NonceCounter responderCounter) {
        this.initiatorConfig = initiatorConfig;
        this.responderConfig = responderConfig;
        this.random = new Random(seed);
        // SPEC CRY-KDF-1: K = beforenm(R', i') = beforenm(I', r'); both ends compute the same channel ID
        BoxKey initiatorKey = crypto.beforenm(responderShortTerm.publicKey(), initiatorShortTerm.secretKey()).orElseThrow();
        BoxKey responderKey = crypto.beforenm(initiatorShortTerm.publicKey(), responderShortTerm.secretKey()).orElseThrow();
        byte[] initiatorId = KeyDerivation.channelId(initiatorKey, initiatorShortTerm.publicKey(),
                responderShortTerm.publicKey());
        byte[] responderId = KeyDerivation.channelId(responderKey, initiatorShortTerm.publicKey(),
                responderShortTerm.publicKey());
        assertThat(initiatorId).isEqualTo(responderId);
        initiatorNegotiated = new NegotiatedChannel(Role.INITIATOR, initiatorShortTerm, responderShortTerm.publicKey(),
                responderLongTerm.publicKey(), initiatorKey, initiatorId, initiatorCounter, RESPONDER_ADDRESS,
                initiates);
        responderNegotiated = new NegotiatedChannel(Role.RESPONDER, responderShortTerm, initiatorShortTerm.publicKey(),
                initiatorLongTerm.publicKey(), responderKey, responderId, responderCounter, INITIATOR_ADDRESS,
                List.of());
        initiator = Channel.create(initiatorNegotiated, initiatorConfig, environment(initiatorDrops, initiatorOut),
                initiatorEvents);
        responder = Channel.create(responderNegotiated, responderConfig, environment(responderDrops, responderOut),
                responderEvents);
    }

    private static List<SentInitiate> initiatesSent(ChannelConfig config, int count) {
        List<SentInitiate> initiates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            initiates.add(initiateSentBefore(INITIATE_PN + i, config.initialRtt()));
        }
        return initiates;
    }

    /** An INITIATE, with the version field and SETTINGS, sent {@code age} before the clock's start. */
    static SentInitiate initiateSentBefore(long packetNumber, Duration age) {
        return new SentInitiate(packetNumber, CLOCK_START - age.toNanos(), WireLimits.MAX_DATAGRAM, true, true);
    }

    /** A pair with the default configuration except that no packet number is skipped. */
    static ChannelPair standard() {
        return new ChannelPair(deterministic(), deterministic(), 1);
    }

    /** The defaults without CHN-ACK-12 skipping, so that packet numbers are predictable. */
    static ChannelConfig deterministic() {
        return ChannelConfig.builder().packetNumberSkipPeriod(0).build();
    }

    /** {@link #standard()} with both channels established. */
    static ChannelPair established() {
        ChannelPair pair = standard();
        pair.establish();
        return pair;
    }

    private ChannelEnvironment environment(DropCounters drops, QueueSink sink) {
        return new ChannelEnvironment(clock, random, crypto, new UnpooledByteBufAllocator(false), drops, sink);
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return seed;
    }

    /**
     * The negotiation's hand-over: the responder takes the INITIATE's message (its SETTINGS and
     * {@code extra}), answers at once, and the initiator takes that answer as its first packet.
     */
    void establish(Frame... extra) {
        List<Frame> frames = new ArrayList<>();
        frames.add(initiatorConfig.settingsFrame());
        frames.addAll(List.of(extra));
        byte[] message = plaintext(PacketHeader.of(INITIATE_PN, true), frames, WireLimits.MAX_INITIATE_PLAINTEXT);
        assertThat(responder.acceptFirstPacket(INITIATE_PN, Unpooled.wrappedBuffer(message)))
                .isEqualTo(ReceiveResult.ACCEPTED);
        Opened first = open(responderOut.take());
        assertThat(initiator.acceptFirstPacket(first.packetNumber(), Unpooled.wrappedBuffer(first.plaintext())))
                .isEqualTo(ReceiveResult.ACCEPTED);
    }

    /** A padded message plaintext. */
    static byte[] plaintext(PacketHeader header, List<? extends Frame> frames, int maxPlaintext) {
        ByteBuf out = Unpooled.buffer();
        PlaintextWriter.write(header, frames, out, maxPlaintext);
        return ByteBufUtil.getBytes(out);
    }

    /** A padded message plaintext for a MESSAGE. */
    static byte[] plaintext(PacketHeader header, Frame... frames) {
        return plaintext(header, List.of(frames), WireLimits.MAX_PLAINTEXT);
    }

    /** A MESSAGE from {@code sender} with this counter and plaintext, sealed with K as that end would. */
    byte[] forge(Role sender, long counter, byte[] plaintext) {
        KeyPair senderKey = sender == Role.INITIATOR ? initiatorShortTerm : responderShortTerm;
        ByteBuf out = Unpooled.buffer();
        out.writeLong(PacketType.MESSAGE.magic());
        out.writeBytes(senderKey.publicKey().bytes());
        out.writeLong(counter);
        out.writeBytes(secretBox.seal(testKey, Nonce.counter(sender.sendPrefix(), counter), plaintext));
        return ByteBufUtil.getBytes(out);
    }

    /**
     * An INITIATE from the initiator (SPEC.md section 5.4): I', a cookie (never read on the
     * retransmission path), the counter, and the box of {@code identity || v || vouch || message}.
     */
    byte[] initiate(long counter, byte[] identity, byte[] message) {
        byte[] vouchNonce = new byte[16];
        Arrays.fill(vouchNonce, (byte) 0x76);
        BoxKey vouchKey = crypto.beforenm(responderLongTerm.publicKey(), initiatorLongTerm.secretKey()).orElseThrow();
        byte[] vouch = secretBox.seal(vouchKey, Nonce.random(NoncePrefix.VOUCH, vouchNonce, 0),
                initiatorShortTerm.publicKey().bytes());
        ByteBuf boxPlaintext = Unpooled.buffer();
        boxPlaintext.writeBytes(identity).writeBytes(vouchNonce).writeBytes(vouch).writeBytes(message);
        ByteBuf out = Unpooled.buffer();
        out.writeLong(PacketType.INITIATE.magic());
        out.writeBytes(initiatorShortTerm.publicKey().bytes());
        out.writeZero(96);
        out.writeLong(counter);
        out.writeBytes(secretBox.seal(testKey, Nonce.counter(NoncePrefix.INITIATE, counter),
                ByteBufUtil.getBytes(boxPlaintext)));
        byte[] datagram = ByteBufUtil.getBytes(out);
        Sss parsed = new Sss(new ByteBufferKaitaiStream(datagram));
        assertThat(parsed.magic()).isEqualTo(Sss.Magic.INITIATE);
        assertThat(((Sss.InitiatePacket) parsed.body()).nonceCounter()).isEqualTo(counter);
        return datagram;
    }

    /** One opened MESSAGE. */
    record Opened(Role sender, long packetNumber, byte[] plaintext, MessagePlaintext message) {
        List<Frame> frames() {
            return message.frames();
        }

        PacketHeader header() {
            return message.header();
        }

        /** The frames other than the EMPTY frames of trailing padding. */
        List<Frame> meaningfulFrames() {
            return message.frames().stream().filter(f -> f.type() != FrameType.EMPTY).toList();
        }
    }

    /**
     * Opens a MESSAGE with the test's copy of K, parsing the datagram with Kaitai and cross-checking
     * the plaintext's field tree between the reference codec and Kaitai.
     */
    Opened open(byte[] datagram) {
        Sss parsed = new Sss(new ByteBufferKaitaiStream(datagram));
        assertThat(parsed.magic()).isEqualTo(Sss.Magic.MESSAGE);
        Sss.MessagePacket packet = (Sss.MessagePacket) parsed.body();
        Role sender;
        if (Arrays.equals(packet.senderShortTermPk(), initiatorShortTerm.publicKey().bytes())) {
            sender = Role.INITIATOR;
        } else {
            assertThat(packet.senderShortTermPk()).isEqualTo(responderShortTerm.publicKey().bytes());
            sender = Role.RESPONDER;
        }
        byte[] plaintext = secretBox.open(testKey, Nonce.counter(sender.sendPrefix(), packet.nonceCounter()),
                packet.box()).orElseThrow(() -> new AssertionError("the box does not open"));
        DecodeResult<MessagePlaintext> decoded = FrameReader.decode(Unpooled.wrappedBuffer(plaintext));
        assertThat(decoded.isOk()).as("%s", decoded).isTrue();
        assertThat(FieldTrees.diff(WireFields.of(decoded.value()), KaitaiDissector.dissect("message_plaintext", plaintext)))
                .as("reference codec and Kaitai disagree").isEmpty();
        return new Opened(sender, packet.nonceCounter(), plaintext, decoded.value());
    }

    /** Delivers a copy of a datagram (the channel decrypts in place). */
    static ReceiveResult deliver(byte[] datagram, Channel to) {
        return to.onMessage(Unpooled.wrappedBuffer(datagram.clone()));
    }

    /** Delivers everything queued, both ways, until both queues stay empty; returns what was delivered. */
    List<Opened> flush() {
        return flush(opened -> true);
    }

    /**
     * As {@link #flush()}, delivering only the datagrams {@code deliver} accepts; the others are lost.
     */
    List<Opened> flush(Predicate<Opened> deliver) {
        List<Opened> delivered = new ArrayList<>();
        while (!initiatorOut.isEmpty() || !responderOut.isEmpty()) {
            for (byte[] datagram : initiatorOut.drain()) {
                Opened opened = open(datagram);
                if (deliver.test(opened)) {
                    delivered.add(opened);
                    deliver(datagram, responder);
                }
            }
            for (byte[] datagram : responderOut.drain()) {
                Opened opened = open(datagram);
                if (deliver.test(opened)) {
                    delivered.add(opened);
                    deliver(datagram, initiator);
                }
            }
        }
        return delivered;
    }

    /** Moves the clock and runs both channels' timers, as a host would. */
    void advance(Duration by) {
        long now = clock.advance(by);
        initiator.onTimeout(now);
        responder.onTimeout(now);
    }
}
