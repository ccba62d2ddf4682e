package org.sss.tools.vectors;

import static org.sss.tools.vectors.VectorJson.hex;
import static org.sss.tools.vectors.VectorJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelEnvironment;
import org.sss.core.channel.ChannelListener;
import org.sss.core.channel.ChannelTable;
import org.sss.core.channel.ReceiveResult;
import org.sss.core.crypto.KeyPair;
import org.sss.core.negotiation.CookieOutcome;
import org.sss.core.negotiation.DatagramSink;
import org.sss.core.negotiation.Dropped;
import org.sss.core.negotiation.FirstMessageOutcome;
import org.sss.core.negotiation.HelloOutcome;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.negotiation.InitiateOutcome;
import org.sss.core.negotiation.Initiator;
import org.sss.core.negotiation.NegotiatedChannel;
import org.sss.core.negotiation.Responder;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.Frame;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PacketType;

/**
 * Both ends of one handshake.json negotiation, fresh for each test, as the reference
 * implementation runs them: a real {@link Responder} and {@link Initiator} built from the group's
 * keys, the transcript's random bytes and a still clock, and a real {@link Channel} for each
 * negotiation that completes. It plays only the host's part: sorting datagrams by magic, checking
 * a MESSAGE's length before its key selects a channel (CHN-RECV-1 step 1, PKT-DEMUX-3), and
 * keeping the channel tables. The datagrams each end sends are kept for comparison.
 *
 * <p>The MESSAGEs the channels send are kept but not comparable with the transcript's: a
 * responder's channel sends its first MESSAGE from inside {@code acceptFirstPacket}
 * (NEG-RPROC-5), so its ACK delay is 0 on any clock where test 4 has 120 us, and its SETTINGS
 * and padding follow the {@link ChannelConfig} rather than the transcript's.
 */
final class HandshakeReplay {
    /** The transcript numbers every packet; no packet number is skipped (CHN-ACK-12). */
    private static final ChannelConfig CONFIG = ChannelConfig.builder().packetNumberSkipPeriod(0).build();
    private static final int MAX_CHANNELS = 4;

    private final ManualClock clock = new ManualClock();
    private final Map<PacketType, byte[]> sentByResponder = new HashMap<>();
    private final Map<PacketType, byte[]> sentByInitiator = new HashMap<>();
    private final ChannelTable responderChannels = new ChannelTable(MAX_CHANNELS);
    private final ChannelTable initiatorChannels = new ChannelTable(MAX_CHANNELS);
    private final Map<Channel, byte[]> channelKeys = new HashMap<>();
    private final Map<Channel, PacketNumbers> listeners = new HashMap<>();
    private final Responder responder;
    private final Initiator initiator;

    /**
     * Builds both ends and starts the initiator, which sends its HELLO.
     *
     * @param in the group
     * @param transcript the valid test of each packet type, for the random bytes and the INITIATE's content
     */
    HandshakeReplay(HandshakeInputs in, Map<PacketType, JsonNode> transcript) {
        TranscriptRandom responderRandom = new TranscriptRandom("responder")
                .then(() -> hex(in.json(), "minuteKey"))
                .then(() -> hex(in.json(), "responderShortTermPrivate"))
                .then(() -> nonceRandom(transcript, PacketType.COOKIE, "cookieNonce"))
                .then(() -> nonceRandom(transcript, PacketType.COOKIE, "nonce"));
        this.responder = Responder.builder(KeyPair.fromSecretKey(in.responderLongTermPrivate()), sink(sentByResponder))
                .random(responderRandom).clock(clock).helloRateLimiter(HelloRateLimiter.unlimited())
                .liveChannels(responderChannels::isLive).build();
        TranscriptRandom initiatorRandom = new TranscriptRandom("initiator")
                .then(() -> hex(in.json(), "initiatorShortTermPrivate"))
                .then(() -> nonceRandom(transcript, PacketType.INITIATE, "vouchNonce"));
        this.initiator = Initiator.builder(KeyPair.fromSecretKey(in.initiatorLongTermPrivate()),
                        in.responderLongTerm(), in.responderAddress(), sink(sentByInitiator))
                .random(initiatorRandom).clock(clock)
                .content((packetNumber, out, maxBytes) -> out.writeBytes(initiateFrames(transcript)))
                .build();
        initiator.start();
    }

    /** The last datagram of {@code type} the responder (or the initiator) sent, or null. */
    byte[] sent(boolean byResponder, PacketType type) {
        return (byResponder ? sentByResponder : sentByInitiator).get(type);
    }

    /** Delivers the {@code packet} of test {@code t} from its source to its receiver. */
    Delivery deliver(JsonNode t) {
        byte[] datagram = hex(t, "packet");
        InetSocketAddress source = HandshakeInputs.socketAddress(t, "sourceAddress", "sourcePort");
        String receiver = text(t, "receiver");
        if (!receiver.equals("responder") && !receiver.equals("initiator")) {
            throw new MalformedVectorException("field receiver is neither responder nor initiator: " + receiver);
        }
        // SPEC PKT-MAGIC-2, PKT-MAGIC-3: the host sorts by magic first
        if (datagram.length < PacketType.MAGIC_LENGTH) {
            return Delivery.dropped(DropReason.DATAGRAM_TOO_SHORT, "host: no magic");
        }
        PacketType type = magicType(datagram);
        if (type == null) {
            return Delivery.dropped(DropReason.UNKNOWN_MAGIC, "host: unknown magic");
        }
        ByteBuf buf = Unpooled.wrappedBuffer(datagram);
        if (receiver.equals("responder")) {
            switch (type) {
                case HELLO:
                    return hello(responder.onHello(buf, source));
                case INITIATE:
                    return initiate(responder.onInitiate(buf, source), buf);
                case MESSAGE:
                    return message(responderChannels, buf, false);
                default:
                    // SPEC PKT-DEMUX-2: a COOKIE goes only to a pending negotiation, and a responder has none
                    return Delivery.dropped(DropReason.UNKNOWN_CHANNEL, "host: a " + type + " at the responder");
            }
        }
        switch (type) {
            case COOKIE:
                CookieOutcome cookie = initiator.onCookie(buf, source);
                return cookie instanceof Dropped d ? dropped("Initiator.onCookie", d) : Delivery.accepted(Map.of());
            case MESSAGE:
                return message(initiatorChannels, buf, true);
            default:
                // SPEC PKT-DEMUX-1: an endpoint that accepts no incoming channels drops HELLO and INITIATE
                return Delivery.dropped(DropReason.UNKNOWN_MAGIC, "host: a " + type + " at the initiator");
        }
    }

    private static Delivery hello(HelloOutcome outcome) {
        if (outcome instanceof HelloOutcome.CookieSent) {
            return Delivery.accepted(Map.of());
        }
        return outcome instanceof Dropped d ? dropped("Responder.onHello", d)
                : Delivery.dropped(null, "Responder.onHello: " + outcome);
    }

    private Delivery initiate(InitiateOutcome outcome, ByteBuf datagram) {
        if (outcome instanceof InitiateOutcome.Accepted accepted) {
            try {
                return establish(responderChannels, accepted.channel(), accepted.packetNumber(),
                        accepted.messagePlaintext(), "Responder.onInitiate");
            } finally {
                accepted.messagePlaintext().release();
            }
        }
        if (outcome instanceof InitiateOutcome.ForLiveChannel live) {
            Channel channel = responderChannels.get(live.initiatorShortTerm());
            return received(channel.onInitiateRetransmission(copy(datagram)), "Channel.onInitiateRetransmission",
                    Map.of());
        }
        return outcome instanceof Dropped d ? dropped("Responder.onInitiate", d)
                : Delivery.dropped(null, "Responder.onInitiate: " + outcome);
    }

    private Delivery message(ChannelTable channels, ByteBuf datagram, boolean atInitiator) {
        // SPEC CHN-RECV-1: the length (step 1) before the key selects a channel (step 2)
        DecodeResult<Packet> decoded = PacketCodec.decode(datagram.duplicate());
        if (!decoded.isOk()) {
            return Delivery.dropped(decoded.dropReason(), "host: " + decoded.detail());
        }
        Channel channel = channels.select(datagram);
        if (channel != null) {
            PacketNumbers numbers = listeners.get(channel);
            numbers.last = null;
            ReceiveResult result = channel.onMessage(copy(datagram));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("boxKey", channelKeys.get(channel));
            if (numbers.last != null) {
                values.put("packetNumber", numbers.last);
            }
            return received(result, "Channel.onMessage", values);
        }
        if (!atInitiator) {
            return Delivery.dropped(DropReason.UNKNOWN_CHANNEL, "host: the MESSAGE's key selects no channel");
        }
        FirstMessageOutcome first = initiator.onFirstMessage(datagram);
        if (first instanceof FirstMessageOutcome.Established established) {
            try {
                return establish(initiatorChannels, established.channel(), established.packetNumber(),
                        established.plaintext(), "Initiator.onFirstMessage");
            } finally {
                established.plaintext().release();
            }
        }
        return dropped("Initiator.onFirstMessage", (Dropped) first);
    }

    /** Steps 10 and 11 (or step 3 of "on MESSAGE"): a real channel takes the negotiation and its first packet. */
    private Delivery establish(ChannelTable channels, NegotiatedChannel negotiated, long packetNumber,
            ByteBuf plaintext, String where) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("boxKey", negotiated.sharedKey().bytes());
        values.put("channelId", negotiated.channelId());
        values.put("packetNumber", packetNumber);
        values.put("messagePlaintext", ByteBufUtil.getBytes(plaintext));
        PacketNumbers numbers = new PacketNumbers();
        Channel channel = Channel.create(negotiated, CONFIG, ChannelEnvironment.of(clock, new Random(0),
                new DropCounters(), sink(channels == responderChannels ? sentByResponder : sentByInitiator)), numbers);
        channels.add(channel);
        channelKeys.put(channel, negotiated.sharedKey().bytes());
        listeners.put(channel, numbers);
        return received(channel.acceptFirstPacket(packetNumber, plaintext), where + ", Channel.acceptFirstPacket",
                values);
    }

    private static Delivery received(ReceiveResult result, String where, Map<String, Object> values) {
        if (result.outcome() == ReceiveResult.Outcome.ACCEPTED) {
            return Delivery.accepted(values);
        }
        return Delivery.dropped(result.dropReason(), where + ": " + result.outcome());
    }

    private static Delivery dropped(String where, Dropped d) {
        return Delivery.dropped(d.reason(), where + ": " + d.detail());
    }

    /** The channel opens datagrams in place; the vector's bytes stay as they are. */
    private static ByteBuf copy(ByteBuf datagram) {
        return Unpooled.wrappedBuffer(ByteBufUtil.getBytes(datagram));
    }

    private static DatagramSink sink(Map<PacketType, byte[]> sent) {
        return (datagram, recipient) -> {
            try {
                byte[] bytes = ByteBufUtil.getBytes(datagram);
                PacketType type = magicType(bytes);
                if (type != null) {
                    sent.put(type, bytes);
                }
            } finally {
                datagram.release();
            }
        };
    }

    /** The packet type a datagram's magic names, or null. */
    static PacketType magicType(byte[] datagram) {
        return datagram.length < PacketType.MAGIC_LENGTH ? null
                : PacketType.fromMagic(Unpooled.wrappedBuffer(datagram).getLong(0));
    }

    /** The 16 random bytes of a 24-byte random nonce (its last 16) in the transcript test of {@code type}. */
    private static byte[] nonceRandom(Map<PacketType, JsonNode> transcript, PacketType type, String field) {
        byte[] nonce = hex(transcriptTest(transcript, type), field);
        return Arrays.copyOfRange(nonce, nonce.length - 16, nonce.length);
    }

    /** What the application gives the INITIATE: the transcript's message after its header, padding included. */
    private static byte[] initiateFrames(Map<PacketType, JsonNode> transcript) {
        byte[] message = hex(transcriptTest(transcript, PacketType.INITIATE), "messagePlaintext");
        DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(Unpooled.wrappedBuffer(message));
        if (!header.isOk()) {
            throw new MalformedVectorException("the INITIATE's messagePlaintext has no header: " + header.detail());
        }
        return Arrays.copyOfRange(message, header.value().encodedLength(), message.length);
    }

    private static JsonNode transcriptTest(Map<PacketType, JsonNode> transcript, PacketType type) {
        JsonNode test = transcript.get(type);
        if (test == null) {
            throw new MalformedVectorException("the file has no valid " + type + " test to take its random bytes from");
        }
        return test;
    }

    /** The number of the last packet a channel passed to its listener. */
    private static final class PacketNumbers implements ChannelListener {
        private Long last;

        @Override
        public void onFrames(long packetNumber, List<Frame> frames) {
            last = packetNumber;
        }
    }
}
