package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps that shape a stream's data on the wire (SPEC.md 8.4, 8.6): frames of random sizes sent out
 * of order, repeated and overlapping, records split or packed, record boundaries on FIN frames, and
 * final sizes that contradict each other.
 */
public class StreamDataSteps {
    /** Data bytes of frames packed into one packet: room for the header and the frame headers. */
    private static final int PACKET_DATA = 900;

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer sends {int} random bytes on {word} as frames of random sizes in random order, some repeated and some overlapping, then FIN")
    public void reordered(int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        long base = s.offset;
        byte[] data = context().randomBytes(size);
        s.sent.writeBytes(data);
        s.offset += size;
        s.finSent = true;
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (int pos = 0; pos < size;) {
            int n = Math.min(size - pos, 1 + context().random().nextInt(700));
            frames.add(piece(s, base, data, pos, n));
            pos += n;
        }
        int extra = frames.size() / 3;
        for (int i = 0; i < extra; i++) {
            // a repeat of a piece, or a range across piece boundaries: the same bytes at the same offsets (STR-DATA-3)
            int from = context().random().nextInt(size);
            int n = Math.min(size - from, 1 + context().random().nextInt(900));
            frames.add(i % 2 == 0 ? frames.get(context().random().nextInt(frames.size())) : piece(s, base, data, from, n));
        }
        Collections.shuffle(frames, context().random());
        sendPacked(s.peer, frames);
    }

    /** Bytes {@code [pos, pos + n)} of {@code data} at {@code base + pos}, with FIN when they reach the end. */
    private static PeerFrame.Stream piece(StreamScenario.Opened s, long base, byte[] data, int pos, int n) {
        PeerFrame.Stream f = StreamScenario.frameAt(s, base + pos, Arrays.copyOfRange(data, pos, pos + n));
        return pos + n == data.length ? f.with(PeerFrame.Stream.FIN) : f;
    }

    /** Sends {@code frames} in order, as many to a packet as fit in {@link #PACKET_DATA} data bytes. */
    private static void sendPacked(TesterPeer peer, List<PeerFrame.Stream> frames) {
        List<PeerFrame> packet = new ArrayList<>();
        int bytes = 0;
        for (PeerFrame.Stream f : frames) {
            int cost = f.length() + 20;
            if (!packet.isEmpty() && bytes + cost > PACKET_DATA) {
                peer.send(packet);
                packet = new ArrayList<>();
                bytes = 0;
            }
            packet.add(f);
            bytes += cost;
        }
        if (!packet.isEmpty()) {
            peer.send(packet);
        }
    }

    @When("the peer sends on {word}, in one packet, {int} bytes with FIN, then {int} bytes beyond the final size")
    public void beyondFinalSize(String label, int size, int beyond) {
        StreamScenario.Opened s = streams().get(label);
        PeerFrame.Stream fin = StreamScenario.frameAt(s, s.offset, context().randomBytes(size)).with(PeerFrame.Stream.FIN);
        PeerFrame.Stream more = StreamScenario.frameAt(s, s.offset + size, context().randomBytes(beyond));
        s.peer.send(List.of(fin, more));
    }

    @When("the peer sends on {word}, in one packet, {int} bytes with FIN, then a FIN at {int}")
    public void secondFin(String label, int size, int at) {
        sendThenFin(label, size, true, at);
    }

    @When("the peer sends on {word}, in one packet, {int} bytes without FIN, then a FIN at {int}")
    public void finBelow(String label, int size, int at) {
        sendThenFin(label, size, false, at);
    }

    /** {@code size} bytes, with FIN or not, then a FIN with no data at offset {@code at} (counted after the request). */
    private void sendThenFin(String label, int size, boolean fin, int at) {
        StreamScenario.Opened s = streams().get(label);
        PeerFrame.Stream data = StreamScenario.frameAt(s, s.offset, context().randomBytes(size));
        PeerFrame.Stream second = StreamScenario.frameAt(s, s.requestLength + at, new byte[0]).with(PeerFrame.Stream.FIN);
        s.peer.send(List.of(fin ? data.with(PeerFrame.Stream.FIN) : data, second));
    }

    @When("the peer repeats the FIN of {word} at the same final size")
    public void repeatFin(String label) {
        StreamScenario.Opened s = streams().get(label);
        assertThat(s.finSent).isTrue();
        // FRM-STREAM-9: the final byte ends a record, so the FIN frame without data carries RECORD
        s.peer.send(List.of(StreamScenario.frameAt(s, s.offset, new byte[0])
                .with(PeerFrame.Stream.FIN | PeerFrame.Stream.RECORD)));
    }

    @When("the peer sends records of {int}, {int} and {int} random bytes on {word}, each split into frames sent in random order, then FIN")
    public void splitRecords(int a, int b, int c, String label) {
        StreamScenario.Opened s = streams().get(label);
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (int size : List.of(a, b, c)) {
            long base = s.offset;
            byte[] record = context().randomBytes(size);
            for (int pos = 0; pos < size;) {
                int n = Math.min(size - pos, 1 + context().random().nextInt(800));
                PeerFrame.Stream f = StreamScenario.frameAt(s, base + pos, Arrays.copyOfRange(record, pos, pos + n));
                // FRM-STREAM-9: RECORD exactly on the frame whose last byte ends the record
                frames.add(pos + n == size ? f.with(PeerFrame.Stream.RECORD) : f);
                pos += n;
            }
            s.offset += size;
            s.sent.writeBytes(record);
            s.boundaries.add((long) s.sent.size());
        }
        Collections.shuffle(frames, context().random());
        StreamScenario.sendEach(s.peer, frames);
        finishWithRecord(s);
    }

    /** FIN with no data; RECORD set, since the final byte ends a record (FRM-STREAM-9). */
    private static void finishWithRecord(StreamScenario.Opened s) {
        s.finSent = true;
        s.peer.send(List.of(StreamScenario.frameAt(s, s.offset, new byte[0])
                .with(PeerFrame.Stream.FIN | PeerFrame.Stream.RECORD)));
    }

    @When("the peer sends {int} records of {int} to {int} random bytes on {word}, all in one packet, then FIN")
    public void recordsInOnePacket(int count, int min, int max, String label) {
        StreamScenario.Opened s = streams().get(label);
        List<PeerFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] record = context().randomBytes(min + context().random().nextInt(max - min + 1));
            frames.addAll(streams().frames(s, record, true, i == count - 1));
        }
        s.peer.send(frames);
    }

    @When("the peer sends on {word} a record of {int} random bytes, {int} plain bytes, a record of {int} random bytes and {int} plain bytes, then FIN")
    public void mixed(String label, int r1, int p1, int r2, int p2) {
        StreamScenario.Opened s = streams().get(label);
        streams().send(s, context().randomBytes(r1), true, false);
        streams().send(s, context().randomBytes(p1), false, false);
        streams().send(s, context().randomBytes(r2), true, false);
        streams().send(s, context().randomBytes(p2), false, true);
    }

    @When("the peer sends {int} plain bytes on {word} and then a FIN frame with RECORD and no data")
    public void recordOnFin(int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        streams().send(s, context().randomBytes(size), false, false);
        s.boundaries.add((long) s.sent.size());
        finishWithRecord(s);
    }

    @When("the peer sends {int} records of {int} random byte(s) on {word}, then FIN")
    public void tinyRecords(int count, int size, String label) {
        StreamScenario.Opened s = streams().get(label);
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.addAll(streams().frames(s, context().randomBytes(size), true, false));
        }
        sendPacked(s.peer, frames);
        finishWithRecord(s);
    }
}
