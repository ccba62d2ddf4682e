package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * The streams a scenario of SPEC.md sections 8, 9 and Appendix A opened by hand, named by labels
 * ("A", "child", ...), with what it sent on each. The stream step classes share it through the
 * scenario's {@link ScenarioContext}, since Cucumber gives every step class its own instance.
 *
 * <p>Every frame built here carries INIT and the parent: STR-OPEN-2 requires INIT until a packet with
 * it is acknowledged, and STR-OPEN-5 makes a later INIT for a live stream plain data, so frames built
 * this way may be sent in any order, split, repeated or reordered, which is what these scenarios do.
 */
final class StreamScenario {
    /** Data bytes per STREAM frame: room for the header, a SETTINGS frame not yet acknowledged and several frames. */
    static final int CHUNK = 1000;

    private static final Map<ScenarioContext, StreamScenario> BY_CONTEXT =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final ScenarioContext context;
    private final Map<String, Opened> streams = new LinkedHashMap<>();

    /** One stream the scenario opened, and what it sent there. */
    static final class Opened {
        final String label;
        final TesterPeer peer;
        final long lsid;
        final long parent;
        /** Bytes of the opener's service request (0 on a substream): offsets of {@link #sent} start after it. */
        long requestLength;
        /** The next stream offset. */
        long offset;
        /** The application bytes sent (after the request record on a top-level stream). */
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        /** Record boundaries of {@link #sent}. */
        final TreeSet<Long> boundaries = new TreeSet<>();
        boolean finSent;
        /** Whether the last data byte sent ended a record (a FIN without data then carries RECORD, FRM-STREAM-9). */
        boolean lastEndsRecord;
        /** The packet that carried the peer's RESET of the stream, or -1. */
        long resetPacket = -1;

        Opened(String label, TesterPeer peer, long lsid, long parent) {
            this.label = label;
            this.peer = peer;
            this.lsid = lsid;
            this.parent = parent;
        }

        /** Whether it is a top-level stream, whose IUT direction starts with a service reply. */
        boolean topLevel() {
            return parent == 0;
        }

        @Override
        public String toString() {
            return "stream " + label + " (LSID " + lsid + ", parent " + parent + ")";
        }
    }

    private StreamScenario(ScenarioContext context) {
        this.context = context;
    }

    /** The stream state of the running scenario. */
    static StreamScenario current() {
        ScenarioContext context = ScenarioContext.current();
        return BY_CONTEXT.computeIfAbsent(context, StreamScenario::new);
    }

    ScenarioContext context() {
        return context;
    }

    /** The stream named {@code label}. */
    Opened get(String label) {
        Opened s = streams.get(label);
        if (s == null) {
            throw new IllegalStateException("the scenario opened no stream '" + label + "' (it has " + streams.keySet()
                    + ")");
        }
        return s;
    }

    /** Every stream the scenario opened, in opening order. */
    List<Opened> all() {
        return new ArrayList<>(streams.values());
    }

    /** Registers a stream under {@code label} with an LSID already allocated on {@code peer}. */
    Opened register(String label, TesterPeer peer, long lsid, long parent) {
        Opened s = new Opened(label, peer, lsid, parent);
        if (streams.putIfAbsent(label, s) != null) {
            throw new IllegalStateException("stream '" + label + "' is opened twice");
        }
        return s;
    }

    /** Allocates a top-level stream on the current peer without sending anything. */
    Opened allocateTopLevel(String label) {
        TesterPeer peer = context.peer();
        return register(label, peer, peer.openSubstream(0), 0);
    }

    /** Allocates a substream of {@code parentLabel} without sending anything. */
    Opened allocateChild(String label, String parentLabel) {
        Opened parent = get(parentLabel);
        return register(label, parent.peer, parent.peer.openSubstream(parent.lsid), parent.lsid);
    }

    /** The frames that carry a connect request record on {@code s} (SVC-CONN-1). */
    List<PeerFrame.Stream> requestFrames(Opened s, String service, String protocol) {
        return requestFrames(s, ServiceMessages.connectRequest(service, protocol));
    }

    /** The frames that carry {@code request} as the first record of {@code s}. */
    List<PeerFrame.Stream> requestFrames(Opened s, byte[] request) {
        List<PeerFrame.Stream> frames = frames(s, request, true, false);
        // the request does not count as application data (Appendix A counts offsets after it)
        s.requestLength = request.length;
        s.sent.reset();
        s.boundaries.clear();
        return frames;
    }

    /** Opens a top-level stream with a connect request in its own packet(s). */
    Opened connect(String label, String service, String protocol) {
        Opened s = allocateTopLevel(label);
        sendEach(s.peer, requestFrames(s, service, protocol));
        return s;
    }

    /**
     * The frames that carry {@code data} at the stream's next offset, {@link #CHUNK} bytes each, with INIT
     * and the parent; RECORD on the last when {@code record}, FIN on the last when {@code fin}. Advances
     * the offset and remembers the bytes and boundaries.
     */
    List<PeerFrame.Stream> frames(Opened s, byte[] data, boolean record, boolean fin) {
        List<PeerFrame.Stream> out = new ArrayList<>();
        int pos = 0;
        do {
            int n = Math.min(CHUNK, data.length - pos);
            boolean last = pos + n == data.length;
            PeerFrame.Stream f = frameAt(s, s.offset, Arrays.copyOfRange(data, pos, pos + n));
            if (last && (n > 0 ? record : fin && s.lastEndsRecord)) {
                f = f.with(PeerFrame.Stream.RECORD);
            }
            if (last && fin) {
                f = f.with(PeerFrame.Stream.FIN);
            }
            out.add(f);
            s.offset += n;
            pos += n;
        } while (pos < data.length);
        s.sent.writeBytes(data);
        if (data.length > 0) {
            s.lastEndsRecord = record;
        }
        if (record && data.length > 0) {
            s.boundaries.add((long) s.sent.size());
        }
        s.finSent |= fin;
        return out;
    }

    /** One frame of {@code s} at {@code offset}, with INIT and the parent, without touching what was sent. */
    static PeerFrame.Stream frameAt(Opened s, long offset, byte[] data) {
        return PeerFrame.Stream.data(s.lsid, offset, data).opening(s.parent);
    }

    /** Sends each frame in a packet of its own, in order. */
    static void sendEach(TesterPeer peer, List<? extends PeerFrame> frames) {
        for (PeerFrame f : frames) {
            peer.send(List.of(f));
        }
    }

    /** Sends {@code data} on {@code s} at its next offset, each frame in a packet of its own. */
    void send(Opened s, byte[] data, boolean record, boolean fin) {
        sendEach(s.peer, frames(s, data, record, fin));
    }

    /** Waits until the IUT finished its direction of {@code s} (FIN and every byte before it). */
    StreamInbox awaitFinished(Opened s) {
        return s.peer.awaitStream(s.lsid, StreamInbox::isFinished, ScenarioContext.TIMEOUT);
    }

    /** Waits until the IUT reset {@code s}. */
    StreamInbox awaitReset(Opened s) {
        return s.peer.awaitStream(s.lsid, StreamInbox::isReset, ScenarioContext.TIMEOUT);
    }

    /** The length of the IUT's reply record on a top-level stream, 0 on a substream. */
    static long replyLength(Opened s, StreamInbox inbox) {
        if (!s.topLevel()) {
            return 0;
        }
        assertThat(inbox.recordBoundaries()).as("the service reply's boundary on %s: %s", s, inbox).isNotEmpty();
        return inbox.recordBoundaries().first();
    }

    /**
     * Asserts that the IUT echoed {@code s} as Appendix A.1 says: the same bytes at the same offsets
     * (TST-ECHO-1), the same record boundaries and no others (TST-ECHO-2), FIN at the received final
     * size (TST-ECHO-3), offsets from 0 on a substream (TST-ECHO-4).
     */
    void assertEchoed(Opened s, String requirements) {
        StreamInbox inbox = awaitFinished(s);
        long reply = replyLength(s, inbox);
        byte[] all = inbox.bytes();
        byte[] echoed = Arrays.copyOfRange(all, (int) reply, all.length);
        byte[] expected = s.sent.toByteArray();
        if (!Arrays.equals(echoed, expected)) {
            throw new AssertionError(requirements + ": the IUT echoed " + echoed.length + " bytes on " + s
                    + " where " + expected.length + " were sent" + firstDifference(echoed, expected) + "; " + inbox);
        }
        TreeSet<Long> boundaries = new TreeSet<>();
        for (long b : inbox.recordBoundaries().tailSet(reply + 1)) {
            boundaries.add(b - reply);
        }
        assertThat(boundaries).as("%s: record boundaries echoed on %s (expected those sent)", requirements, s)
                .isEqualTo(s.boundaries);
        assertThat(inbox.finalSize() - reply).as("%s: final size echoed on %s", requirements, s)
                .isEqualTo(s.sent.size());
        assertThat(inbox.sawConflictingFin()).as("two FINs with different final sizes on %s", s).isFalse();
        assertThat(inbox.isReset()).as("%s: %s was reset (code %s)", requirements, s, inbox.resetCode()).isFalse();
    }

    private static String firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return " (first difference at offset " + i + ")";
            }
        }
        return "";
    }

    /** Asserts that the IUT has not closed the channel of {@code peer}. */
    static void assertOpen(TesterPeer peer, String requirement) {
        PeerFrame.Close close = peer.closeReceived();
        if (close != null) {
            throw new AssertionError(requirement + ": the channel must stay open, but the IUT closed it with "
                    + ErrorCode.nameOf(close.errorCode()) + " ('" + close.reason() + "')");
        }
    }

    /** Whether some ACK or CLOSE of the IUT on {@code peer} acknowledged packet {@code pn}. */
    static boolean acknowledged(TesterPeer peer, long pn) {
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Ack a : p.framesOf(PeerFrame.Ack.class)) {
                if (a.acknowledges(pn)) {
                    return true;
                }
            }
            for (PeerFrame.Close c : p.framesOf(PeerFrame.Close.class)) {
                if (c.finalAck().acknowledges(pn)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Receives on {@code peer} until {@code done} holds; fails naming {@code what} after the timeout. */
    static void receiveUntil(TesterPeer peer, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("within " + ScenarioContext.TIMEOUT + ": " + what + " did not happen");
            }
            peer.receive(Duration.ofNanos(remaining));
        }
    }

    /** Receives on several peers in turn until {@code done} holds (each peer is single-threaded). */
    static void receiveUntil(List<TesterPeer> peers, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + ScenarioContext.TIMEOUT + ": " + what + " did not happen");
            }
            for (TesterPeer p : peers) {
                p.receive(Duration.ofMillis(5));
            }
        }
    }

    /** Listens for {@link ScenarioContext#QUIET} on every peer of {@code peers}, in turn. */
    static void listen(List<TesterPeer> peers) {
        long deadline = System.nanoTime() + ScenarioContext.QUIET.toNanos();
        while (System.nanoTime() < deadline) {
            for (TesterPeer p : peers) {
                p.receive(Duration.ofMillis(5));
            }
        }
    }

    /** Every STREAM frame the IUT sent on {@code peer} for {@code lsid}, in arrival order. */
    static List<PeerFrame.Stream> framesFor(TesterPeer peer, long lsid) {
        List<PeerFrame.Stream> out = new ArrayList<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                if (f.lsid() == lsid) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The number of the first IUT packet on {@code peer} whose ACK or CLOSE acknowledges {@code pn}, or -1. */
    static long firstAcknowledging(TesterPeer peer, long pn) {
        long first = -1;
        for (ReceivedPacket p : peer.receivedPackets()) {
            boolean acks = p.framesOf(PeerFrame.Ack.class).stream().anyMatch(a -> a.acknowledges(pn))
                    || p.framesOf(PeerFrame.Close.class).stream().anyMatch(c -> c.finalAck().acknowledges(pn));
            if (acks && (first < 0 || p.packetNumber() < first)) {
                first = p.packetNumber();
            }
        }
        return first;
    }

    /** The STREAM frames for {@code lsid} in IUT packets numbered {@code fromPacket} or higher. */
    static List<PeerFrame.Stream> framesFor(TesterPeer peer, long lsid, long fromPacket) {
        List<PeerFrame.Stream> out = new ArrayList<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            if (p.packetNumber() >= fromPacket) {
                for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                    if (f.lsid() == lsid) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    /**
     * An echo round trip of one 32-byte record on a fresh top-level stream of {@code peer}: a sequence
     * point after which an IUT has answered whatever it received before (a refusal with
     * STREAM_LIMIT_ERROR answers too, when the scenario holds every stream the IUT allows).
     */
    static void echoRoundTrip(ScenarioContext context, TesterPeer peer) {
        long lsid = peer.openStream("echo", "sss-test/1");
        byte[] record = context.randomBytes(32);
        peer.sendRecord(lsid, record);
        peer.finish(lsid);
        StreamInbox inbox = peer.awaitStream(lsid, in -> in.isFinished() || in.isReset() || peer.closeReceived() != null,
                ScenarioContext.TIMEOUT);
        assertOpen(peer, "an echo round trip after the packet under test");
        if (inbox.isReset() && inbox.resetCode() == ErrorCode.STREAM_LIMIT_ERROR.code()) {
            return; // at MAX_CONCURRENT_PEER_STREAMS the refusal (STR-LIMIT-1) is the IUT's answer
        }
        List<byte[]> records = inbox.records();
        assertThat(records.size() == 2 && Arrays.equals(records.get(1), record))
                .as("the echo round trip after the packet under test: %s", inbox).isTrue();
    }

    /** Every RESET the IUT sent on {@code peer}. */
    static List<PeerFrame.Reset> resets(TesterPeer peer) {
        List<PeerFrame.Reset> out = new ArrayList<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            out.addAll(p.framesOf(PeerFrame.Reset.class));
        }
        return out;
    }
}
