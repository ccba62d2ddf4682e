package org.sss.core.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.sss.core.channel.cc.CongestionController;
import org.sss.core.channel.cc.Pacer;
import org.sss.core.crypto.NonceCounterExhaustedException;
import org.sss.core.crypto.PublicKey;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.misbehaviour.ProtocolBugCrash;
import org.sss.core.misbehaviour.ProtocolBugs;
import org.sss.core.negotiation.NegotiatedChannel;
import org.sss.core.negotiation.Role;
import org.sss.core.negotiation.SentInitiate;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CloseFrame;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropCounters;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.FrameVisitor;
import org.sss.core.wire.InitiateBoxPlaintext;
import org.sss.core.wire.InitiatePacket;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.NackRange;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PathChallengeFrame;
import org.sss.core.wire.PathResponseFrame;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.WireLimits;

/**
 * One SSS channel, sans I/O (SPEC.md section 6): datagrams and time go in, sealed MESSAGEs go to
 * the {@link org.sss.core.negotiation.DatagramSink} and events to the {@link ChannelListener}.
 *
 * <p>The host drives it: {@link #acceptFirstPacket} once with the packet the negotiation opened,
 * then {@link #onMessage} for every MESSAGE whose key selects it (and, on the responder,
 * {@link #onInitiateRetransmission} for every INITIATE whose {@code I'} does), {@link #send},
 * {@link #ping} and {@link #close} for the application, and {@link #onTimeout} whenever
 * {@link #nextTimeoutNanos()} has passed. Received datagrams are borrowed for the call and opened
 * in place (their bytes are changed); outgoing datagrams are handed to the sink, which owns them.
 *
 * <p>Loss recovery follows RFC 9002 with SPEC.md section 6.5's constants: packets are declared lost
 * by the packet and time thresholds (CHN-LOSS-1, CHN-LOSS-2) and the listener told which of its
 * packets were acknowledged or lost, so that it retransmits their frames (CHN-LOSS-5); the probe
 * timeout asks the listener for probes and sends PING for those it does not send (CHN-LOSS-3,
 * CHN-LOSS-4). A {@link CongestionController} of the configured algorithm and a {@link Pacer}
 * (section 6.6) decide {@link #canSend()}, which callers consult before sending data; {@link #send}
 * itself never refuses for congestion, so control frames always go.
 *
 * <p>Not thread-safe and not re-entrant for received packets: a sink must not deliver back into the
 * same channel from within {@code send}. Malformed, forged or replayed input never throws: it is
 * dropped and counted under its verdict, or closes the channel as SPEC.md section 13 says.
 */
public final class Channel {
    /** {@link #nextTimeoutNanos()} when no timer is armed. */
    public static final long NO_TIMEOUT = Long.MAX_VALUE;

    private static final long COUNTER_REKEY_THRESHOLD = 1L << 63;
    private static final int CLOSING_PTO_MULTIPLE = 3;
    /** The type byte and error code of CLOSE, and the length prefix of its reason. */
    private static final int CLOSE_FIXED_LENGTH = 1 + 4 + 2;
    /** Longest reason the channel writes for its own closes. */
    private static final int MAX_LOCAL_REASON = 200;

    private final NegotiatedChannel negotiated;
    private final Role role;
    private final ChannelConfig config;
    private final ChannelEnvironment env;
    private final ChannelListener listener;
    private final ChannelBoxes boxes;
    private final MessageWriter writer;
    private final FrameReader reader = new FrameReader();
    private final List<Frame> received = new ArrayList<>();
    private final FrameVisitor collector = FrameVisitor.collecting(received);
    private final List<Frame> forListener = new ArrayList<>();
    private final List<Frame> forListenerView = Collections.unmodifiableList(forListener);
    private final List<Frame> outgoing = new ArrayList<>();
    private final ByteBuf peerShortTermBytes;
    private final ByteBuf peerLongTermBytes;
    private final ReplayWindow replay = new ReplayWindow();
    private final AckTracker acks;
    private final SentPacketLog sent;
    private RttEstimator rtt;
    private final DropCounters localDrops = DropCounters.unlogged();
    private final SettingsFrame localSettings;
    private final int localSettingsLength;
    private final long maxAckDelayNanos;
    private CongestionController congestion;
    /** Null when pacing is off. */
    private final Pacer pacer;
    /** The peer's address and the validation of a new one (SPEC.md section 6.10). */
    private final PathValidator path;
    /** The source of the packet being processed (null for INITIATEs and the first packet). */
    private InetSocketAddress packetSource;
    /** PATH_CHALLENGE data of the packet being processed, answered before anything else is sent (FRM-PATH-1). */
    private final List<PathResponseFrame> pathResponses = new ArrayList<>();
    private final PacketBatch newlyAcked = new PacketBatch();
    private final PacketBatch newlyLost = new PacketBatch();
    /** Packets the sent log forgot, awaiting their loss report at the next receive or timeout. */
    private final PacketBatch evicted = new PacketBatch();
    private final LossHistory fates = new LossHistory();

    private ChannelState state = ChannelState.NEW;
    private PeerSettings peerSettings = PeerSettings.DEFAULTS;
    private byte[] peerSettingsEncoding;
    private boolean versionAcknowledged;
    private boolean settingsAcknowledged;
    private boolean receiving;

    private long lastActivityAt;
    private boolean ackElicitingSentSinceActivity;
    private long lastAckElicitingSentAt;
    private long rotationDeadline;
    private boolean rekeyDue;
    private long closingDeadline;
    private long closeErrorCode;
    private String closeReason = "";
    private long lastCloseSentAt;

    private long packetsSent;
    /** The packet number of the last packet sent; read only by {@link ProtocolBug#REUSE_NONCE}. */
    private long lastPacketNumber;
    private long bytesSent;
    private long packetsReceived;
    private long bytesReceived;
    private long packetsLost;

    private boolean anyAcked;
    private long largestAcked;
    private long firstRttSampleAt;
    /** RFC 9002 loss_time: when the earliest packet below the largest acknowledged is lost by time. */
    private long lossTime = SentPacketLog.NO_LOSS_TIME;
    /** RFC 9002 pto_count: consecutive PTO expiries without an acknowledgement. */
    private int ptoCount;
    /** While the listener's onProbe runs: the probes it may send, and how many it sent. */
    private int probesAllowed;
    private int probesSent;
    /** When pacing lets the next packet go, after canSend() said no for pacing; else NO_TIMEOUT. */
    private long pacingWakeup = NO_TIMEOUT;
    /** Evicted packets already taken out of the congestion controller's flight. */
    private int evictedAccounted;
    private long evictedAt;
    /** When the last packet counted in flight was sent. */
    private long lastInFlightSentAt;

    private Channel(NegotiatedChannel negotiated, ChannelConfig config, ChannelEnvironment env,
            ChannelListener listener) {
        this.negotiated = negotiated;
        this.role = negotiated.role();
        this.config = config;
        this.env = env;
        this.listener = listener;
        this.boxes = new ChannelBoxes(env.crypto().newSecretBox(), negotiated.sharedKey(), role);
        this.writer = new MessageWriter(env.allocator(), negotiated.ownShortTerm().publicKey());
        this.peerShortTermBytes = Unpooled.wrappedBuffer(negotiated.peerShortTerm().bytes());
        this.peerLongTermBytes = Unpooled.wrappedBuffer(negotiated.peerLongTerm().bytes());
        this.acks = new AckTracker(config.maxAckIntervals());
        this.sent = new SentPacketLog(config.maxSentPackets());
        sent.reportEvictionsTo(evicted);
        this.congestion = config.congestionControl().create();
        this.pacer = config.pacing() ? new Pacer() : null;
        for (SentInitiate initiate : negotiated.initiates()) {
            // the INITIATEs are the initiator's first packets on the channel: ACKs of them are judged
            // (CHN-ACK-10, CHN-ACK-11), timed (CHN-RTT-1) and credited (NEG-VER-1, FRM-SET-1) like ACKs of MESSAGEs;
            // SETTINGS first (NEG-INITIATE-4) makes each one ack-eliciting
            sent.onSent(new SentPacket(initiate.packetNumber(), initiate.sentAtNanos(), initiate.size(), true,
                    initiate.carriedVersion(), initiate.carriedSettings(), false, 0));
        }
        this.rtt = new RttEstimator(config.initialRtt().toNanos());
        this.path = new PathValidator(negotiated.peerAddress(), env.random());
        this.localSettings = config.settingsFrame();
        this.localSettingsLength = FrameCodec.encodedLength(localSettings);
        this.maxAckDelayNanos = config.maxAckDelay().toNanos();
    }

    /**
     * A channel for a completed negotiation, in state {@link ChannelState#NEW}. It takes ownership of
     * the negotiation's keys and erases them when it ends (forward secrecy).
     *
     * @param negotiated the keys, identities, counter and address the negotiation produced
     * @param config this end's SETTINGS and timers; an initiator's must match the SETTINGS its INITIATE carried
     * @param env the host's clock, randomness, crypto, allocator, drop counters and sink
     * @param listener receives the channel's events
     */
    public static Channel create(NegotiatedChannel negotiated, ChannelConfig config, ChannelEnvironment env,
            ChannelListener listener) {
        Objects.requireNonNull(negotiated, "negotiated");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(listener, "listener");
        return new Channel(negotiated, config, env, listener);
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Processes the channel's first packet, which the negotiation layer has opened: for the responder
     * the message inside the INITIATE that created the channel, for the initiator the responder's
     * first MESSAGE. Starts the replay window with its number (SPEC.md section 6.4), checks the
     * first-packet rules (NEG-VER-4, NEG-IPROC-3, NEG-INITIATE-6) and processes it like any packet.
     * A responder then sends its first MESSAGE at once (NEG-RPROC-5).
     *
     * <p>A packet whose header number does not match is dropped and leaves the channel
     * {@link ChannelState#NEW}, so that the negotiation can offer another one.
     *
     * @param packetNumber the nonce counter of the box that carried it
     * @param plaintext the message plaintext, its readable bytes; borrowed for the call
     * @return what happened to the packet
     * @throws IllegalStateException if a first packet was already accepted
     * @throws IllegalArgumentException if the plaintext's length breaks the M rule (the negotiation checks it)
     */
    public ReceiveResult acceptFirstPacket(long packetNumber, ByteBuf plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (state != ChannelState.NEW) {
            throw new IllegalStateException("the first packet was already accepted; the channel is " + state);
        }
        int length = plaintext.readableBytes();
        int maxLength = role == Role.RESPONDER ? WireLimits.MAX_INITIATE_PLAINTEXT : WireLimits.MAX_PLAINTEXT;
        if (length < WireLimits.MIN_PLAINTEXT || length > maxLength || length % WireLimits.PLAINTEXT_BLOCK != 0) {
            throw new IllegalArgumentException("plaintext: " + length + " bytes; M must be a multiple of 16 in [16, "
                    + maxLength + "]");
        }
        enterReceive();
        try {
            long now = env.clock().nanoTime();
            PacketKind kind = role == Role.RESPONDER ? PacketKind.FIRST_INITIATE : PacketKind.FIRST_MESSAGE;
            int datagramLength = length
                    + (role == Role.RESPONDER ? WireLimits.INITIATE_OVERHEAD : WireLimits.MESSAGE_OVERHEAD);
            DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(plaintext.duplicate());
            if (header.isOk() && !header.value().matchesCounter(packetNumber)) {
                // SPEC CHN-HDR-5: the header's packet number must equal the low bits of the counter
                return drop(DropReason.PACKET_NUMBER_MISMATCH);
            }
            establish(now);
            if (!header.isOk()) {
                replay.accept(packetNumber);
                acks.record(packetNumber, false, now, maxAckDelayNanos);
                return closeForVerdict(header.dropReason(), header.detail(), now);
            }
            if (!header.value().hasVersion()) {
                replay.accept(packetNumber);
                acks.record(packetNumber, false, now, maxAckDelayNanos);
                // SPEC NEG-VER-4: the first packet accepted on a channel must carry the version field
                closeLocally(ErrorCode.PROTOCOL_VIOLATION.code(), "NEG-VER-4: the first packet has no version field",
                        now);
                return ReceiveResult.CLOSED_BY_RULE;
            }
            ReceiveResult result = processAuthenticated(packetNumber, plaintext, kind, datagramLength, now);
            if (role == Role.RESPONDER && state == ChannelState.ESTABLISHED && packetsSent == 0) {
                // SPEC NEG-RPROC-5: the responder's first MESSAGE goes at once, SETTINGS first, with an ACK
                sendControlPacket(now);
            }
            return result;
        } finally {
            receiving = false;
        }
    }

    /**
     * Processes a MESSAGE whose short-term key selected this channel (SPEC.md section 6.1, steps 1
     * and 3 to 8; the host did step 2).
     *
     * @param datagram the whole UDP payload, its readable bytes; borrowed for the call and decrypted in place
     * @return what happened to it; never throws on bad input
     * @throws IllegalStateException before the first packet, or when called from within a listener callback
     */
    public ReceiveResult onMessage(ByteBuf datagram) {
        return onMessage(datagram, null);
    }

    /**
     * Processes a MESSAGE that arrived from {@code source}: as {@link #onMessage(ByteBuf)}, and a
     * source other than the peer's current address starts its validation (SPEC.md section 6.10).
     *
     * @param source where the datagram came from; null for the peer's current address
     */
    public ReceiveResult onMessage(ByteBuf datagram, InetSocketAddress source) {
        Objects.requireNonNull(datagram, "datagram");
        packetSource = source;
        try {
            return receive(datagram, false);
        } finally {
            packetSource = null;
        }
    }

    /**
     * Processes an INITIATE whose {@code I'} selects this live channel: steps R1 to R4 of SPEC.md
     * section 5.5 (the host did steps 1 and 2), then answers with an ACK-bearing MESSAGE so that a
     * lost first MESSAGE is repaired. Responder only.
     *
     * @param datagram the whole UDP payload, its readable bytes; borrowed and decrypted in place
     * @return what happened to it; never throws on bad input
     * @throws IllegalStateException on an initiator's channel, before the first packet, or re-entrantly
     */
    public ReceiveResult onInitiateRetransmission(ByteBuf datagram) {
        Objects.requireNonNull(datagram, "datagram");
        if (role != Role.RESPONDER) {
            throw new IllegalStateException("only a responder receives INITIATEs; this channel is the initiator");
        }
        return receive(datagram, true);
    }

    /**
     * The steps a MESSAGE (SPEC.md section 6.1) and a retransmitted INITIATE (steps R1 to R4 of
     * section 5.5) share: decode, select, replay check, open; then each kind's own processing.
     */
    private ReceiveResult receive(ByteBuf datagram, boolean initiate) {
        ReceiveResult early = preReceive();
        if (early != null) {
            return early;
        }
        enterReceive();
        try {
            reportEvicted();
            long now = env.clock().nanoTime();
            int datagramLength = datagram.readableBytes();
            // SPEC CHN-RECV-1 step 1, PKT-SIZE-4, PKT-SIZE-6: the length before any cryptography
            // the datagram's reader index is put back rather than decoding a duplicate: one view fewer per packet
            int datagramStart = datagram.readerIndex();
            DecodeResult<Packet> decoded;
            try {
                decoded = PacketCodec.decode(datagram);
            } finally {
                datagram.readerIndex(datagramStart);
            }
            if (!decoded.isOk()) {
                return drop(decoded.dropReason());
            }
            ByteBuf senderKey;
            long packetNumber;
            ByteBuf box;
            if (!initiate && decoded.value() instanceof MessagePacket message) {
                senderKey = message.senderShortTermPk();
                packetNumber = message.nonceCounter();
                box = message.box();
            } else if (initiate && decoded.value() instanceof InitiatePacket packet) {
                senderKey = packet.initiatorShortTermPk();
                packetNumber = packet.nonceCounter();
                box = packet.box();
            } else {
                // only one kind is routed to each entry point; any other kind is, for it, an unknown magic
                return drop(DropReason.UNKNOWN_MAGIC);
            }
            if (!senderKey.equals(peerShortTermBytes)) {
                // SPEC PKT-DEMUX-3: the key at offset 8 selects the channel; it does not select this one
                return drop(DropReason.UNKNOWN_CHANNEL);
            }
            // SPEC CHN-REPLAY-2, NEG-RPROC-3 step R1: a replayed or too-old number is dropped before the box is opened
            if (!replay.isAcceptable(packetNumber)) {
                return drop(DropReason.PACKET_REPLAYED);
            }
            // SPEC CHN-RECV-1 step 4: open with the channel's key and the peer's prefix;
            // SPEC NEG-RPROC-3 step R2: for an INITIATE, the channel's key K and the prefix cUVVYcp-CLIENT-i
            if (!(initiate ? boxes.openInitiate(packetNumber, box) : boxes.openMessage(packetNumber, box))) {
                if (env.protocolBugs().has(ProtocolBug.ACK_DROPPED_PACKET)) {
                    // PROTOCOL BUG ACK_DROPPED_PACKET: a packet dropped at step 4 is acknowledged (CHN-RECV-2)
                    acks.record(packetNumber, true, now, maxAckDelayNanos);
                }
                return drop(DropReason.BOX_OPEN_FAILED);
            }
            if (initiate) {
                return processRetransmittedInitiate(packetNumber, box, datagramLength, now);
            }
            ByteBuf plaintext = box.slice(box.readerIndex() + MessagePacket.BOX_OVERHEAD,
                    box.readableBytes() - MessagePacket.BOX_OVERHEAD);
            return processAuthenticated(packetNumber, plaintext, PacketKind.MESSAGE, datagramLength, now);
        } finally {
            receiving = false;
        }
    }

    /** Steps R3 and R4 of SPEC.md section 5.5, then the ACK-bearing answer, for an opened INITIATE box. */
    private ReceiveResult processRetransmittedInitiate(long packetNumber, ByteBuf box, int datagramLength, long now) {
        int plaintextStart = box.readerIndex() + InitiatePacket.BOX_OVERHEAD - InitiateBoxPlaintext.OVERHEAD;
        // SPEC NEG-RPROC-3 step R3: the I in the plaintext must be the channel's peer identity
        if (!box.slice(plaintextStart, 32).equals(peerLongTermBytes)) {
            return drop(DropReason.VOUCH_INVALID);
        }
        int messageStart = plaintextStart + InitiateBoxPlaintext.OVERHEAD;
        ByteBuf message = box.slice(messageStart, box.writerIndex() - messageStart);
        // SPEC NEG-RPROC-3 step R4: process the message as a packet of the channel
        ReceiveResult result = processAuthenticated(packetNumber, message, PacketKind.INITIATE_RETRANSMISSION,
                datagramLength, now);
        if (result == ReceiveResult.ACCEPTED && state == ChannelState.ESTABLISHED && acks.hasUnreported()) {
            sendControlPacket(now);
        }
        return result;
    }

    private ReceiveResult preReceive() {
        switch (state) {
            case NEW:
                throw new IllegalStateException("the channel has not accepted its first packet yet");
            case DRAINING:
                // SPEC CHN-CLOSE-3: a draining endpoint sends nothing
                // SPEC-GAP: whether it still opens and counts packets is not said; it ignores them unopened
                return ReceiveResult.IGNORED;
            case CLOSED:
                // SPEC CHN-CLOSE-4: packets after the channel is discarded are UNKNOWN_CHANNEL
                return drop(DropReason.UNKNOWN_CHANNEL);
            default:
                return null;
        }
    }

    private void enterReceive() {
        if (receiving) {
            throw new IllegalStateException("a packet is already being processed: re-entrant receive from a callback");
        }
        receiving = true;
    }

    /** Steps 5 to 8 of SPEC.md section 6.1 for a plaintext whose box opened. */
    private ReceiveResult processAuthenticated(long packetNumber, ByteBuf plaintext, PacketKind kind,
            int datagramLength, long now) {
        int plaintextStart = plaintext.readerIndex();
        try {
            return processPlaintext(packetNumber, plaintext, kind, datagramLength, now);
        } finally {
            // the frames are views of a borrowed datagram
            received.clear();
            plaintext.readerIndex(plaintextStart);
        }
    }

    private ReceiveResult processPlaintext(long packetNumber, ByteBuf plaintext, PacketKind kind,
            int datagramLength, long now) {
        // SPEC CHN-RECV-1 step 5, CHN-HDR-1: the header is checked first
        // (the reader index is put back, here and by processAuthenticated, rather than reading duplicates)
        int plaintextStart = plaintext.readerIndex();
        DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(plaintext);
        plaintext.readerIndex(plaintextStart);
        if (!header.isOk()) {
            return closeForVerdict(header.dropReason(), header.detail(), now);
        }
        // SPEC CHN-HDR-5: the header's packet number must equal the low bits of the counter
        if (!header.value().matchesCounter(packetNumber)) {
            return drop(DropReason.PACKET_NUMBER_MISMATCH);
        }
        // SPEC CHN-PATH-2: only the highest-numbered packet so far moves the path
        boolean highest = replay.isEmpty() || Long.compareUnsigned(packetNumber, replay.highest()) > 0;
        // SPEC CHN-REPLAY-3: recorded only now that the box opened and the number matched
        replay.accept(packetNumber);
        if (kind == PacketKind.MESSAGE && state == ChannelState.ESTABLISHED) {
            path.onAuthenticated(packetSource, datagramLength, highest, now, pto());
        }
        packetsReceived++;
        bytesReceived += datagramLength;
        // SPEC CHN-IDLE-2: the idle timer restarts when a packet is accepted
        lastActivityAt = now;
        ackElicitingSentSinceActivity = false;
        received.clear();
        DecodeResult<PacketHeader> read = reader.read(plaintext, collector);
        if (!read.isOk()) {
            if (read.dropReason() == DropReason.UNKNOWN_FRAME_TYPE
                    && env.protocolBugs().has(ProtocolBug.UNKNOWN_FRAME_CRASHES)) {
                throw new ProtocolBugCrash(ProtocolBug.UNKNOWN_FRAME_CRASHES); // PROTOCOL BUG UNKNOWN_FRAME_CRASHES
            }
            if (read.dropReason() == DropReason.STREAM_EMPTY_WITHOUT_FIN
                    && env.protocolBugs().has(ProtocolBug.EMPTY_STREAM_FRAME_HANGS)) {
                ProtocolBugs.stall(); // PROTOCOL BUG EMPTY_STREAM_FRAME_HANGS
            }
            acks.record(packetNumber, false, now, maxAckDelayNanos);
            return closeForVerdict(read.dropReason(), read.detail(), now);
        }
        boolean ackEliciting = false;
        boolean hasClose = false;
        for (int i = 0; i < received.size(); i++) {
            ackEliciting |= FrameRules.isAckEliciting(received.get(i));
            hasClose |= received.get(i) instanceof CloseFrame;
        }
        acks.record(packetNumber, ackEliciting, now, maxAckDelayNanos);
        if (state == ChannelState.CLOSING) {
            if (hasClose) {
                enterDraining(now);
            } else {
                answerWhileClosing(now);
            }
            return ReceiveResult.ACCEPTED;
        }
        String problem = InboundRules.problem(received, kind, peerSettingsEncoding, sent);
        if (problem != null) {
            closeLocally(ErrorCode.PROTOCOL_VIOLATION.code(), fitLocalReason(problem), now);
            return ReceiveResult.CLOSED_BY_RULE;
        }
        dispatch(packetNumber, now);
        answerPathChallenges(now);
        maybeChallengePath(now);
        if (state == ChannelState.ESTABLISHED && acks.isImmediate()) {
            sendControlPacket(now);
        }
        return ReceiveResult.ACCEPTED;
    }

    /** Acts on the frames of a checked packet, in order (FRM-GEN-6). */
    private void dispatch(long packetNumber, long now) {
        forListener.clear();
        CloseFrame close = null;
        for (int i = 0; i < received.size(); i++) {
            Frame frame = received.get(i);
            if (!forListener.isEmpty() && FrameRules.isChannelFrame(frame.type()) && !handOver(packetNumber)) {
                // SPEC FRM-GEN-6: the listener found a fault in an earlier frame; nothing later is acted on
                return;
            }
            switch (frame.type()) {
                case SETTINGS:
                    onSettings((SettingsFrame) frame);
                    break;
                case ACK:
                    onAck((AckFrame) frame, now);
                    break;
                case CLOSE:
                    close = (CloseFrame) frame;
                    // SPEC FRM-CLOSE-4: the final ACK is processed as an ACK before draining
                    onAck(close.finalAck(), now);
                    break;
                case EMPTY:
                case PADDING:
                case PING:
                    // SPEC FRM-PING-1: PING makes the packet ack-eliciting and has no other effect
                    break;
                case PATH_CHALLENGE:
                    // SPEC FRM-PATH-1, FRM-PATH-3: one PATH_RESPONSE per challenge, sent after this packet
                    pathResponses.add(new PathResponseFrame(((PathChallengeFrame) frame).data()));
                    break;
                case PATH_RESPONSE:
                    onPathResponse((PathResponseFrame) frame, now);
                    break;
                default:
                    forListener.add(frame);
                    break;
            }
        }
        if (!forListener.isEmpty() && !handOver(packetNumber)) {
            return;
        }
        if (close != null && state == ChannelState.ESTABLISHED) {
            closeErrorCode = close.errorCode();
            closeReason = close.reason();
            enterDraining(now);
        }
    }

    /**
     * Hands the frames collected for the listener over, in packet order, before the channel acts on a
     * frame of its own that follows them; false when the listener found a fault in one of them.
     */
    private boolean handOver(long packetNumber) {
        if (state == ChannelState.ESTABLISHED) {
            listener.onFrames(packetNumber, forListenerView);
        }
        forListener.clear();
        return !listener.hasFault();
    }

    /** SPEC FRM-PATH-1: the responses go in the next packet, to the address the challenges came from. */
    private void answerPathChallenges(long now) {
        if (pathResponses.isEmpty()) {
            return;
        }
        if (state == ChannelState.ESTABLISHED) {
            InetSocketAddress to = packetSource != null ? packetSource : path.current();
            emitTo(to, pathResponses, true, now);
        }
        pathResponses.clear();
    }

    /** SPEC CHN-PATH-2, CHN-PATH-7: a challenge to the address being validated, within its budget (CHN-PATH-3). */
    private void maybeChallengePath(long now) {
        if (state == ChannelState.ESTABLISHED && path.challengeDue()
                && path.mayReachCandidate(WireLimits.MESSAGE_OVERHEAD + WireLimits.PLAINTEXT_BLOCK * 2)) {
            InetSocketAddress to = path.candidate();
            emitTo(to, List.of(path.newChallenge(now, pto())), false, now);
        }
    }

    private void onPathResponse(PathResponseFrame response, long now) {
        InetSocketAddress before = path.current();
        // SPEC FRM-PATH-2: a response that matches no outstanding challenge is ignored
        if (path.onResponse(response.data()) && PathValidator.hostChanged(before, path.current())) {
            // SPEC CHN-PATH-5: a new network path starts with fresh congestion and RTT state
            long inFlight = congestion.bytesInFlight();
            congestion = config.congestionControl().create();
            if (inFlight > 0) {
                congestion.onPacketSent(now, (int) Math.min(inFlight, Integer.MAX_VALUE));
            }
            rtt = new RttEstimator(config.initialRtt().toNanos());
        }
    }

    private void onSettings(SettingsFrame settings) {
        if (peerSettingsEncoding != null) {
            // SPEC FRM-SET-8: a byte-for-byte repetition of the first SETTINGS is ignored
            return;
        }
        peerSettingsEncoding = InboundRules.encode(settings);
        peerSettings = PeerSettings.from(settings);
        listener.onPeerSettings(peerSettings);
    }

    private void onAck(AckFrame ack, long now) {
        newlyAcked.clear();
        AckedSegments segments = AckedSegments.of(ack);
        AckedPackets acked = sent.apply(ack, segments, newlyAcked);
        // SPEC NEG-VER-1: the version field is sent until a packet carrying it is acknowledged
        versionAcknowledged |= acked.versionAcknowledged();
        // SPEC FRM-SET-1: SETTINGS is repeated until a packet carrying it is acknowledged
        settingsAcknowledged |= acked.settingsAcknowledged();
        if (acked.ackAcknowledged()) {
            acks.forgetBelow(acked.highestAckLargestObserved());
        }
        SentPacket largest = acked.largest();
        if (largest != null && largest.ackEliciting()) {
            // SPEC CHN-RTT-1: a sample when largest_observed is newly acknowledged and was ack-eliciting,
            // less min(ack_delay_us, the peer's max_ack_delay)
            long ackDelay = Math.min(TimeUnit.MICROSECONDS.toNanos(ack.ackDelayUs()), peerMaxAckDelayNanos());
            if (!rtt.hasSamples()) {
                firstRttSampleAt = now;
            }
            rtt.onSample(now - largest.sentAtNanos(), ackDelay);
        }
        if (segments.count() > 0 && (!anyAcked || Long.compareUnsigned(ack.largestObserved(), largestAcked) > 0)) {
            anyAcked = true;
            largestAcked = ack.largestObserved();
        }
        if (newlyAcked.count() == 0) {
            return;
        }
        // RFC 9002 B.4 OnAckReceived: losses first, then the acknowledged packets, then the PTO backoff resets
        detectAndRemoveLost(now);
        for (int i = 0; i < newlyAcked.count(); i++) {
            if (newlyAcked.inFlight(i)) {
                congestion.onPacketAcked(newlyAcked.sentAt(i), newlyAcked.size(i), now, rtt);
            }
            if (newlyAcked.inFlight(i) || newlyAcked.reportable(i)) {
                fates.record(false);
            }
            if (newlyAcked.reportable(i)) {
                // SPEC CHN-ACK-9: newly acknowledged; reported once (the packet left the log)
                listener.onPacketAcked(newlyAcked.number(i));
            }
        }
        newlyAcked.clear();
        // SPEC CHN-LOSS-3: an acknowledgement resets the doubling
        ptoCount = 0;
    }

    // ---------------------------------------------------------------- loss detection

    /** RFC 9002 B.10 DetectAndRemoveLostPackets, then OnPacketsLost (B.8). */
    private void detectAndRemoveLost(long now) {
        lossTime = SentPacketLog.NO_LOSS_TIME;
        if (!anyAcked) {
            return;
        }
        long lossDelay = rtt.lossDelayNanos();
        // RFC 9002 7.6.1: (smoothed_rtt + max(4 · rttvar, kGranularity) + max_ack_delay) · kPersistentCongestionThreshold
        long persistentDuration = rtt.hasSamples()
                ? pto() * CongestionController.PERSISTENT_CONGESTION_THRESHOLD : Long.MAX_VALUE;
        newlyLost.clear();
        lossTime = sent.detectLost(largestAcked, now - lossDelay, lossDelay, persistentDuration, firstRttSampleAt,
                newlyLost);
        boolean anyInFlight = false;
        long newestLostSentAt = 0;
        for (int i = 0; i < newlyLost.count(); i++) {
            if (newlyLost.inFlight(i) || newlyLost.reportable(i)) {
                // counted: the packets that carry something (not ACK-only packets, nor INITIATEs)
                packetsLost++;
                fates.record(true);
            }
            if (newlyLost.inFlight(i)) {
                congestion.onPacketLost(newlyLost.sentAt(i), newlyLost.size(i));
                if (!anyInFlight || newlyLost.sentAt(i) - newestLostSentAt > 0) {
                    newestLostSentAt = newlyLost.sentAt(i);
                }
                anyInFlight = true;
            }
        }
        if (anyInFlight) {
            // SPEC CHN-CC-2: every algorithm reduces its rate on loss
            congestion.onCongestionEvent(newestLostSentAt, now);
            if (newlyLost.persistentCongestion) {
                congestion.onPersistentCongestion(now);
            }
        }
        if (state == ChannelState.ESTABLISHED) {
            for (int i = 0; i < newlyLost.count(); i++) {
                if (newlyLost.reportable(i)) {
                    listener.onPacketLost(newlyLost.number(i));
                }
            }
        }
        newlyLost.clear();
    }

    /** Takes packets the sent log forgot out of the flight; their loss reports wait for {@link #reportEvicted}. */
    private void accountEvicted(long now) {
        if (evictedAccounted == evicted.count()) {
            return;
        }
        if (evictedAccounted == 0) {
            evictedAt = now;
        }
        for (int i = evictedAccounted; i < evicted.count(); i++) {
            if (evicted.inFlight(i)) {
                congestion.onPacketDiscarded(evicted.size(i));
            }
        }
        evictedAccounted = evicted.count();
    }

    /**
     * Reports the packets the sent log forgot as lost: their frames must be retransmitted, since
     * their acknowledgement can no longer be recognised. Deferred from {@code send} to the next
     * receive or timeout, where the listener expects such reports.
     */
    private void reportEvicted() {
        if (evicted.count() == 0) {
            return;
        }
        accountEvicted(env.clock().nanoTime());
        if (state == ChannelState.ESTABLISHED) {
            for (int i = 0; i < evicted.count(); i++) {
                if (evicted.reportable(i)) {
                    listener.onPacketLost(evicted.number(i));
                }
            }
        }
        evicted.clear();
        evictedAccounted = 0;
    }

    /**
     * RFC 9002 B.8 SetLossDetectionTimer: the loss time when one is set, else the PTO after the last
     * ack-eliciting packet while any is in flight (CHN-LOSS-3), else none.
     *
     * <p>SPEC-GAP: RFC 9002 arms the PTO only for ack-eliciting packets, but CHN-CC-3 also counts
     * packets whose only frames are NOACK STREAM and PADDING, which no receiver acknowledges on
     * their own (CHN-ACK-4): a window filled with them would never open again. While only such
     * packets are in flight the PTO runs from the last of them, and its PING elicits the ACK.
     */
    private long lossDetectionDeadline() {
        if (lossTime != SentPacketLog.NO_LOSS_TIME) {
            return lossTime;
        }
        if (sent.ackElicitingInFlight() > 0) {
            return saturatedAdd(lastAckElicitingSentAt, ptoWithBackoff());
        }
        if (sent.inFlightCount() > 0) {
            return saturatedAdd(lastInFlightSentAt, ptoWithBackoff());
        }
        return NO_TIMEOUT;
    }

    /** SPEC CHN-LOSS-3: PTO doubled for each consecutive expiry without an acknowledgement. */
    private long ptoWithBackoff() {
        long pto = pto();
        int shift = Math.min(ptoCount, 30);
        return pto > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE / 4 : pto << shift;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE - 1 : sum;
    }

    /** RFC 9002 B.9 OnLossDetectionTimeout. */
    private void onLossDetectionTimeout(long now) {
        if (lossTime != SentPacketLog.NO_LOSS_TIME) {
            if (now - lossTime >= 0) {
                detectAndRemoveLost(now);
            }
            return;
        }
        if (sent.inFlightCount() > 0 && now - lossDetectionDeadline() >= 0) {
            probe(now);
        }
    }

    /**
     * SPEC CHN-LOSS-4: one ack-eliciting probe on the first expiry, two on each later one; the
     * listener may send them with data, and the channel sends PING for the rest. Probes bypass the
     * congestion window (CHN-CC-3) and pacing.
     */
    private void probe(long now) {
        ptoCount++;
        int count = ptoCount == 1 ? 1 : 2;
        probesAllowed = count;
        probesSent = 0;
        try {
            listener.onProbe(count);
        } finally {
            probesAllowed = 0;
        }
        for (int i = probesSent; i < count && state == ChannelState.ESTABLISHED; i++) {
            emit(List.of(PingFrame.INSTANCE), acks.hasUnreported(), false, now, false);
        }
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends the frames in one MESSAGE, after this end's SETTINGS while no packet carrying it has been
     * acknowledged (FRM-SET-1) and with an ACK when something is unreported, padded to a multiple of
     * 16 (CHN-PLAIN-1, CHN-PLAIN-3).
     *
     * @param frames the frames; SETTINGS, ACK and CLOSE are the channel's own and are refused, and a
     *     STREAM frame without a length field must be last
     * @return the packet number used
     * @throws IllegalArgumentException if the frames are refused or need more than {@link #maxFramesLength()} bytes
     * @throws IllegalStateException if the channel is not established (or its nonce counter ran out)
     */
    public long send(List<? extends Frame> frames) {
        Objects.requireNonNull(frames, "frames");
        requireEstablished();
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames: empty; send at least one frame (ping() sends PING)");
        }
        int length = 0;
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            if (frame == null) {
                // the message is built only on failure: send() is on the per-packet path
                throw new NullPointerException("frames[" + i + "]");
            }
            switch (frame.type()) {
                case SETTINGS:
                case ACK:
                case CLOSE:
                    throw new IllegalArgumentException("frames[" + i + "]: " + frame.type()
                            + " is managed by the channel (SETTINGS and ACK are added as needed; use close())");
                default:
                    break;
            }
            if (i < frames.size() - 1 && frame instanceof StreamFrame stream && !stream.explicitLength()) {
                throw new IllegalArgumentException("frames[" + i + "]: a STREAM frame without a length field must be"
                        + " the last frame (FRM-GEN-1)");
            }
            length += FrameCodec.encodedLength(frame);
        }
        int room = maxFramesLength();
        if (length > room) {
            throw new IllegalArgumentException("frames: " + length + " bytes do not fit the " + room
                    + " bytes a packet has for them (the peer's MAX_PLAINTEXT is " + peerSettings.maxPlaintext() + ")");
        }
        long now = env.clock().nanoTime();
        long packetNumber = emit(frames, acks.hasUnreported(), false, now, true);
        if (state == ChannelState.CLOSED) {
            throw new IllegalStateException("the nonce counter is exhausted; the channel was discarded (CRY-CTR-5)");
        }
        return packetNumber;
    }

    /**
     * Sends a PING, an ack-eliciting keepalive (FRM-PING-1).
     *
     * @return the packet number used
     */
    public long ping() {
        return send(List.of(PingFrame.INSTANCE));
    }

    /**
     * How many bytes of frames the next packet can carry: the largest plaintext the peer accepts
     * (PKT-SIZE-9), less the header and the SETTINGS frame while it must be repeated.
     */
    public int maxFramesLength() {
        return sendMaxPlaintext() - headerLength() - (settingsAcknowledged ? 0 : localSettingsLength);
    }

    private int headerLength() {
        return versionAcknowledged ? WireLimits.MIN_HEADER_LENGTH : WireLimits.MIN_HEADER_LENGTH + 2;
    }

    private int sendMaxPlaintext() {
        if (env.protocolBugs().has(ProtocolBug.IGNORE_PEER_MAX_PLAINTEXT)) {
            // PROTOCOL BUG IGNORE_PEER_MAX_PLAINTEXT: the peer's MAX_PLAINTEXT is ignored (PKT-SIZE-9)
            return WireLimits.MAX_PLAINTEXT;
        }
        // SPEC PKT-SIZE-9: M never exceeds the peer's MAX_PLAINTEXT rounded down to a multiple of 16
        long peerMax = peerSettings.maxPlaintext() / WireLimits.PLAINTEXT_BLOCK * WireLimits.PLAINTEXT_BLOCK;
        return (int) Math.min(peerMax, WireLimits.MAX_PLAINTEXT);
    }

    /** A packet of SETTINGS (while unacknowledged) and ACK only: the delayed or immediate ACK. */
    private void sendControlPacket(long now) {
        emit(List.of(), true, false, now, false);
    }

    private void sendClosePacket(long now) {
        emit(List.of(), true, true, now, false);
        lastCloseSentAt = now;
    }

    /**
     * Builds, seals and hands over one MESSAGE. The frames are already checked to fit.
     *
     * @param reportable whether the listener hears of the packet's fate (packets of {@link #send})
     * @return the packet number, or whatever when the counter ran out and the channel was discarded
     */
    private long emit(List<? extends Frame> frames, boolean withAck, boolean withClose, long now,
            boolean reportable) {
        return emit(frames, withAck, withClose, now, reportable, null);
    }

    /** A packet of {@code frames} (and an ACK when asked) to {@code to}, whatever the path would choose. */
    private void emitTo(InetSocketAddress to, List<? extends Frame> frames, boolean withAck, long now) {
        emit(frames, withAck, false, now, false, to);
    }

    private long emit(List<? extends Frame> frames, boolean withAck, boolean withClose, long now,
            boolean reportable, InetSocketAddress forcedDestination) {
        // SPEC NEG-VER-1: the version field until a packet carrying it has been acknowledged
        // PROTOCOL BUG NO_VERSION_FIELD: the version field is never sent
        boolean withVersion = !versionAcknowledged && !env.protocolBugs().has(ProtocolBug.NO_VERSION_FIELD);
        // SPEC FRM-SET-1: SETTINGS as the first frame of every packet until one carrying it is acknowledged
        boolean withSettings = !settingsAcknowledged;
        int room = sendMaxPlaintext() - headerLength() - (withSettings ? localSettingsLength : 0);
        for (int i = 0; i < frames.size(); i++) {
            room -= FrameCodec.encodedLength(frames.get(i));
        }
        if (withClose) {
            room -= CLOSE_FIXED_LENGTH + closeReason.getBytes(StandardCharsets.UTF_8).length;
        }
        AckFrame ack = null;
        if ((withAck || withClose) && acks.hasReceived() && room >= AckFrame.BASE_LENGTH) {
            ack = acks.build(now, (room - AckFrame.BASE_LENGTH) / NackRange.LENGTH);
            if (env.protocolBugs().has(ProtocolBug.ACK_UNRECEIVED)) {
                // PROTOCOL BUG ACK_UNRECEIVED: no NACK range, so missing packets are acknowledged (CHN-ACK-5)
                ack = AckFrame.of(ack.leastUnacked(), ack.largestObserved(), ack.ackDelayUs(), List.of());
            }
        }
        outgoing.clear();
        if (withSettings) {
            outgoing.add(localSettings);
        }
        if (ack != null && !withClose) {
            outgoing.add(ack);
        }
        // not addAll: it copies the list into a new array on every packet
        for (int i = 0; i < frames.size(); i++) {
            outgoing.add(frames.get(i));
        }
        if (withClose) {
            // SPEC FRM-CLOSE-1: CLOSE is the last frame; it embeds the final ACK
            outgoing.add(new CloseFrame(closeErrorCode, closeReason, ack));
            if (env.protocolBugs().has(ProtocolBug.CLOSE_NOT_LAST)) {
                // PROTOCOL BUG CLOSE_NOT_LAST: a frame after CLOSE (FRM-CLOSE-1)
                outgoing.add(PingFrame.INSTANCE);
            }
        }
        long packetNumber;
        try {
            maybeSkipPacketNumber();
            // SPEC CHN-SEND-1, CRY-CTR-2, CRY-CTR-3: the next value of this end's counter, never reused
            packetNumber = negotiated.sendCounter().next();
        } catch (NonceCounterExhaustedException e) {
            // SPEC CRY-CTR-5: an exhausted counter discards the channel without sending on it again
            closeErrorCode = ErrorCode.INTERNAL_ERROR.code();
            reportClosed(CloseOrigin.COUNTER_EXHAUSTED, "nonce counter exhausted");
            discard();
            return 0;
        }
        boolean ackEliciting = false;
        for (int i = 0; i < outgoing.size(); i++) {
            ackEliciting |= FrameRules.isAckEliciting(outgoing.get(i));
        }
        // SPEC CHN-HDR-6: the 2-byte packet-number field; the full number travels in the nonce
        // SPEC-GAP: no rule ties the width to the largest acknowledged number (as QUIC's does): the
        // receiver compares the field with the nonce counter, so 2 bytes always suffice
        long wireNumber = packetNumber;
        if (packetsSent == 3 && env.protocolBugs().has(ProtocolBug.REUSE_NONCE)) {
            // PROTOCOL BUG REUSE_NONCE: the fourth packet goes under the third one's counter (CRY-CTR-3)
            wireNumber = lastPacketNumber;
        }
        lastPacketNumber = packetNumber;
        ByteBuf datagram = writer.write(wireNumber, PacketHeader.of(wireNumber, withVersion), outgoing);
        int size = datagram.readableBytes();
        boxes.sealMessage(wireNumber, datagram, MessageWriter.BOX_OFFSET, size - WireLimits.MESSAGE_OVERHEAD);
        outgoing.clear();
        // SPEC CHN-CC-3: packets with an ack-eliciting or a PADDING frame count in bytes in flight
        boolean inFlight = ackEliciting || writer.wrotePaddingFrame();
        sent.onSent(packetNumber, now, size, ackEliciting, withVersion, withSettings, ack != null,
                ack != null ? ack.largestObserved() : 0, inFlight, reportable);
        if (inFlight) {
            lastInFlightSentAt = now;
            congestion.onPacketSent(now, size);
            if (pacer != null) {
                pacer.onPacketSent(now, size, congestion.window(), rtt.smoothedNanos());
            }
            if (probesAllowed > 0 && reportable && ackEliciting) {
                probesSent++;
            }
        }
        accountEvicted(now);
        if (ack != null) {
            acks.onAckSent();
        }
        packetsSent++;
        bytesSent += size;
        if (ackEliciting) {
            // SPEC CHN-IDLE-2: restart on sending an ack-eliciting packet, if none was sent since the last accepted one
            if (!ackElicitingSentSinceActivity) {
                lastActivityAt = now;
                ackElicitingSentSinceActivity = true;
            }
            lastAckElicitingSentAt = now;
        }
        InetSocketAddress destination;
        if (forcedDestination == null) {
            // SPEC CHN-PATH-3: an unvalidated address gets at most three times what came from it
            destination = path.destinationFor(size);
        } else {
            destination = forcedDestination;
            if (forcedDestination.equals(path.candidate())) {
                path.onSentToCandidate(size);
            }
        }
        env.sink().send(datagram, destination);
        if (!rekeyDue && Long.compareUnsigned(packetNumber, COUNTER_REKEY_THRESHOLD) >= 0) {
            // SPEC CHN-REKEY-1, CHN-REKEY-2: a counter at 2^63 calls for a replacement channel
            rekeyDue = true;
            listener.onRekeyDue(RekeyReason.COUNTER);
        }
        return packetNumber;
    }

    private void maybeSkipPacketNumber() {
        int period = config.packetNumberSkipPeriod();
        // SPEC CHN-ACK-12: skip, at random points, on average one packet number per period
        if (period > 0 && env.random().nextInt(period) == 0) {
            sent.onSkipped(negotiated.sendCounter().next());
        }
    }

    // ---------------------------------------------------------------- closing

    /**
     * Closes the channel with CLOSE (SPEC.md section 6.8): sends a packet whose last frame is CLOSE
     * with a complete ACK and enters the closing state for 3 · PTO. Does nothing if the channel is
     * already closing, draining or closed.
     *
     * @param errorCode the error; IDLE_TIMEOUT is never sent (section 11)
     * @param reason a reason text for the peer, possibly empty
     * @throws IllegalArgumentException if the reason does not fit in the packet
     * @throws IllegalStateException before the first packet
     */
    public void close(ErrorCode errorCode, String reason) {
        Objects.requireNonNull(errorCode, "errorCode");
        if (errorCode == ErrorCode.IDLE_TIMEOUT) {
            throw new IllegalArgumentException("errorCode: IDLE_TIMEOUT is only reported, never sent");
        }
        close(errorCode.code(), reason);
    }

    /**
     * Closes the channel with an application error code (FRM-ERR-2).
     *
     * @param applicationErrorCode a code from 0x10000 to 0xFFFFFFFF
     * @param reason a reason text for the peer, possibly empty
     * @throws IllegalArgumentException if the code is not an application code or the reason does not fit
     */
    public void closeWithApplicationError(long applicationErrorCode, String reason) {
        // SPEC FRM-ERR-1, FRM-ERR-2: applications use 0x10000 and up; 0x10 to 0xFFFF are reserved
        if (applicationErrorCode < ErrorCode.FIRST_APPLICATION || applicationErrorCode > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("applicationErrorCode must be in [0x10000, 0xFFFFFFFF], got 0x"
                    + Long.toHexString(applicationErrorCode));
        }
        close(applicationErrorCode, reason);
    }

    private void close(long errorCode, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (state == ChannelState.NEW) {
            throw new IllegalStateException("the channel has not accepted its first packet yet");
        }
        if (state != ChannelState.ESTABLISHED) {
            return;
        }
        int room = closeReasonRoom();
        int length = reason.getBytes(StandardCharsets.UTF_8).length;
        if (length > room) {
            throw new IllegalArgumentException("reason: " + length + " bytes of UTF-8; at most " + room + " fit");
        }
        // checks that the reason encodes (PKT-ENC-2) before anything changes
        new CloseFrame(errorCode, reason, AckFrame.of(1, 0, 0, List.of()));
        closeLocally(errorCode, reason, env.clock().nanoTime());
    }

    /** The most reason bytes a CLOSE packet has room for, with a final ACK of no ranges. */
    private int closeReasonRoom() {
        return maxFramesLength() - CLOSE_FIXED_LENGTH - AckFrame.BASE_LENGTH;
    }

    private ReceiveResult closeForVerdict(DropReason reason, String detail, long now) {
        count(reason);
        if (state == ChannelState.ESTABLISHED) {
            // SPEC section 13: a plaintext verdict closes the channel with the verdict's error code
            long code = reason.errorCode().orElse(ErrorCode.PROTOCOL_VIOLATION).code();
            if (env.protocolBugs().has(ProtocolBug.WRONG_CLOSE_CODE)) {
                // PROTOCOL BUG WRONG_CLOSE_CODE: the error section 13 names is replaced (section 11)
                code = ErrorCode.PROTOCOL_VIOLATION.code();
            }
            closeLocally(code, fitLocalReason(reason + ": " + detail), now);
        }
        return ReceiveResult.closed(reason);
    }

    /** Closes with a reason that fits the CLOSE packet. */
    private void closeLocally(long errorCode, String reason, long now) {
        if (state != ChannelState.ESTABLISHED) {
            return;
        }
        closeErrorCode = errorCode;
        closeReason = reason;
        state = ChannelState.CLOSING;
        closingDeadline = now + CLOSING_PTO_MULTIPLE * pto();
        // SPEC CHN-CLOSE-1: a packet whose last frame is CLOSE, then the closing state for 3 · PTO
        sendClosePacket(now);
        if (state == ChannelState.CLOSING) {
            reportClosed(CloseOrigin.LOCAL, closeReason);
        }
    }

    /** SPEC CHN-CLOSE-2: answer an accepted packet with a new CLOSE, at most once per smoothed RTT. */
    private void answerWhileClosing(long now) {
        if (now - lastCloseSentAt >= rtt.smoothedNanos()) {
            sendClosePacket(now);
        }
    }

    private void enterDraining(long now) {
        // SPEC-GAP: section 6.8 does not say what a closing endpoint does with the peer's CLOSE; as
        // RFC 9000 section 10.2.2 allows, it stops answering and drains until its period ends
        boolean wasEstablished = state == ChannelState.ESTABLISHED;
        if (wasEstablished) {
            closingDeadline = now + CLOSING_PTO_MULTIPLE * pto();
        }
        // SPEC CHN-CLOSE-3: draining for 3 · PTO, sending nothing
        state = ChannelState.DRAINING;
        if (wasEstablished) {
            reportClosed(CloseOrigin.PEER, closeReason);
        }
    }

    private void reportClosed(CloseOrigin origin, String reason) {
        listener.onClosed(new ChannelClosure(origin, closeErrorCode, reason));
    }

    /**
     * Discards the channel at once, without waiting out the closing or draining period: its keys are
     * erased and it accepts and sends nothing more. For a host that is shutting down after
     * {@link #close}; a no-op once the channel is {@link ChannelState#CLOSED}.
     */
    public void discardNow() {
        if (state != ChannelState.CLOSED) {
            discard();
        }
    }

    /** SPEC CHN-CLOSE-4, CHN-IDLE-3: the channel is discarded and its keys erased (forward secrecy). */
    private void discard() {
        state = ChannelState.CLOSED;
        negotiated.sharedKey().destroy();
        negotiated.ownShortTerm().destroy();
        listener.onDiscarded();
    }

    /** A reason the channel writes itself, cut to fit the CLOSE packet. */
    private String fitLocalReason(String reason) {
        return fit(reason, Math.min(MAX_LOCAL_REASON, closeReasonRoom()));
    }

    private static String fit(String reason, int maxBytes) {
        if (maxBytes <= 0) {
            return "";
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return reason;
        }
        int end = reason.length();
        while (end > 0 && reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            end = reason.offsetByCodePoints(end, -1);
        }
        return reason.substring(0, end);
    }

    // ---------------------------------------------------------------- timers

    /**
     * When {@link #onTimeout(long)} should next be called, in the clock's nanoseconds, or
     * {@link #NO_TIMEOUT}. Recompute after every call into the channel.
     */
    public long nextTimeoutNanos() {
        switch (state) {
            case CLOSING:
            case DRAINING:
                return closingDeadline;
            case ESTABLISHED: {
                long next = NO_TIMEOUT;
                if (acks.isAckPending()) {
                    next = Math.min(next, acks.isImmediate() ? lastActivityAt : acks.ackDeadline());
                }
                long idle = effectiveIdleTimeoutNanos();
                if (idle > 0) {
                    next = Math.min(next, lastActivityAt + idle);
                    if (config.keepAlive()) {
                        next = Math.min(next, lastAckElicitingSentAt + idle / 2);
                    }
                }
                if (role == Role.INITIATOR && !rekeyDue) {
                    next = Math.min(next, rotationDeadline);
                }
                next = Math.min(next, lossDetectionDeadline());
                next = Math.min(next, path.nextTimeout());
                next = Math.min(next, pacingWakeup);
                if (evicted.count() > 0) {
                    next = Math.min(next, evictedAt);
                }
                return next;
            }
            default:
                return NO_TIMEOUT;
        }
    }

    /**
     * Runs the timers that have expired at {@code nowNanos}: the end of closing or draining, the idle
     * timeout, the rotation age, loss detection and the probe timeout (which may call the listener's
     * {@link ChannelListener#onProbe}), keepalive and the delayed ACK. Calling it early does nothing.
     *
     * @param nowNanos the current time of the host's clock
     */
    public void onTimeout(long nowNanos) {
        if (receiving) {
            throw new IllegalStateException("onTimeout called from within a listener callback");
        }
        switch (state) {
            case CLOSING:
            case DRAINING:
                if (nowNanos - closingDeadline >= 0) {
                    discard();
                }
                return;
            case ESTABLISHED:
                break;
            default:
                return;
        }
        long idle = effectiveIdleTimeoutNanos();
        if (idle > 0 && nowNanos - (lastActivityAt + idle) >= 0) {
            // SPEC CHN-IDLE-3: discard without sending anything, erase the keys, report IDLE_TIMEOUT
            closeErrorCode = ErrorCode.IDLE_TIMEOUT.code();
            reportClosed(CloseOrigin.IDLE, "idle timeout");
            discard();
            return;
        }
        if (role == Role.INITIATOR && !rekeyDue && nowNanos - rotationDeadline >= 0) {
            // SPEC CHN-REKEY-1: the initiator rekeys at 30 min + U(0, 5 min) of age
            rekeyDue = true;
            listener.onRekeyDue(RekeyReason.AGE);
        }
        reportEvicted();
        if (pacingWakeup != NO_TIMEOUT && nowNanos - pacingWakeup >= 0) {
            // the host flushes after every onTimeout: the caller that found pacing closed tries again now
            pacingWakeup = NO_TIMEOUT;
        }
        if (state == ChannelState.ESTABLISHED) {
            onLossDetectionTimeout(nowNanos);
        }
        if (state == ChannelState.ESTABLISHED) {
            // SPEC CHN-PATH-6, CHN-PATH-7: abandon an expired validation, or ask again once a PTO passed
            path.onTimeout(nowNanos);
            maybeChallengePath(nowNanos);
        }
        if (state == ChannelState.ESTABLISHED && config.keepAlive() && idle > 0
                && nowNanos - (lastAckElicitingSentAt + idle / 2) >= 0) {
            // SPEC CHN-IDLE-4: PING after half the effective idle timeout without an ack-eliciting packet
            emit(List.of(PingFrame.INSTANCE), acks.hasUnreported(), false, nowNanos, false);
        }
        if (state == ChannelState.ESTABLISHED && acks.isAckDue(nowNanos)) {
            // SPEC CHN-ACK-1: the ACK goes no later than max_ack_delay after an ack-eliciting packet
            sendControlPacket(nowNanos);
        }
    }

    /**
     * SPEC CHN-IDLE-1: the smaller of the two announced timeouts that are not 0, none when both are
     * 0, and never less than 3 · PTO. Returns 0 for none.
     */
    private long effectiveIdleTimeoutNanos() {
        long own = config.idleTimeout().toMillis();
        long peer = peerSettings.idleTimeoutMs();
        long millis = own == 0 ? peer : peer == 0 ? own : Math.min(own, peer);
        if (millis == 0) {
            return 0;
        }
        return Math.max(TimeUnit.MILLISECONDS.toNanos(millis), CLOSING_PTO_MULTIPLE * pto());
    }

    private long pto() {
        return rtt.ptoNanos(peerMaxAckDelayNanos());
    }

    private long peerMaxAckDelayNanos() {
        return TimeUnit.MILLISECONDS.toNanos(peerSettings.maxAckDelayMs());
    }

    private void establish(long now) {
        state = ChannelState.ESTABLISHED;
        lastActivityAt = now;
        lastAckElicitingSentAt = now;
        long jitter = config.rotationJitter().toNanos();
        // SPEC CHN-REKEY-1: the rotation age 30 min + U(0, 5 min), drawn once per channel
        rotationDeadline = now + config.rotationInterval().toNanos() + (jitter == 0 ? 0 : env.random().nextLong(jitter + 1));
    }

    // ---------------------------------------------------------------- helpers and accessors

    private ReceiveResult drop(DropReason reason) {
        count(reason);
        return ReceiveResult.dropped(reason);
    }

    private void count(DropReason reason) {
        env.drops().increment(reason);
        localDrops.increment(reason);
    }

    private void requireEstablished() {
        if (state != ChannelState.ESTABLISHED) {
            throw new IllegalStateException("the channel is " + state + "; only an established channel sends");
        }
    }

    /** The deliberate misbehaviours of this channel and its streams (none but in the conformance self-tests). */
    public ProtocolBugs protocolBugs() {
        return env.protocolBugs();
    }

    /** The channel's state. */
    public ChannelState state() {
        return state;
    }

    /** Which end this is. */
    public Role role() {
        return role;
    }

    /** The peer's short-term public key, by which MESSAGEs select this channel (PKT-DEMUX-3). */
    public PublicKey peerShortTerm() {
        return negotiated.peerShortTerm();
    }

    /** The peer's authenticated long-term identity. */
    public PublicKey peerIdentity() {
        return negotiated.peerLongTerm();
    }

    /** A copy of the 16-byte channel ID. */
    public byte[] channelId() {
        return negotiated.channelId();
    }

    /** The peer address being validated (SPEC.md section 6.10), or null. */
    InetSocketAddress addressBeingValidated() {
        return path.candidate();
    }

    /** Where this channel sends: the peer's validated address (SPEC.md section 6.10). */
    public InetSocketAddress peerAddress() {
        return path.current();
    }

    /** The peer's settings: its SETTINGS once received, the defaults before (FRM-SET-6). */
    public PeerSettings peerSettings() {
        return peerSettings;
    }

    /** This end's configuration. */
    public ChannelConfig config() {
        return config;
    }

    /** The absolute time, in the clock's nanoseconds, at which an initiator's rotation falls due. */
    public long rotationDeadlineNanos() {
        return rotationDeadline;
    }

    /**
     * The probe timeout without backoff, from the current RTT estimate and the peer's
     * max_ack_delay (CHN-LOSS-3), in nanoseconds; the unit of the closing, draining and
     * replacement periods (CHN-CLOSE-1, CHN-REKEY-5).
     */
    public long probeTimeoutNanos() {
        return pto();
    }

    /**
     * Whether a packet of data may be sent now: the channel is established, the congestion window
     * has room for one more datagram of the current maximum size (CHN-CC-3), and pacing lets it go
     * (CHN-CC-4). Always true while the listener's {@link ChannelListener#onProbe} may still send a
     * probe. When pacing alone says no, {@link #nextTimeoutNanos()} includes the time it will say yes.
     * Advisory: {@link #send} never refuses for congestion.
     */
    public boolean canSend() {
        if (state != ChannelState.ESTABLISHED) {
            return false;
        }
        if (probesSent < probesAllowed) {
            return true;
        }
        int datagram = maxDatagramSize();
        long window = congestion.window();
        // SPEC CHN-CC-3: bytes in flight must not exceed the congestion window
        if (congestion.bytesInFlight() + datagram > window) {
            return false;
        }
        if (pacer != null) {
            long now = env.clock().nanoTime();
            long srtt = rtt.smoothedNanos();
            if (!pacer.canSend(now, datagram, window, srtt)) {
                pacingWakeup = pacer.nextSendTimeNanos(now, datagram, window, srtt);
                return false;
            }
        }
        return true;
    }

    /** The largest datagram this channel sends now: 64 bytes of overhead and the peer's largest plaintext (≤ 1232). */
    private int maxDatagramSize() {
        return WireLimits.MESSAGE_OVERHEAD + sendMaxPlaintext();
    }

    /** The congestion window in bytes (SPEC.md section 6.6). */
    public long congestionWindow() {
        return congestion.window();
    }

    /** The bytes of the packets counted in flight (CHN-CC-3). */
    public long bytesInFlight() {
        return congestion.bytesInFlight();
    }

    /** The smoothed RTT in nanoseconds (CHN-RTT-1); the initial RTT before the first sample. */
    public long smoothedRttNanos() {
        return rtt.smoothedNanos();
    }

    /** The latest RTT sample in nanoseconds; 0 before the first one. */
    public long latestRttNanos() {
        return rtt.latestRttNanos();
    }

    /**
     * STR-DGRAM-7: the fraction of packets declared lost among the most recent 256 whose fate,
     * acknowledged or lost, is known; 0 when none is. Counted as {@link #packetsLost()} counts.
     */
    public double lossRate() {
        return fates.rate();
    }

    /**
     * How many packets counted in flight or sent through {@link #send} were declared lost
     * (CHN-LOSS-1, CHN-LOSS-2); forgotten packets are reported lost to the listener but not counted.
     */
    public long packetsLost() {
        return packetsLost;
    }

    /** A snapshot of the counters. */
    public ChannelStatistics statistics() {
        return new ChannelStatistics(state, packetsSent, bytesSent, packetsReceived, bytesReceived,
                localDrops.snapshot(), rtt.snapshot(), sent.unacknowledgedCount(), congestion.window(),
                congestion.bytesInFlight(), packetsLost, congestion.name());
    }
}
