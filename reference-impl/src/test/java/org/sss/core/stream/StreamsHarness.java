package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelClosure;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelEnvironment;
import org.sss.core.channel.ChannelListener;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.CloseOrigin;
import org.sss.core.channel.PeerSettings;
import org.sss.core.channel.ReceiveResult;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.crypto.SecretBox;
import org.sss.core.negotiation.DatagramSink;
import org.sss.core.negotiation.NegotiatedChannel;
import org.sss.core.negotiation.Role;
import org.sss.core.negotiation.SentInitiate;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.ResetFrame;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.Usid;
import org.sss.core.wire.WireLimits;

/**
 * Two established channels back to back in memory, each with a {@link ChannelStreams} wired the
 * way {@code Host.establish} wires it (its {@code Events} and {@code StreamsOfChannel}): channel
 * events go to the stream layer, the stream layer's listener indexes streams by USID and records
 * what it announces, and {@link ChannelStreams#flush()} runs after every call into a side.
 *
 * <p>A test can inject frames into one side's {@link ChannelStreams#onFrames} with a packet
 * number of its choosing ({@link Side#inject}), as if the peer had sent them; from then on the
 * peer's own stream layer no longer hears what this side sends (it would not know the forged
 * streams), though its channel still receives, decrypts and acknowledges every datagram. Every
 * datagram a side sends is opened with the test's copy of the channel key and kept in
 * {@link Side#sent}, whether it is then delivered ({@link #deliver}) or lost ({@link #drop}).
 * The clock is a {@link ManualClock}; nothing happens unless the test moves it.
 */
final class StreamsHarness {
    static final long INITIATE_PN = 2;
    static final long CLOCK_START = 1_000_000_000_000L;
    static final InetSocketAddress INITIATOR_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    static final InetSocketAddress RESPONDER_ADDRESS = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9660);

    final ManualClock clock = new ManualClock(CLOCK_START);
    final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final SecretBox secretBox = crypto.newSecretBox();
    private final KeyPair initiatorShortTerm = KeyPair.fromSeed(seed(3));
    private final KeyPair responderShortTerm = KeyPair.fromSeed(seed(4));
    /** The test's own copy of K, for opening what the channels send; the channels destroy theirs. */
    private final BoxKey testKey =
            crypto.beforenm(responderShortTerm.publicKey(), initiatorShortTerm.secretKey()).orElseThrow();
    final Side initiator;
    final Side responder;

    /** The defaults without packet-number skipping (CHN-ACK-12) or pacing, so that a flush sends what the window allows. */
    static ChannelConfig config() {
        return ChannelConfig.builder().packetNumberSkipPeriod(0).pacing(false).build();
    }

    /** Both ends with {@link #config()}, established, SETTINGS exchanged and acknowledged. */
    static StreamsHarness established() {
        return established(config(), config());
    }

    /** Both ends established with these configurations, SETTINGS exchanged and acknowledged. */
    static StreamsHarness established(ChannelConfig initiatorConfig, ChannelConfig responderConfig) {
        StreamsHarness harness = new StreamsHarness(initiatorConfig, responderConfig);
        harness.establish();
        harness.settle();
        harness.initiator.sent.clear();
        harness.responder.sent.clear();
        harness.initiator.received.clear();
        harness.responder.received.clear();
        return harness;
    }

    private StreamsHarness(ChannelConfig initiatorConfig, ChannelConfig responderConfig) {
        BoxKey initiatorKey = crypto.beforenm(responderShortTerm.publicKey(), initiatorShortTerm.secretKey())
                .orElseThrow();
        BoxKey responderKey = crypto.beforenm(initiatorShortTerm.publicKey(), responderShortTerm.secretKey())
                .orElseThrow();
        byte[] channelId = KeyDerivation.channelId(initiatorKey, initiatorShortTerm.publicKey(),
                responderShortTerm.publicKey());
        List<SentInitiate> initiates = List.of(new SentInitiate(INITIATE_PN,
                CLOCK_START - initiatorConfig.initialRtt().toNanos(), WireLimits.MAX_DATAGRAM, true, true));
        NegotiatedChannel initiatorNegotiated = new NegotiatedChannel(Role.INITIATOR, initiatorShortTerm,
                responderShortTerm.publicKey(), KeyPair.fromSeed(seed(2)).publicKey(), initiatorKey, channelId,
                new NonceCounter(INITIATE_PN + 1), RESPONDER_ADDRESS, initiates);
        NegotiatedChannel responderNegotiated = new NegotiatedChannel(Role.RESPONDER, responderShortTerm,
                initiatorShortTerm.publicKey(), KeyPair.fromSeed(seed(1)).publicKey(), responderKey, channelId,
                new NonceCounter(), INITIATOR_ADDRESS, List.of());
        initiator = new Side(Role.INITIATOR, initiatorNegotiated, initiatorConfig, 11);
        responder = new Side(Role.RESPONDER, responderNegotiated, responderConfig, 12);
    }

    /**
     * The negotiation's hand-over, as {@code ChannelPair.establish} does it: the responder takes the
     * INITIATE's message (the initiator's SETTINGS) and answers at once; the initiator takes that
     * answer as its first packet. Each side's stream layer flushes afterwards, as the host does.
     */
    private void establish() {
        ByteBuf message = Unpooled.buffer();
        PlaintextWriter.write(PacketHeader.of(INITIATE_PN, true), List.of(initiator.config.settingsFrame()), message,
                WireLimits.MAX_INITIATE_PLAINTEXT);
        assertThat(responder.channel.acceptFirstPacket(INITIATE_PN, message)).isEqualTo(ReceiveResult.ACCEPTED);
        responder.streams.flush();
        byte[] first = responder.out.pollFirst();
        assertThat(first).as("the responder's first MESSAGE").isNotNull();
        Sent opened = open(first);
        assertThat(initiator.channel.acceptFirstPacket(opened.packetNumber(), Unpooled.wrappedBuffer(opened.plaintext())))
                .isEqualTo(ReceiveResult.ACCEPTED);
        initiator.streams.flush();
        assertThat(initiator.channel.state()).isEqualTo(ChannelState.ESTABLISHED);
        assertThat(responder.channel.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    // ------------------------------------------------------------------ moving datagrams

    /** Delivers everything {@code from} has queued to its peer; returns the packets, opened. */
    List<Sent> deliver(Side from) {
        return deliver(from, sent -> true);
    }

    /**
     * Delivers what {@code from} has queued and {@code keep} accepts to its peer; the rest is lost.
     * Returns every packet taken from the queue, delivered or not.
     */
    List<Sent> deliver(Side from, Predicate<Sent> keep) {
        List<Sent> taken = new ArrayList<>();
        while (!from.out.isEmpty()) {
            byte[] datagram = from.out.pollFirst();
            Sent sent = open(datagram);
            taken.add(sent);
            if (keep.test(sent)) {
                from.peer().channel.onMessage(Unpooled.wrappedBuffer(datagram.clone()));
                from.peer().streams.flush();
            }
        }
        return taken;
    }

    /** Loses everything {@code from} has queued; returns the packets, opened. */
    List<Sent> drop(Side from) {
        return deliver(from, sent -> false);
    }

    /** Delivers both ways until neither side has anything queued. */
    void exchange() {
        while (!initiator.out.isEmpty() || !responder.out.isEmpty()) {
            deliver(initiator);
            deliver(responder);
        }
    }

    /**
     * Runs both ends for a while as a host would: deliver both ways, move the clock past the ACK
     * delay, run the timers, flush; until a round moves nothing (or 20 rounds passed).
     */
    void settle() {
        for (int round = 0; round < 20; round++) {
            exchange();
            advance(Duration.ofMillis(30));
            if (initiator.out.isEmpty() && responder.out.isEmpty()) {
                return;
            }
        }
    }

    /** Moves the clock and runs both ends' channel and stream timers, then flushes, as the host's timer does. */
    void advance(Duration by) {
        long now = clock.advance(by);
        for (Side side : List.of(initiator, responder)) {
            side.channel.onTimeout(now);
            if (side.channel.state() == ChannelState.ESTABLISHED) {
                side.streams.onTimeout(now);
            }
            side.streams.flush();
        }
    }

    /** Opens a datagram with the test's copy of K and decodes its plaintext. */
    Sent open(byte[] datagram) {
        ByteBuf buffer = Unpooled.wrappedBuffer(datagram);
        assertThat(buffer.readLong()).isEqualTo(PacketType.MESSAGE.magic());
        byte[] senderKey = new byte[32];
        buffer.readBytes(senderKey);
        Role sender = Arrays.equals(senderKey, initiatorShortTerm.publicKey().bytes()) ? Role.INITIATOR
                : Role.RESPONDER;
        long counter = buffer.readLong();
        byte[] box = new byte[buffer.readableBytes()];
        buffer.readBytes(box);
        byte[] plaintext = secretBox.open(testKey, Nonce.counter(sender.sendPrefix(), counter), box)
                .orElseThrow(() -> new AssertionError("the box does not open"));
        DecodeResult<MessagePlaintext> decoded = FrameReader.decode(Unpooled.wrappedBuffer(plaintext));
        assertThat(decoded.isOk()).as("%s", decoded).isTrue();
        Sent sent = new Sent(sender, counter, plaintext, decoded.value().frames());
        (sender == Role.INITIATOR ? initiator : responder).sent.add(sent);
        return sent;
    }

    // ------------------------------------------------------------------ frames for tests

    /** UTF-8 bytes of {@code text} in a buffer. */
    static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    /** A STREAM frame with INIT naming {@code parent}. */
    static StreamFrame init(long lsid, long parent, long offset, String data, boolean fin) {
        return StreamFrame.builder(lsid).init(parent).offset(offset).data(bytes(data)).fin(fin).build();
    }

    /** A STREAM frame without INIT. */
    static StreamFrame data(long lsid, long offset, String data, boolean fin) {
        return StreamFrame.builder(lsid).offset(offset).data(bytes(data)).fin(fin).build();
    }

    /** A best-effort (NOACK) fragment, with INIT as every fragment has (STR-DGRAM-2). */
    static StreamFrame noAck(long lsid, long parent, long offset, String data, boolean fin) {
        return StreamFrame.builder(lsid).noAck(true).init(parent).offset(offset).data(bytes(data)).fin(fin).build();
    }

    /** A frame's data as text. */
    static String text(StreamFrame frame) {
        return frame.data().toString(frame.data().readerIndex(), frame.data().readableBytes(), StandardCharsets.UTF_8);
    }

    /** Everything readable on a stream, as text. */
    static String readAll(StreamCore stream) {
        return new String(stream.read(Integer.MAX_VALUE), StandardCharsets.UTF_8);
    }

    /** {@code length} bytes of a-to-z repeated. */
    static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        return data;
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return seed;
    }

    // ------------------------------------------------------------------ records

    /**
     * One packet a side sent, opened.
     *
     * @param sender who sent it
     * @param packetNumber its number (the nonce counter)
     * @param plaintext its plaintext, which {@code frames} refer to
     * @param frames every frame, channel frames and padding included
     */
    record Sent(Role sender, long packetNumber, byte[] plaintext, List<Frame> frames) {
        /** The STREAM frames, in packet order. */
        List<StreamFrame> streamFrames() {
            return frames.stream().filter(StreamFrame.class::isInstance).map(StreamFrame.class::cast).toList();
        }

        /** The frames of the stream layer (not ACK, SETTINGS, PING, PADDING, EMPTY). */
        List<Frame> streamLayerFrames() {
            return frames.stream().filter(f -> switch (f.type()) {
                case EMPTY, PADDING, ACK, SETTINGS, PING -> false;
                default -> true;
            }).toList();
        }

        /** The RESET frames. */
        List<ResetFrame> resets() {
            return frames.stream().filter(ResetFrame.class::isInstance).map(ResetFrame.class::cast).toList();
        }
    }

    /** A packet that a side's channel accepted and passed up, with copies of its stream-layer frames. */
    record Received(long packetNumber, List<Frame> frames) {
    }

    /** What a stream told the layer above it. */
    static final class Events implements StreamEvents {
        final List<StreamCore> children = new ArrayList<>();
        final List<Long> resets = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        int readable;
        int closed;
        int sendFinished;

        @Override
        public void onReadable() {
            readable++;
        }

        @Override
        public void onWritable() {
        }

        @Override
        public void onChild(StreamCore child) {
            children.add(child);
        }

        @Override
        public void onReset(long errorCode, String reason, boolean byPeer) {
            resets.add(errorCode);
        }

        @Override
        public void onSendFinished() {
            sendFinished++;
        }

        @Override
        public void onClosed() {
            closed++;
        }

        @Override
        public void onFailed(String why) {
            failures.add(why);
        }
    }

    /** One end: its channel, its stream layer, and everything they did. */
    final class Side implements ChannelListener, ChannelStreamsListener {
        final Role role;
        final ChannelConfig config;
        final Channel channel;
        final ChannelStreams streams;
        final Deque<byte[]> out = new ArrayDeque<>();
        /** Every packet this side sent, opened, oldest first. */
        final List<Sent> sent = new ArrayList<>();
        /** Every packet whose stream-layer frames the channel passed up. */
        final List<Received> received = new ArrayList<>();
        final List<ChannelClosure> closures = new ArrayList<>();
        final List<Long> acked = new ArrayList<>();
        final List<Long> lost = new ArrayList<>();
        /** Top-level streams the peer opened, as {@link ChannelStreamsListener#onPeerStream} announced them. */
        final List<StreamCore> announced = new ArrayList<>();
        final List<StreamCore> created = new ArrayList<>();
        final List<StreamCore> freed = new ArrayList<>();
        private final Map<Usid, StreamCore> byUsid = new HashMap<>();
        private final Map<StreamCore, Events> events = new IdentityHashMap<>();
        /** Whether the stream layer hears the frames this side's channel receives. */
        boolean hearsPeer = true;

        private Side(Role role, NegotiatedChannel negotiated, ChannelConfig config, long seed) {
            this.role = role;
            this.config = config;
            DatagramSink sink = (datagram, recipient) -> {
                try {
                    out.addLast(ByteBufUtil.getBytes(datagram));
                } finally {
                    datagram.release();
                }
            };
            ChannelEnvironment environment = new ChannelEnvironment(clock, new Random(seed), crypto,
                    new UnpooledByteBufAllocator(false), new DropCounters(), sink);
            this.channel = Channel.create(negotiated, config, environment, this);
            this.streams = new ChannelStreams(channel, config, this, clock);
        }

        Side peer() {
            return this == initiator ? responder : initiator;
        }

        /**
         * Hands {@code frames} to this side's stream layer as one packet numbered {@code packetNumber}
         * from the peer, then flushes. The peer's stream layer stops hearing this side from now on.
         */
        void inject(long packetNumber, Frame... frames) {
            peer().hearsPeer = false;
            streams.onFrames(packetNumber, List.of(frames));
            streams.flush();
        }

        /** As {@link #inject} without the flush: a fault found is acted on only at the next {@link #flush()}. */
        void receive(long packetNumber, Frame... frames) {
            peer().hearsPeer = false;
            streams.onFrames(packetNumber, List.of(frames));
        }

        /** The channel's closure; fails unless it closed exactly once. */
        ChannelClosure closure() {
            assertThat(closures).as("closures of the %s", role).hasSize(1);
            return closures.get(0);
        }

        /** Asserts that this side closed the channel with {@code code}, and that its CLOSE tells the peer so. */
        void assertClosedWith(ErrorCode code) {
            assertThat(channel.state()).as("the %s's channel", role).isEqualTo(ChannelState.CLOSING);
            ChannelClosure closure = closure();
            assertThat(closure.origin()).isEqualTo(CloseOrigin.LOCAL);
            assertThat(ErrorCode.lookup(closure.errorCode())).as("error code (reason: %s)", closure.reason())
                    .contains(code);
            deliver(this);
            assertThat(peer().channel.state()).as("the peer after the CLOSE").isEqualTo(ChannelState.DRAINING);
            assertThat(peer().closure().origin()).isEqualTo(CloseOrigin.PEER);
            assertThat(peer().closure().errorCode()).isEqualTo(code.code());
        }

        /** Asserts that the channel is still established, with nothing closed. */
        void assertEstablished() {
            assertThat(closures).as("closures of the %s", role).isEmpty();
            assertThat(channel.state()).as("the %s's channel", role).isEqualTo(ChannelState.ESTABLISHED);
        }

        /** The events of a stream on this side (recorded from its creation, or from now on for others). */
        Events events(StreamCore stream) {
            return events.computeIfAbsent(stream, s -> {
                Events recorder = new Events();
                s.events(recorder);
                return recorder;
            });
        }

        /** The stream with state here whose creation LSID on this channel is {@code lsid}, or null. */
        StreamCore stream(long lsid) {
            return byUsid.get(new Usid(channel.channelId(), lsid));
        }

        /** Opens a reliable stream (nothing is sent before it has data). */
        StreamCore open(StreamCore parent) {
            StreamCore stream = streams.open(parent, false, false);
            events(stream);
            return stream;
        }

        /** Writes text on a stream; the test flushes. */
        void write(StreamCore stream, String text) {
            stream.write(bytes(text), false);
        }

        /** Writes {@code length} bytes of {@link #pattern}; the test flushes. */
        void write(StreamCore stream, int length) {
            stream.write(Unpooled.wrappedBuffer(pattern(length)), false);
        }

        /** Runs the stream layer's {@link ChannelStreams#flush()}. */
        void flush() {
            streams.flush();
        }

        // ---------------------------------------------------------------- ChannelListener (Host.Events)

        @Override
        public void onFrames(long packetNumber, List<Frame> frames) {
            List<Frame> copies = new ArrayList<>();
            for (Frame frame : frames) {
                copies.add(frame instanceof StreamFrame s ? copy(s) : frame);
            }
            received.add(new Received(packetNumber, copies));
            if (hearsPeer) {
                streams.onFrames(packetNumber, frames);
            }
        }

        @Override
        public void onPeerSettings(PeerSettings settings) {
            streams.onPeerSettings(settings);
        }

        @Override
        public void onClosed(ChannelClosure closure) {
            closures.add(closure);
            boolean replaced = closure.errorCode() == ErrorCode.CHANNEL_REPLACED.code();
            streams.onChannelClosed(replaced, "the channel closed: " + closure.reason());
        }

        @Override
        public void onPacketAcked(long packetNumber) {
            acked.add(packetNumber);
            streams.onPacketAcked(packetNumber);
        }

        @Override
        public void onPacketLost(long packetNumber) {
            lost.add(packetNumber);
            streams.onPacketLost(packetNumber);
        }

        @Override
        public void onProbe(int count) {
            streams.onProbe(count);
        }

        // ---------------------------------------------------------------- ChannelStreamsListener (Host.StreamsOfChannel)

        @Override
        public void onPeerStream(StreamCore stream) {
            announced.add(stream);
        }

        @Override
        public StreamCore findByUsid(Usid usid) {
            return byUsid.get(usid);
        }

        @Override
        public void onStreamCreated(StreamCore stream) {
            created.add(stream);
            byUsid.put(stream.usid(), stream);
            events(stream);
        }

        @Override
        public void onStreamFreed(StreamCore stream) {
            freed.add(stream);
            byUsid.remove(stream.usid(), stream);
        }

        private StreamFrame copy(StreamFrame frame) {
            return new StreamFrame(frame.noAck(), frame.init(), frame.usid(), frame.offsetWidth(),
                    frame.explicitLength(), frame.fin(), frame.recordEnd(), frame.lsid(), frame.parentLsid(),
                    frame.offset(), Unpooled.wrappedBuffer(ByteBufUtil.getBytes(frame.data())));
        }

        @Override
        public String toString() {
            return role.toString();
        }
    }

}
