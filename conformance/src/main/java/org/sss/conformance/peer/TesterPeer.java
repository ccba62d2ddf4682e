package org.sss.conformance.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.impair.ImpairmentLog;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * The conformance suite's tester peer: a deliberately plain SSS initiator over a raw UDP socket, driven
 * by one scenario thread (it is not thread-safe and runs no thread of its own: nothing happens between
 * calls). {@link #connect} negotiates a channel (SPEC.md section 5); then the scenario sends frames,
 * sealed plaintexts or raw datagrams, and receives the target's packets one by one, decrypted and
 * parsed by the Kaitai parser.
 *
 * <p>While receiving, the peer keeps the bookkeeping a scenario should not have to: it answers each
 * ack-eliciting packet with an ACK at once (switchable, {@link #setAutoAck}), echoes PATH_CHALLENGE
 * (FRM-PATH-1), raises its flow-control limits when half the credit is used (CHN-FLOW-5), repeats its
 * SETTINGS and the version field until acknowledged (FRM-SET-1, NEG-VER-1), sets INIT on a stream's
 * frames until one is acknowledged (STR-OPEN-2), and collects each stream's bytes, record boundaries,
 * FIN and RESET. Every datagram in both directions is logged with timestamps ({@link #datagrams()}).
 *
 * <p>On a clean loopback path nothing is lost, but {@link PeerOptions#impairment()} can put a seedable
 * impairment layer between the peer and the target ({@link #impairmentLog()}). So that loss towards
 * the target does not stall a scenario, the peer keeps a minimal loss recovery for what it sends
 * ({@link #setRetransmission}): a packet is declared lost when one sent at least three packet numbers
 * later is acknowledged, or when it has gone unacknowledged for {@link #RETRANSMIT_AFTER}; its
 * reliable STREAM frames are then sent again, unchanged (same offsets, data, RECORD and FIN; INIT
 * only until acknowledged), in a new packet (CHN-PN-2, CHN-LOSS-5), and so are its RESET, DETACH and
 * GOAWAY frames and the current value of its MAX_DATA and MAX_STREAM_DATA limits. NOACK data is
 * never sent again. The peer has no congestion control and no probe timer of its own.
 */
public final class TesterPeer implements AutoCloseable {
    /** How long an acknowledgement may take before the peer sends a packet's data again: generous on loopback. */
    public static final Duration RETRANSMIT_AFTER = Duration.ofMillis(500);
    /** A packet is lost when one this many packet numbers later is acknowledged (RFC 9002's kPacketThreshold). */
    private static final int PACKET_THRESHOLD = 3;
    private static final int STREAM_FRAME_OVERHEAD = 1 + 2 + 4 + 4 + 8 + 2;
    private static final int HEADER_MAX = 5;

    private final PeerOptions options;
    private final DatagramLog log;
    private final UdpEndpoint udp;
    private final X25519KeyPair identity;
    private final InitiatorNegotiation negotiation;
    private final ChannelBoxes boxes;
    private final byte[] settingsBytes;
    private long nextCounter;

    private final ReceiveHistory history = new ReceiveHistory();
    private final Deque<ReceivedPacket> pending = new ArrayDeque<>();
    private final List<ReceivedPacket> received = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Rejection> impairedRejections = new ArrayList<>();
    private final Map<ReceivedPacket, InetSocketAddress> arrivedOn = new IdentityHashMap<>();
    private final ReceivedPacket firstPacket;
    private boolean autoAck;
    private boolean retransmission = true;
    private boolean grantCredit = true;
    private boolean answerPathChallenges = true;

    private final Map<Long, SentPacket> unacked = new HashMap<>();
    /** The unacknowledged packets that carry something to send again if lost, by packet number. */
    private final TreeMap<Long, SentPacket> inFlight = new TreeMap<>();
    private boolean settingsAcked;
    private boolean versionAcked;
    private PeerFrame.Settings peerSettings;
    private PeerFrame.Close closeReceived;
    private final List<PeerFrame> queuedControl = new ArrayList<>();

    private final Map<Long, StreamInbox> inboxes = new TreeMap<>();
    private final Map<Long, OutStream> outStreams = new TreeMap<>();
    private long nextLocalLsid = 1;
    private long peerMaxData;
    private long sentChannelData;
    private final Map<Long, Long> peerStreamLimits = new HashMap<>();
    private long advertisedMaxData;
    private final Map<Long, Long> advertisedStreamLimits = new HashMap<>();

    /**
     * A packet the peer sent and has not seen acknowledged, with what it carried that needs an ACK and
     * what it would send again if the packet were lost.
     */
    private record SentPacket(long packetNumber, boolean carriedSettings, boolean carriedVersion, Set<Long> initLsids,
            long sentNanos, List<PeerFrame> retransmittable) {
    }

    /** The sending side of one stream. */
    private static final class OutStream {
        final long lsid;
        final long parent;
        boolean initAcked;
        long offset;
        boolean lastByteEndsRecord;
        boolean finSent;

        OutStream(long lsid, long parent, boolean initAcked) {
            this.lsid = lsid;
            this.parent = parent;
            this.initAcked = initAcked;
        }
    }

    private TesterPeer(PeerOptions options, DatagramLog log, UdpEndpoint udp, X25519KeyPair identity,
            HandshakeDriver.Result handshake) {
        this.options = options;
        this.log = log;
        this.udp = udp;
        this.identity = identity;
        this.negotiation = handshake.negotiation();
        this.boxes = handshake.boxes();
        this.nextCounter = handshake.nextCounter();
        this.autoAck = options.autoAck();
        this.settingsBytes = FrameEncoder.encode(options.settings());
        this.rejections.addAll(handshake.rejections());
        this.advertisedMaxData = options.setting(PeerFrame.Setting.INITIAL_MAX_DATA, 1_048_576);
        this.peerMaxData = 1_048_576; // FRM-SET-6: defaults until the peer's SETTINGS arrive
        for (long pn : handshake.initiatePacketNumbers()) {
            unacked.put(pn, new SentPacket(pn, true, true, Set.of(), System.nanoTime(), List.of()));
        }
        this.firstPacket = accept(handshake.firstMessage(), handshake.firstPlaintext(), udp.localAddress(), false);
    }

    /**
     * Negotiates a channel with default {@link PeerOptions}.
     *
     * @param target the responder's address
     * @param targetPublicKey its long-term key R
     * @param seededRandom every random choice of the peer; seed it from a printed seed
     * @param timeout the negotiation deadline
     * @throws PeerTimeoutException when no channel is established in time
     * @throws IOException when the socket cannot be opened
     */
    public static TesterPeer connect(InetSocketAddress target, byte[] targetPublicKey, Random seededRandom,
            Duration timeout) throws IOException {
        return connect(PeerOptions.of(target, targetPublicKey, seededRandom, timeout));
    }

    /**
     * Negotiates a channel: HELLO → COOKIE → INITIATE → the responder's first MESSAGE (SPEC.md 5.5),
     * which is processed like any later packet and is the first one {@link #receive} returns.
     *
     * @throws PeerTimeoutException when no channel is established in time
     * @throws IOException when the socket cannot be opened
     */
    public static TesterPeer connect(PeerOptions options) throws IOException {
        DatagramLog log = new DatagramLog();
        UdpEndpoint udp = new UdpEndpoint(options.localAddress(), options.target(), log);
        try {
            X25519KeyPair identity = options.identity() != null ? options.identity()
                    : X25519KeyPair.generate(options.random());
            HandshakeDriver.Result handshake = HandshakeDriver.run(udp, options, identity);
            udp.impair(options.impairment());
            return new TesterPeer(options, log, udp, identity, handshake);
        } catch (RuntimeException e) {
            udp.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- identity and evidence

    /** The peer's long-term public key I. */
    public byte[] identityPublicKey() {
        return identity.publicKey();
    }

    /** The peer's short-term public key I' (it names the channel in the peer's MESSAGEs). */
    public byte[] shortTermPublicKey() {
        return negotiation.shortTermPublic();
    }

    /** The peer's short-term secret key i' (for the evidence keylog). */
    public byte[] shortTermSecretKey() {
        return negotiation.shortTermSecret();
    }

    /** The responder's short-term key R'. */
    public byte[] responderShortTermPublicKey() {
        return boxes.peerShortTermPublic();
    }

    /** The channel ID (CRY-KDF-1). */
    public byte[] channelId() {
        return boxes.channelId();
    }

    /** The channel's boxes, for scenarios that seal or open by hand. */
    public ChannelBoxes boxes() {
        return boxes;
    }

    /** Where the peer's socket is bound. */
    public InetSocketAddress localAddress() {
        return udp.localAddress();
    }

    /** Every datagram sent and received so far, with timestamps. */
    public List<LoggedDatagram> datagrams() {
        return log.entries();
    }

    /** Every packet accepted so far, in arrival order, including those {@link #receive} has not returned yet. */
    public List<ReceivedPacket> receivedPackets() {
        return List.copyOf(received);
    }

    /** Every datagram the peer did not accept, with its verdict. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** The responder's first MESSAGE, which established the channel. */
    public ReceivedPacket firstPacket() {
        return firstPacket;
    }

    /** The first SETTINGS frame accepted from the target, or null. */
    public PeerFrame.Settings peerSettings() {
        return peerSettings;
    }

    /** The CLOSE frame received from the target, or null while the channel is open. */
    public PeerFrame.Close closeReceived() {
        return closeReceived;
    }

    // ---------------------------------------------------------------- sending

    /** Turns automatic acknowledgement (and the PATH_RESPONSE and credit updates sent with it) on or off. */
    public void setAutoAck(boolean on) {
        this.autoAck = on;
    }

    /** The packet number (nonce counter value) the next packet will use. */
    public long nextPacketNumber() {
        return nextCounter;
    }

    /** Skips {@code count} packet numbers, as a sender does against optimistic ACKs (CHN-ACK-12). */
    public void skipPacketNumbers(long count) {
        nextCounter += count;
    }

    /** The largest plaintext the target accepts: its MAX_PLAINTEXT rounded down to 16, at most 1168 (PKT-SIZE-9). */
    public int maxPlaintext() {
        long max = Packets.MAX_MESSAGE_PLAINTEXT;
        if (peerSettings != null) {
            PeerFrame.Setting s = peerSettings.find(PeerFrame.Setting.MAX_PLAINTEXT);
            if (s != null) {
                max = Math.min(max, s.numericValue());
            }
        }
        return (int) (max / 16 * 16);
    }

    /**
     * Sends {@code frames} as one MESSAGE with the next packet number. The peer adds only what the spec
     * demands of every packet: the version field until a packet carrying it was acknowledged
     * (NEG-VER-1), its SETTINGS first until acknowledged (FRM-SET-1, unless {@code frames} already
     * begin with a SETTINGS frame), and padding to a multiple of 16 (CHN-PLAIN-1, CHN-PLAIN-3).
     *
     * @return the packet number used
     * @throws IllegalArgumentException when the plaintext would exceed {@link #maxPlaintext()}; use
     *     {@link #sendSealed} to send one that large on purpose
     */
    public long send(List<? extends PeerFrame> frames) {
        List<PeerFrame> all = new ArrayList<>();
        boolean carriesSettings = !frames.isEmpty() && frames.get(0) instanceof PeerFrame.Settings;
        if (!settingsAcked && !carriesSettings) {
            all.add(options.settings());
            carriesSettings = true;
        }
        all.addAll(frames);
        long pn = nextCounter;
        PacketHeader header = PacketHeader.of(pn, !versionAcked);
        byte[] plaintext = PlaintextEncoder.padded(header, all);
        if (plaintext.length > maxPlaintext()) {
            throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes exceeds " + maxPlaintext());
        }
        Set<Long> inits = new HashSet<>();
        List<PeerFrame> again = new ArrayList<>();
        for (PeerFrame f : all) {
            if (f instanceof PeerFrame.Stream s && s.has(PeerFrame.Stream.INIT)) {
                inits.add(s.lsid());
            }
            if (isRetransmittable(f)) {
                again.add(f);
            }
        }
        sealAndSend(plaintext);
        SentPacket sent = new SentPacket(pn, carriesSettings, header.hasVersion(), inits, System.nanoTime(),
                List.copyOf(again));
        unacked.put(pn, sent);
        if (!again.isEmpty()) {
            inFlight.put(pn, sent);
        }
        return pn;
    }

    /** Section 7.0's "on loss" column, as far as the peer keeps it (SETTINGS repeat by themselves). */
    private static boolean isRetransmittable(PeerFrame f) {
        return f instanceof PeerFrame.Stream s ? !s.has(PeerFrame.Stream.NOACK)
                : f instanceof PeerFrame.Reset || f instanceof PeerFrame.Detach || f instanceof PeerFrame.Goaway
                        || f instanceof PeerFrame.MaxData || f instanceof PeerFrame.MaxStreamData;
    }

    /**
     * Seals {@code plaintext} exactly as given into a MESSAGE with the next packet number (see
     * {@link #nextPacketNumber()}), with no header, padding or size check: for plaintexts mutated
     * before sealing.
     *
     * @return the packet number used
     */
    public long sendSealed(byte[] plaintext) {
        return sealAndSend(plaintext);
    }

    /** Sends {@code datagram} to the target as it is (malformed packets, other magics, replays). */
    public void sendRaw(byte[] datagram) {
        udp.send(datagram);
    }

    /** Sends a CLOSE with the final ACK of everything received (FRM-CLOSE-1, CHN-CLOSE-1). */
    public long sendClose(long errorCode, String reason) {
        PeerFrame.Ack ack = history.ack(System.nanoTime());
        return send(List.of(PeerFrame.Close.of(errorCode, reason, ack)));
    }

    /** Sends an ACK of everything received now, whatever the auto-ACK setting. */
    public long sendAck() {
        return send(List.of(history.ack(System.nanoTime())));
    }

    private long sealAndSend(byte[] plaintext) {
        long pn = nextCounter++;
        udp.send(boxes.sealMessage(pn, plaintext));
        return pn;
    }

    // ---------------------------------------------------------------- receiving

    /**
     * The next packet from the target whose box opened, processed as described in the class comment;
     * datagrams that fail the receive rules of SPEC.md 6.1 are recorded in {@link #rejections()} and
     * skipped.
     *
     * @return the packet, or null when none arrived within {@code timeout}
     */
    public ReceivedPacket receive(Duration timeout) {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long wake = retransmitOverdue(System.nanoTime(), deadline);
            UdpEndpoint.Delivery d = udp.next(wake);
            if (d == null) {
                if (deadline - System.nanoTime() <= 0) {
                    return null;
                }
                continue;
            }
            ReceivedPacket packet = admit(d);
            if (packet != null) {
                return pending.poll();
            }
        }
    }

    /** Sends again what overdue packets carried; returns when the next one falls due, at most {@code deadline}. */
    private long retransmitOverdue(long now, long deadline) {
        if (!retransmission || closeReceived != null) {
            return deadline;
        }
        long after = RETRANSMIT_AFTER.toNanos();
        while (!inFlight.isEmpty()) {
            SentPacket oldest = inFlight.firstEntry().getValue();
            if (now - oldest.sentNanos() < after) {
                long due = oldest.sentNanos() + after;
                return due - deadline < 0 ? due : deadline;
            }
            retransmit(oldest);
        }
        return deadline;
    }

    /** Declares {@code lost} lost and sends what it carried in a new packet (CHN-PN-2). */
    private void retransmit(SentPacket lost) {
        inFlight.remove(lost.packetNumber());
        unacked.remove(lost.packetNumber());
        List<PeerFrame> frames = new ArrayList<>();
        for (PeerFrame f : lost.retransmittable()) {
            if (f instanceof PeerFrame.Stream s) {
                OutStream out = outStreams.get(s.lsid());
                frames.add(out != null && out.initAcked && s.has(PeerFrame.Stream.INIT)
                        ? s.without(PeerFrame.Stream.INIT) : s);
            } else if (f instanceof PeerFrame.MaxData m) {
                frames.add(new PeerFrame.MaxData(Math.max(m.maxData(), advertisedMaxData)));
            } else if (f instanceof PeerFrame.MaxStreamData m) {
                frames.add(new PeerFrame.MaxStreamData(m.lsid(),
                        Math.max(m.maxStreamData(), advertisedStreamLimits.getOrDefault(m.lsid(), 0L))));
            } else {
                frames.add(f);
            }
        }
        send(frames);
    }

    /** Section 6.1 steps 1 to 6; the accepted packet is queued and returned, a rejected one is null. */
    private ReceivedPacket admit(UdpEndpoint.Delivery delivery) {
        LoggedDatagram d = delivery.datagram();
        byte[] bytes = d.bytes();
        String verdict = null;
        if (!d.remote().equals(udp.target())) {
            verdict = "UNEXPECTED_SOURCE";
        } else if (bytes.length < 8) {
            verdict = "DATAGRAM_TOO_SHORT";
        } else if (!Magic.MESSAGE.starts(bytes)) {
            verdict = Magic.of(bytes) == null ? "UNKNOWN_MAGIC" : "UNEXPECTED_" + Magic.of(bytes);
        } else if (bytes.length < 80 || bytes.length > Packets.MAX_DATAGRAM || (bytes.length - 64) % 16 != 0) {
            verdict = "BAD_PACKET_LENGTH";
        } else if (!boxes.selects(bytes)) {
            verdict = "UNKNOWN_CHANNEL";
        } else if (history.isReplay(ChannelBoxes.counterOf(bytes))) {
            verdict = "PACKET_REPLAYED";
        }
        Optional<byte[]> plain = verdict == null ? boxes.openMessage(bytes) : Optional.empty();
        if (verdict == null && plain.isEmpty()) {
            verdict = "BOX_OPEN_FAILED";
        }
        if (verdict != null) {
            reject(d, verdict, delivery.altered());
            return null;
        }
        return accept(d, plain.get(), delivery.local(), delivery.altered());
    }

    /** Records a rejection; one of a copy the impairment layer corrupted or duplicated is kept apart. */
    private void reject(LoggedDatagram d, String verdict, boolean altered) {
        (altered ? impairedRejections : rejections).add(new Rejection(d, verdict));
    }

    /** Steps 5 to 8 for a packet whose box opened. */
    private ReceivedPacket accept(LoggedDatagram d, byte[] plaintext, InetSocketAddress local, boolean altered) {
        long pn = ChannelBoxes.counterOf(d.bytes());
        DecodedPlaintext decoded = null;
        String error = null;
        try {
            decoded = PlaintextDecoder.decode(plaintext);
        } catch (RuntimeException e) {
            error = e.toString();
        }
        // CHN-HDR-5: the header carries the low 16, 32, 48 or 64 bits of the nonce counter
        if (decoded != null && decoded.header().packetNumberLow()
                != new PacketHeader(decoded.header().flags(), 0, pn).packetNumberLow()) {
            reject(d, "PACKET_NUMBER_MISMATCH", altered);
            return null;
        }
        history.record(pn, d.monotonicNanos());
        ReceivedPacket packet = new ReceivedPacket(pn, d, plaintext, decoded, error);
        received.add(packet);
        arrivedOn.put(packet, local);
        pending.add(packet);
        if (decoded != null) {
            absorb(decoded);
            if (autoAck && closeReceived == null && (decoded.isAckEliciting() || !queuedControl.isEmpty())) {
                List<PeerFrame> frames = new ArrayList<>();
                frames.add(history.ack(System.nanoTime()));
                frames.addAll(queuedControl);
                queuedControl.clear();
                send(frames);
            }
        }
        return packet;
    }

    /** Step 8, the part the peer keeps track of. */
    private void absorb(DecodedPlaintext decoded) {
        for (PeerFrame f : decoded.frames()) {
            if (f instanceof PeerFrame.Settings s) {
                if (peerSettings == null) {
                    peerSettings = s;
                    PeerFrame.Setting maxData = s.find(PeerFrame.Setting.INITIAL_MAX_DATA);
                    peerMaxData = maxData == null ? peerMaxData : maxData.numericValue();
                }
            } else if (f instanceof PeerFrame.Ack a) {
                onAck(a);
            } else if (f instanceof PeerFrame.Close c) {
                closeReceived = c;
                onAck(c.finalAck());
            } else if (f instanceof PeerFrame.Stream s) {
                inbox(s.lsid()).onStream(s);
            } else if (f instanceof PeerFrame.Reset r) {
                inbox(r.lsid()).onReset(r);
            } else if (f instanceof PeerFrame.MaxData m) {
                peerMaxData = Math.max(peerMaxData, m.maxData()); // CHN-FLOW-4
            } else if (f instanceof PeerFrame.MaxStreamData m) {
                peerStreamLimits.merge(m.lsid(), m.maxStreamData(), Math::max);
            } else if (f instanceof PeerFrame.PathChallenge c && answerPathChallenges) {
                queuedControl.add(new PeerFrame.PathResponse(c.data())); // FRM-PATH-1
            }
        }
        if (grantCredit) {
            grantCredit();
        }
    }

    private void onAck(PeerFrame.Ack ack) {
        long largestAcked = -1;
        for (SentPacket sent : List.copyOf(unacked.values())) {
            if (ack.acknowledges(sent.packetNumber())) {
                largestAcked = Math.max(largestAcked, sent.packetNumber());
                unacked.remove(sent.packetNumber());
                inFlight.remove(sent.packetNumber());
                settingsAcked |= sent.carriedSettings();
                versionAcked |= sent.carriedVersion();
                for (long lsid : sent.initLsids()) {
                    OutStream out = outStreams.get(lsid);
                    if (out != null) {
                        out.initAcked = true;
                    }
                }
            }
        }
        if (retransmission && closeReceived == null) {
            for (SentPacket sent : List.copyOf(inFlight.headMap(largestAcked - PACKET_THRESHOLD, true).values())) {
                retransmit(sent);
            }
        }
    }

    /** CHN-FLOW-5: raise a limit once the target has used half of the credit it grants. */
    private void grantCredit() {
        long initialStream = options.setting(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, 262_144);
        long initialChannel = options.setting(PeerFrame.Setting.INITIAL_MAX_DATA, 1_048_576);
        long channelUsed = 0;
        for (StreamInbox inbox : inboxes.values()) {
            channelUsed += inbox.highestOffset();
            long limit = advertisedStreamLimits.getOrDefault(inbox.lsid(), initialStream);
            if (inbox.finalSize() == null && inbox.highestOffset() * 2 > limit) {
                long raised = inbox.highestOffset() + initialStream;
                advertisedStreamLimits.put(inbox.lsid(), raised);
                queuedControl.add(new PeerFrame.MaxStreamData(inbox.lsid(), raised));
            }
        }
        if (channelUsed * 2 > advertisedMaxData) {
            advertisedMaxData = channelUsed + initialChannel;
            queuedControl.add(new PeerFrame.MaxData(advertisedMaxData));
        }
    }

    // ---------------------------------------------------------------- streams

    /** The inbox of an LSID (created empty on first use). */
    public StreamInbox inbox(long lsid) {
        return inboxes.computeIfAbsent(lsid, StreamInbox::new);
    }

    /**
     * Receives packets until {@code until} holds for the inbox of {@code lsid}.
     *
     * @return the inbox
     * @throws PeerTimeoutException when it does not hold within {@code timeout}
     */
    public StreamInbox awaitStream(long lsid, Predicate<StreamInbox> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StreamInbox inbox = inbox(lsid);
        while (!until.test(inbox)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new PeerTimeoutException("stream " + lsid + " did not reach the awaited state within "
                        + timeout + ": " + inbox + "; rejections: " + rejections);
            }
            receive(Duration.ofNanos(remaining));
        }
        return inbox;
    }

    /**
     * Opens a top-level stream whose first record is a connect request to {@code service} /
     * {@code protocol} (SVC-CONN-1, SPEC.md 9.2); the frame carries INIT, parent 0, LENGTH and RECORD.
     *
     * @return the new stream's LSID (odd, rising: STR-ID-1, STR-ID-2)
     */
    public long openStream(String service, String protocol) {
        long lsid = openSubstream(0);
        sendStreamData(lsid, ServiceMessages.connectRequest(service, protocol), true, false);
        return lsid;
    }

    /**
     * Allocates a stream under {@code parent} (0 for a top-level stream) without sending anything; its
     * first {@link #sendStreamData} opens it.
     *
     * @return the LSID
     */
    public long openSubstream(long parent) {
        long lsid = nextLocalLsid;
        nextLocalLsid += 2;
        outStreams.put(lsid, new OutStream(lsid, parent, false));
        return lsid;
    }

    /** Sends {@code data} as one record on {@code lsid}. */
    public void sendRecord(long lsid, byte[] data) {
        sendStreamData(lsid, data, true, false);
    }

    /** Sends FIN with no data on {@code lsid}, with RECORD when the last byte sent ended a record (FRM-STREAM-9). */
    public void finish(long lsid) {
        sendStreamData(lsid, new byte[0], false, true);
    }

    /**
     * Sends {@code data} at the stream's next offset, in as many STREAM frames (with LENGTH) and packets
     * as it needs. INIT and the parent are set until a packet that carried INIT for the stream is
     * acknowledged (STR-OPEN-2). A stream the target opened is answered on its own LSID.
     *
     * @param endsRecord whether the last byte of {@code data} ends a record
     * @param fin whether the data ends the peer's direction
     * @throws IllegalStateException when the data would exceed the target's flow-control credit
     *     (CHN-FLOW-1, CHN-FLOW-2); build frames by hand to exceed it on purpose
     */
    public void sendStreamData(long lsid, byte[] data, boolean endsRecord, boolean fin) {
        OutStream out = outStreams.computeIfAbsent(lsid, l -> new OutStream(l, 0, true));
        if (out.finSent) {
            throw new IllegalStateException("stream " + lsid + " is already finished (STR-FIN-1)");
        }
        long streamLimit = peerStreamLimits.getOrDefault(lsid, peerInitialStreamLimit());
        if (out.offset + data.length > streamLimit || sentChannelData + data.length > peerMaxData) {
            throw new IllegalStateException("stream " + lsid + ": " + data.length + " bytes at offset " + out.offset
                    + " exceed the target's credit (stream limit " + streamLimit + ", channel " + sentChannelData
                    + "/" + peerMaxData + ")");
        }
        int pos = 0;
        do {
            int room = maxPlaintext() - HEADER_MAX - STREAM_FRAME_OVERHEAD - (settingsAcked ? 0 : settingsBytes.length);
            int n = Math.min(room, data.length - pos);
            boolean last = pos + n == data.length;
            byte[] chunk = Arrays.copyOfRange(data, pos, pos + n);
            PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, out.offset, chunk);
            if (last && fin) {
                frame = frame.with(PeerFrame.Stream.FIN);
            }
            boolean record = n > 0 ? last && endsRecord : last && fin && out.lastByteEndsRecord;
            if (record) {
                frame = frame.with(PeerFrame.Stream.RECORD);
            }
            if (!out.initAcked) {
                frame = frame.opening(out.parent);
            }
            send(List.of(frame));
            out.offset += n;
            sentChannelData += n;
            if (n > 0) {
                out.lastByteEndsRecord = last && endsRecord;
            }
            pos += n;
        } while (pos < data.length);
        out.finSent = fin;
    }

    private long peerInitialStreamLimit() {
        if (peerSettings != null) {
            PeerFrame.Setting s = peerSettings.find(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA);
            if (s != null) {
                return s.numericValue();
            }
        }
        return 262_144;
    }

    // ---------------------------------------------------------------- impairment, loss recovery, paths, credit

    /** The impairment decisions so far with their seed, or null when the link is clean. */
    public ImpairmentLog impairmentLog() {
        return udp.impairmentLog();
    }

    /**
     * Datagrams the peer did not accept because the impairment layer corrupted or duplicated them on
     * the way (they are not the target's doing, so {@link #rejections()} leaves them out).
     */
    public List<Rejection> impairedRejections() {
        return List.copyOf(impairedRejections);
    }

    /** Turns the peer's loss recovery (see the class comment) on or off; it is on by default. */
    public void setRetransmission(boolean on) {
        this.retransmission = on;
    }

    /** Turns the automatic raising of the peer's flow-control limits (CHN-FLOW-5) on or off; on by default. */
    public void setGrantCredit(boolean on) {
        this.grantCredit = on;
    }

    /** Turns the automatic PATH_RESPONSE to the target's PATH_CHALLENGE (FRM-PATH-1) on or off; on by default. */
    public void setAnswerPathChallenges(boolean on) {
        this.answerPathChallenges = on;
    }

    /**
     * Moves the peer to a new UDP socket on a new port, as a NAT rebinding would (SPEC.md 6.10): every
     * later datagram leaves from it; the earlier sockets stay open and keep receiving, so that a scenario
     * can see where the target sends ({@link #arrivalAddress}).
     *
     * @return the new local address
     */
    public InetSocketAddress moveToNewSocket() {
        return udp.rebind();
    }

    /** The local socket address on which {@code packet} arrived. */
    public InetSocketAddress arrivalAddress(ReceivedPacket packet) {
        InetSocketAddress local = arrivedOn.get(packet);
        if (local == null) {
            throw new IllegalArgumentException("not a packet this peer accepted: " + packet);
        }
        return local;
    }

    /** The next offset the peer sends at on {@code lsid}. */
    public long sendOffset(long lsid) {
        OutStream out = outStreams.get(lsid);
        return out == null ? 0 : out.offset;
    }

    /** The target's current limit for the peer's data on {@code lsid} (CHN-FLOW-1). */
    public long streamSendLimit(long lsid) {
        return peerStreamLimits.getOrDefault(lsid, peerInitialStreamLimit());
    }

    /** The target's current channel-wide limit for the peer's data (CHN-FLOW-2). */
    public long channelSendLimit() {
        return peerMaxData;
    }

    /** The channel-wide data the peer has sent so far (the sum of its streams' highest offsets). */
    public long channelDataSent() {
        return sentChannelData;
    }

    /** Closes the sockets without sending anything. */
    @Override
    public void close() {
        udp.close();
    }

    // ---------------------------------------------------------------- stream scenarios (sections 8, 9, Appendix A)

    /**
     * Allocates {@code lsid}, which must be odd and unused, for a stream under {@code parent} without
     * sending anything; later allocations continue above it. For scenarios that open LSIDs far ahead or
     * out of order (STR-ID-7, STR-OPEN-8), as reordering in the network would present them.
     *
     * @return {@code lsid}
     */
    public long openSubstreamAt(long lsid, long parent) {
        if ((lsid & 1) == 0 || outStreams.containsKey(lsid)) {
            throw new IllegalArgumentException("LSID " + lsid + " is not an unused odd LSID (STR-ID-1)");
        }
        outStreams.put(lsid, new OutStream(lsid, parent, false));
        nextLocalLsid = Math.max(nextLocalLsid, lsid + 2);
        return lsid;
    }

    /** How many more bytes the target's credit lets {@link #sendStreamData} send on {@code lsid} now (section 6.7). */
    public long sendCredit(long lsid) {
        OutStream out = outStreams.get(lsid);
        long offset = out == null ? 0 : out.offset;
        long stream = peerStreamLimits.getOrDefault(lsid, peerInitialStreamLimit()) - offset;
        return Math.max(0, Math.min(stream, peerMaxData - sentChannelData));
    }

    /** The options of this peer under its own long-term identity: for another channel of the same peer (section 6.9). */
    public PeerOptions sameIdentityOptions() {
        return options.withIdentity(identity);
    }
}
