package org.sss.conformance.peer.responder;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sss.conformance.peer.ChannelBoxes;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * One channel of the responder tester peer, from the INITIATE that created it (SPEC.md 5.5 steps 10 to
 * 12) to the initiator's CLOSE. Deliberately plain: it acknowledges every batch of ack-eliciting
 * packets at once, keeps at most {@link #WINDOW} ack-eliciting packets in flight, resends the stream
 * data of a packet unacknowledged after {@link #RESEND_NANOS} in new packets (CHN-PN-2), respects the
 * initiator's flow-control limits (CHN-FLOW-1, CHN-FLOW-2) and grants so much credit itself that it
 * never needs to raise it. Its SETTINGS lead every packet and its header carries the version until
 * the initiator acknowledges one (FRM-SET-1, NEG-VER-1). Everything the initiator sends on it goes
 * through {@link InitiatorConduct}.
 */
final class ResponderChannel {
    static final int WINDOW = 32;
    static final long RESEND_NANOS = 300_000_000L;
    private static final long CREDIT = 1L << 40;
    private static final int MAX_ACK_RANGES = 255;
    private static final PeerFrame.Settings SETTINGS = new PeerFrame.Settings(List.of(
            PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_DATA, CREDIT),
            PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, CREDIT),
            PeerFrame.Setting.of(PeerFrame.Setting.MAX_CONCURRENT_PEER_STREAMS, 1000)));

    /** A packet the responder sent, kept until acknowledged. */
    private record Sent(long packetNumber, long sentAt, boolean settings, boolean version,
            List<PeerFrame.Stream> reliable) {
    }

    private final ChannelBoxes boxes;
    private final InitiatorConduct conduct;
    private final BiConsumer<byte[], InetSocketAddress> socket;
    private final ResponderScript.FirstMessage firstMessage;
    private final Long replyStatus;
    private InetSocketAddress peer;
    private long nextCounter = 1;
    private boolean silent;

    private final TreeMap<Long, Long> received = new TreeMap<>();
    private final Set<Long> peerSettingsPackets = new HashSet<>();
    private final Set<Long> peerVersionPackets = new HashSet<>();
    private boolean peerSettingsAcked;
    private boolean peerVersionAcked;
    private byte[] peerSettingsBytes;
    private PeerFrame.Settings peerSettings;
    private boolean ackPending;
    private int acksWithheld;

    private final Map<Long, Sent> inFlight = new LinkedHashMap<>();
    private final Deque<PeerFrame.Stream> resend = new ArrayDeque<>();
    private final List<PeerFrame> control = new ArrayList<>();
    private boolean ownSettingsAcked;
    private boolean ownVersionAcked;
    private long peerMaxData = 1_048_576;
    private long peerStreamData = 262_144;
    private final Map<Long, Long> peerStreamLimits = new HashMap<>();
    private long channelDataSent;

    private final Map<Long, IncomingStream> incoming = new TreeMap<>();
    private final Map<Long, OutgoingStream> outgoing = new LinkedHashMap<>();
    private final Map<Long, TestServiceSession> sessions = new TreeMap<>();
    private long nextLsid = 2;
    private PeerFrame.Close closeReceived;
    private long firstMessageSentAt;
    private int packetsBeforeSettingsAck;

    ResponderChannel(ChannelBoxes boxes, InetSocketAddress peer, InitiatorConduct conduct,
            BiConsumer<byte[], InetSocketAddress> socket, ResponderScript script) {
        this.boxes = boxes;
        this.peer = peer;
        this.conduct = conduct;
        this.socket = socket;
        this.firstMessage = script.firstMessage();
        this.replyStatus = script.replyStatus();
        this.acksWithheld = script.acksWithheld();
    }

    byte[] initiatorShortTerm() {
        return boxes.peerShortTermPublic();
    }

    boolean isClosed() {
        return closeReceived != null;
    }

    PeerFrame.Close closeReceived() {
        return closeReceived;
    }

    PeerFrame.Settings peerSettings() {
        return peerSettings;
    }

    long firstMessageSentAt() {
        return firstMessageSentAt;
    }

    /** How many MESSAGEs of the initiator arrived before the responder acknowledged its SETTINGS. */
    int packetsBeforeSettingsAck() {
        return packetsBeforeSettingsAck;
    }

    List<ServiceExchange> services() {
        return sessions.values().stream().map(TestServiceSession::snapshot).toList();
    }

    /** Steps 10 to 12 of section 5.5: the INITIATE's message is the channel's first packet; the first MESSAGE leaves at once. */
    void start(LoggedDatagram initiate, long counter, byte[] message) {
        process(initiate, counter, message, true);
        sendFirstMessage();
    }

    /** Steps R1 to R4: a retransmitted INITIATE of this channel. */
    void onInitiate(LoggedDatagram d, long counter) {
        if (isReplay(counter)) {
            return;
        }
        Optional<byte[]> plain = boxes.openInitiate(d.bytes(), counter);
        if (plain.isEmpty() || plain.get().length < 96) {
            conduct.add("NEG-INITIATE-1", "a retransmitted INITIATE's box must open under the channel's key", d, null);
            return;
        }
        byte[] p = plain.get();
        process(d, counter, java.util.Arrays.copyOfRange(p, 96, p.length), true);
    }

    /** Section 6.1: a MESSAGE whose I' selects this channel. */
    void onMessage(LoggedDatagram d, long counter) {
        if (isReplay(counter)) {
            return;
        }
        Optional<byte[]> plain = boxes.openMessage(d.bytes());
        if (plain.isEmpty()) {
            conduct.add("CHN-SEND-1", "the MESSAGE's box must open under K with prefix cUVVYcp-CLIENT-m and counter "
                    + counter, d, null);
            return;
        }
        peer = d.remote();
        process(d, counter, plain.get(), false);
    }

    private boolean isReplay(long counter) {
        return received.containsKey(counter) || !received.isEmpty() && received.lastKey() - counter >= 256;
    }

    private void process(LoggedDatagram d, long counter, byte[] plaintext, boolean inInitiate) {
        DecodedPlaintext decoded = null;
        String error = null;
        try {
            decoded = PlaintextDecoder.decode(plaintext);
        } catch (RuntimeException e) {
            error = e.toString();
        }
        conduct.plaintext(d, counter, plaintext, decoded, error, inInitiate, new InitiatorConduct.State(
                !peerSettingsAcked, !peerVersionAcked, peerSettingsBytes, nextCounter - 1));
        if (decoded == null) {
            return;
        }
        if (!inInitiate && !peerSettingsAcked) {
            packetsBeforeSettingsAck++;
        }
        received.put(counter, d.monotonicNanos());
        while (received.size() > 4096) {
            received.pollFirstEntry();
        }
        if (decoded.header().hasVersion()) {
            peerVersionPackets.add(counter);
        }
        if (decoded.isAckEliciting()) {
            if (acksWithheld > 0) {
                acksWithheld--;
            } else {
                ackPending = true;
            }
        }
        Set<Long> touched = new HashSet<>();
        for (PeerFrame f : decoded.frames()) {
            frame(f, counter, touched);
        }
        for (long lsid : touched) {
            serve(lsid);
        }
    }

    private void frame(PeerFrame f, long counter, Set<Long> touched) {
        if (f instanceof PeerFrame.Settings s) {
            peerSettingsPackets.add(counter);
            if (peerSettings == null) {
                peerSettings = s;
                peerSettingsBytes = FrameEncoder.encode(s);
                PeerFrame.Setting data = s.find(PeerFrame.Setting.INITIAL_MAX_DATA);
                PeerFrame.Setting stream = s.find(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA);
                peerMaxData = data == null ? peerMaxData : data.numericValue();
                peerStreamData = stream == null ? peerStreamData : stream.numericValue();
            }
        } else if (f instanceof PeerFrame.Ack a) {
            onAck(a);
        } else if (f instanceof PeerFrame.Close c) {
            onAck(c.finalAck());
            closeReceived = c;
        } else if (f instanceof PeerFrame.Stream s) {
            IncomingStream in = incoming.computeIfAbsent(s.lsid(), l -> new IncomingStream(l,
                    s.has(PeerFrame.Stream.INIT) ? s.parentLsid() : 0, s.has(PeerFrame.Stream.NOACK)));
            in.onFrame(s);
            touched.add(in.parent == 0 ? in.lsid : in.parent);
        } else if (f instanceof PeerFrame.Reset r) {
            IncomingStream in = incoming.get(r.lsid());
            if (in != null) {
                in.onReset();
            }
        } else if (f instanceof PeerFrame.MaxData m) {
            peerMaxData = Math.max(peerMaxData, m.maxData());
        } else if (f instanceof PeerFrame.MaxStreamData m) {
            peerStreamLimits.merge(m.lsid(), m.maxStreamData(), Math::max);
        } else if (f instanceof PeerFrame.PathChallenge c) {
            control.add(new PeerFrame.PathResponse(c.data()));
        }
    }

    private void onAck(PeerFrame.Ack ack) {
        for (Sent sent : List.copyOf(inFlight.values())) {
            if (ack.acknowledges(sent.packetNumber())) {
                inFlight.remove(sent.packetNumber());
                ownSettingsAcked |= sent.settings();
                ownVersionAcked |= sent.version();
                replyAcknowledged(sent.reliable());
            }
        }
    }

    /** A frame at offset 0 of a service stream carries the start of its reply record (SPEC.md 9.1). */
    private void replyAcknowledged(List<PeerFrame.Stream> frames) {
        for (PeerFrame.Stream f : frames) {
            TestServiceSession session = sessions.get(f.lsid());
            if (session != null && f.offset() == 0 && f.data().length > 0) {
                session.replyAcknowledged();
            }
        }
    }

    /** Runs the test service of a top-level stream the initiator opened (odd LSID, parent 0). */
    private void serve(long lsid) {
        IncomingStream in = incoming.get(lsid);
        if (in == null || in.parent != 0 || lsid % 2 == 0) {
            return;
        }
        TestServiceSession session = sessions.computeIfAbsent(lsid, l -> new TestServiceSession(in,
                outgoing.computeIfAbsent(l, x -> new OutgoingStream(x, 0, false, false)), replyStatus));
        List<IncomingStream> children = incoming.values().stream().filter(c -> c.parent == lsid).toList();
        for (long child : session.advance(children, this::openDatagram)) {
            OutgoingStream back = outgoing.computeIfAbsent(child, x -> new OutgoingStream(x, 0, false, false));
            back.finish();
        }
    }

    private OutgoingStream openDatagram(long parent) {
        OutgoingStream datagram = new OutgoingStream(nextLsid, parent, true, true);
        outgoing.put(nextLsid, datagram);
        nextLsid += 2;
        return datagram;
    }

    // ---------------------------------------------------------------- sending

    private void sendFirstMessage() {
        List<PeerFrame> frames = new ArrayList<>();
        PacketHeader header = PacketHeader.of(nextCounter, true);
        switch (firstMessage) {
            case CONFORMING -> frames.add(SETTINGS);
            case WITHOUT_VERSION -> {
                frames.add(SETTINGS);
                header = PacketHeader.of(nextCounter, false);
            }
            case VERSION_2 -> {
                frames.add(SETTINGS);
                header = new PacketHeader(PacketHeader.HAS_VERSION, 2, nextCounter);
            }
            case WITHOUT_SETTINGS -> { }
        }
        if (ackPending) {
            frames.add(ack());
        } else {
            frames.add(new PeerFrame.Ping()); // the ACK is withheld; the packet must not be empty
        }
        firstMessageSentAt = System.nanoTime();
        send(header, frames, List.of());
        silent = firstMessage != ResponderScript.FirstMessage.CONFORMING;
    }

    /** Sends what is due: an ACK, control frames, and stream data within the window and the credit. */
    void flush(long now) {
        if (silent || closeReceived != null) {
            return; // draining after the initiator's CLOSE (CHN-CLOSE-3): nothing more
        }
        for (Sent sent : List.copyOf(inFlight.values())) {
            if (now - sent.sentAt() > RESEND_NANOS) {
                inFlight.remove(sent.packetNumber());
                resend.addAll(sent.reliable());
            }
        }
        while (true) {
            List<PeerFrame> frames = new ArrayList<>();
            if (!ownSettingsAcked) {
                frames.add(SETTINGS);
            }
            boolean worth = false;
            if (ackPending) {
                frames.add(ack());
                ackPending = false;
                worth = true;
            }
            frames.addAll(control);
            worth |= !control.isEmpty();
            control.clear();
            PacketHeader header = PacketHeader.of(nextCounter, !ownVersionAcked);
            int room = maxPlaintext() - header.encode().length - FrameEncoder.encodeAll(frames).length;
            List<PeerFrame.Stream> reliable = new ArrayList<>();
            if (inFlight.size() < WINDOW) {
                room = fillStreams(frames, reliable, room);
            }
            worth |= frames.stream().anyMatch(f -> f instanceof PeerFrame.Stream);
            if (!worth) {
                return;
            }
            send(header, frames, reliable);
        }
    }

    private int fillStreams(List<PeerFrame> frames, List<PeerFrame.Stream> reliable, int room) {
        while (room > OutgoingStream.MAX_FRAME_OVERHEAD && !resend.isEmpty()
                && FrameEncoder.encode(resend.peek()).length <= room) {
            PeerFrame.Stream again = resend.poll();
            frames.add(again);
            reliable.add(again);
            room -= FrameEncoder.encode(again).length;
        }
        for (OutgoingStream out : outgoing.values()) {
            while (room > OutgoingStream.MAX_FRAME_OVERHEAD && out.hasPending()) {
                long limit = peerStreamLimits.getOrDefault(out.lsid, peerStreamData);
                long streamCredit = limit - out.sentOffset();
                long credit = out.bestEffort ? streamCredit : Math.min(streamCredit, peerMaxData - channelDataSent);
                PeerFrame.Stream frame = out.next(room, Math.max(0, credit));
                if (frame == null) {
                    break;
                }
                frames.add(frame);
                if (!out.bestEffort) {
                    reliable.add(frame);
                    channelDataSent += frame.data().length;
                }
                room -= FrameEncoder.encode(frame).length;
            }
        }
        return room;
    }

    private void send(PacketHeader header, List<PeerFrame> frames, List<PeerFrame.Stream> reliable) {
        long pn = nextCounter++;
        byte[] plaintext = PlaintextEncoder.padded(header, frames);
        socket.accept(boxes.sealMessage(pn, plaintext), peer);
        boolean eliciting = frames.stream().anyMatch(PeerFrame::isAckEliciting);
        if (eliciting) {
            inFlight.put(pn, new Sent(pn, System.nanoTime(), frames.get(0) instanceof PeerFrame.Settings,
                    header.hasVersion(), reliable));
        }
    }

    private int maxPlaintext() {
        long max = Packets.MAX_MESSAGE_PLAINTEXT;
        PeerFrame.Setting s = peerSettings == null ? null : peerSettings.find(PeerFrame.Setting.MAX_PLAINTEXT);
        if (s != null) {
            max = Math.min(max, s.numericValue());
        }
        return (int) (max / 16 * 16);
    }

    /** An ACK of everything received (CHN-ACK-5, CHN-ACK-7); it may settle the initiator's SETTINGS and version. */
    private PeerFrame.Ack ack() {
        long largest = received.lastKey();
        long least = received.firstKey();
        List<PeerFrame.NackRange> ranges = new ArrayList<>();
        Long above = null;
        for (long pn : received.descendingKeySet()) {
            if (above != null && above - pn > 1) {
                if (ranges.size() == MAX_ACK_RANGES) {
                    least = above;
                    break;
                }
                ranges.add(new PeerFrame.NackRange(pn + 1, (int) Math.min(0xFFFF, above - pn - 1)));
            }
            above = pn;
        }
        PeerFrame.Ack ack = PeerFrame.Ack.of(least, largest,
                Math.max(0, (System.nanoTime() - received.get(largest)) / 1000), ranges);
        peerSettingsAcked |= peerSettingsPackets.stream().anyMatch(ack::acknowledges);
        peerVersionAcked |= peerVersionPackets.stream().anyMatch(ack::acknowledges);
        return ack;
    }
}
