package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelEnvironment;
import org.sss.core.channel.ChannelListener;
import org.sss.core.channel.ChannelState;
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
import org.sss.core.stream.ChannelStreams;
import org.sss.core.stream.ChannelStreamsListener;
import org.sss.core.stream.StreamCore;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.Usid;
import org.sss.core.wire.WireLimits;

/**
 * A responder's channel with its stream layer, wired as the host wires them, fed a sequence of
 * validly encrypted MESSAGEs whose frames come from the fuzzer (what encryption hides from a fuzzer
 * outside the process), with clock advances and application reads in between. Whatever the frames:
 * nothing throws out of the channel or the stream layer; a dropped MESSAGE is counted once and
 * changes no state, a malformed one closes the channel; and every datagram the channel sends in
 * answer opens under the channel key and decodes to a well-formed plaintext (SPEC.md sections 6 to 8).
 */
class ChannelFuzzTest {
    private static final long CLOCK_START = 1_000_000_000_000L;
    private static final long INITIATE_PN = 2;
    private static final InetSocketAddress INITIATOR_ADDRESS =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    private static final CryptoProvider CRYPTO = CryptoProvider.bouncyCastle();
    private static final KeyPair INITIATOR_SHORT_TERM = KeyPair.fromSeed(filled(3));
    private static final KeyPair RESPONDER_SHORT_TERM = KeyPair.fromSeed(filled(4));
    private static final KeyPair INITIATOR_LONG_TERM = KeyPair.fromSeed(filled(1));
    private static final BoxKey TEST_KEY =
            CRYPTO.beforenm(RESPONDER_SHORT_TERM.publicKey(), INITIATOR_SHORT_TERM.secretKey()).orElseThrow();
    private static final int MAX_STEPS = 40;

    private final SecretBox secretBox = CRYPTO.newSecretBox();
    private ManualClock clock;
    private Channel channel;
    private ChannelStreams streams;
    private final List<StreamCore> peerStreams = new ArrayList<>();
    private final Map<Usid, StreamCore> byUsid = new HashMap<>();
    private long counter;
    private DropCounters drops;

    @FuzzTest(maxDuration = "5m")
    void frames(FuzzedDataProvider in) {
        establish();
        for (int step = 0; step < MAX_STEPS && in.remainingBytes() > 0; step++) {
            switch (in.consumeInt(0, 7)) {
                case 0 -> {
                    long now = clock.advance(Duration.ofMillis(in.consumeInt(0, 3000)));
                    channel.onTimeout(now);
                    if (channel.state() == ChannelState.ESTABLISHED) {
                        streams.onTimeout(now);
                    }
                }
                case 1 -> readPeerStreams(in.consumeInt(0, 4096));
                default -> message(in);
            }
            streams.flush();
        }
        channel.discardNow();
    }

    /** One MESSAGE from the initiator: a header for its counter (or the fuzzer's own), the fuzzer's frames, zero padding. */
    private void message(FuzzedDataProvider in) {
        int gap = in.consumeInt(0, 3);
        long pn = gap == 0 ? Math.max(1, counter - in.consumeInt(0, 8)) : counter + gap;
        counter = Math.max(counter, pn);
        boolean ownHeader = in.consumeInt(0, 15) == 0;
        byte[] frames = in.consumeBytes(in.consumeInt(0, WireLimits.MAX_PLAINTEXT));
        ByteBuf plaintext = Unpooled.buffer(WireLimits.MAX_PLAINTEXT);
        if (!ownHeader) {
            PacketHeaderCodec.encode(PacketHeader.of(pn, false), plaintext);
        }
        plaintext.writeBytes(frames, 0, Math.min(frames.length, plaintext.writableBytes()));
        int length = Math.max(WireLimits.MIN_PLAINTEXT, plaintext.readableBytes());
        length = Math.min(WireLimits.MAX_PLAINTEXT, (length + 15) / 16 * 16);
        plaintext.writeZero(length - plaintext.readableBytes());
        byte[] box = secretBox.seal(TEST_KEY, Nonce.counter(Role.INITIATOR.sendPrefix(), pn),
                ByteBufUtil.getBytes(plaintext));
        ByteBuf datagram = Unpooled.buffer(WireLimits.MESSAGE_OVERHEAD + length);
        datagram.writeLong(PacketType.MESSAGE.magic());
        datagram.writeBytes(INITIATOR_SHORT_TERM.publicKey().bytes());
        datagram.writeLong(pn);
        datagram.writeBytes(box);
        long dropped = drops.total();
        ChannelState before = channel.state();
        ReceiveResult result = channel.onMessage(datagram, INITIATOR_ADDRESS);
        switch (result.outcome()) {
            case DROPPED -> {
                assertThat(drops.total()).as("a dropped MESSAGE is counted once: %s", result).isEqualTo(dropped + 1);
                assertThat(channel.state()).as("a drop changes no state").isEqualTo(before);
            }
            case CLOSED -> assertThat(channel.state()).as("%s", result).isNotEqualTo(ChannelState.ESTABLISHED);
            case IGNORED -> assertThat(before).isNotEqualTo(ChannelState.ESTABLISHED);
            // a CLOSING channel still takes packets in, to answer them with its CLOSE again or to start draining
            default -> assertThat(before).isIn(ChannelState.ESTABLISHED, ChannelState.CLOSING);
        }
    }

    private void readPeerStreams(int maxBytes) {
        for (StreamCore stream : List.copyOf(peerStreams)) {
            if (!stream.isFreed()) {
                stream.read(maxBytes);
            }
        }
    }

    /** A fresh responder channel, established by the initiator's SETTINGS as the INITIATE's message. */
    private void establish() {
        clock = new ManualClock(CLOCK_START);
        peerStreams.clear();
        byUsid.clear();
        counter = INITIATE_PN;
        ChannelConfig config = ChannelConfig.defaults();
        // the channel owns and erases its keys: a fresh copy of r' for every execution
        KeyPair ownShortTerm = KeyPair.fromSeed(filled(4));
        BoxKey key = CRYPTO.beforenm(INITIATOR_SHORT_TERM.publicKey(), ownShortTerm.secretKey()).orElseThrow();
        byte[] channelId = KeyDerivation.channelId(key, INITIATOR_SHORT_TERM.publicKey(),
                RESPONDER_SHORT_TERM.publicKey());
        NegotiatedChannel negotiated = new NegotiatedChannel(Role.RESPONDER, ownShortTerm,
                INITIATOR_SHORT_TERM.publicKey(),
                INITIATOR_LONG_TERM.publicKey(), key, channelId, new NonceCounter(), INITIATOR_ADDRESS, List.of());
        drops = DropCounters.unlogged();
        ChannelEnvironment env = ChannelEnvironment.of(clock, new Random(5), drops, checkingSink());
        Events events = new Events();
        channel = Channel.create(negotiated, config, env, events);
        streams = new ChannelStreams(channel, config, new StreamsListener(), clock);
        events.streams = streams;
        ByteBuf first = Unpooled.buffer();
        PlaintextWriter.write(PacketHeader.of(INITIATE_PN, true), List.of(config.settingsFrame()), first,
                WireLimits.MAX_INITIATE_PLAINTEXT);
        channel.acceptFirstPacket(INITIATE_PN, first);
        streams.flush();
        assertThat(channel.state()).isEqualTo(ChannelState.ESTABLISHED);
    }

    /** Opens every datagram the channel sends: it must be a MESSAGE whose plaintext is well formed. */
    private DatagramSink checkingSink() {
        return (datagram, recipient) -> {
            try {
                byte[] bytes = ByteBufUtil.getBytes(datagram);
                assertThat(recipient).isEqualTo(INITIATOR_ADDRESS);
                ByteBuf in = Unpooled.wrappedBuffer(bytes);
                assertThat(in.readLong()).isEqualTo(PacketType.MESSAGE.magic());
                in.skipBytes(32);
                long sentCounter = in.readLong();
                byte[] plaintext = secretBox.open(TEST_KEY, Nonce.counter(Role.RESPONDER.sendPrefix(), sentCounter),
                        ByteBufUtil.getBytes(in)).orElseThrow(() -> new AssertionError("a sent box does not open"));
                DecodeResult<MessagePlaintext> decoded = FrameReader.decode(Unpooled.wrappedBuffer(plaintext));
                assertThat(decoded.isOk()).as("the channel sent a malformed plaintext: %s", decoded).isTrue();
                assertThat(decoded.value().header().matchesCounter(sentCounter)).isTrue();
            } finally {
                datagram.release();
            }
        };
    }

    private static byte[] filled(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }

    /** The channel's events, forwarded to the stream layer as the host's own listener does. */
    private static final class Events implements ChannelListener {
        ChannelStreams streams;

        @Override
        public void onFrames(long packetNumber, List<Frame> frames) {
            streams.onFrames(packetNumber, frames);
        }

        @Override
        public boolean hasFault() {
            return streams.hasFault();
        }

        @Override
        public void onPeerSettings(PeerSettings settings) {
            if (streams != null) {
                streams.onPeerSettings(settings);
            }
        }

        @Override
        public void onPacketAcked(long packetNumber) {
            streams.onPacketAcked(packetNumber);
        }

        @Override
        public void onPacketLost(long packetNumber) {
            streams.onPacketLost(packetNumber);
        }

        @Override
        public void onProbe(int count) {
            streams.onProbe(count);
        }

        @Override
        public void onClosed(org.sss.core.channel.ChannelClosure closure) {
            streams.onChannelClosed(false, "the channel closed: " + closure.reason());
        }
    }

    /** What the stream layer asks of the host: peer streams are kept for reading, streams indexed by USID. */
    private final class StreamsListener implements ChannelStreamsListener {
        @Override
        public void onPeerStream(StreamCore stream) {
            peerStreams.add(stream);
        }

        @Override
        public StreamCore findByUsid(Usid usid) {
            return byUsid.get(usid);
        }

        @Override
        public void onStreamCreated(StreamCore stream) {
            byUsid.put(stream.usid(), stream);
        }

        @Override
        public void onStreamFreed(StreamCore stream) {
            byUsid.remove(stream.usid(), stream);
        }
    }
}
