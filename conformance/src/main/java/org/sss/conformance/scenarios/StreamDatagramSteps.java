package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of best-effort datagrams (SPEC.md 8.7) and the datagram-echo service (A.4). The peer sends
 * each datagram as a fresh substream, in fragments of {@link StreamScenario#CHUNK} bytes: best effort
 * (INIT and NOACK on every fragment, FIN on the last, STR-DGRAM-1, STR-DGRAM-2) up to 16 fragments,
 * reliable beyond (STR-DGRAM-6 with a loss rate of 0). An echo is a new substream the IUT opens under
 * the service stream: an even LSID (STR-ID-1) whose INIT names the stream as parent.
 */
public class StreamDatagramSteps {
    private static final int MAX_BEST_EFFORT_FRAGMENTS = 16;

    /** One datagram the peer sent. */
    private record Sent(long lsid, long parent, byte[] data, boolean endsRecord) {
    }

    private final List<Sent> sent = new ArrayList<>();
    /** The IUT's LSIDs already matched to a datagram, so that each echo is counted once. */
    private final Set<Long> matched = new HashSet<>();
    private long lastEcho = -1;
    private Sent incomplete;
    private PeerFrame.Stream withheld;

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** The fragments of a new datagram under {@code parent}, remembered as sent. */
    private List<PeerFrame.Stream> fragments(StreamScenario.Opened parent, byte[] data, boolean endsRecord) {
        TesterPeer peer = parent.peer;
        long lsid = peer.openSubstream(parent.lsid);
        int count = Math.max(1, (data.length + StreamScenario.CHUNK - 1) / StreamScenario.CHUNK);
        boolean bestEffort = count <= MAX_BEST_EFFORT_FRAGMENTS;
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = i * StreamScenario.CHUNK;
            int to = Math.min(data.length, from + StreamScenario.CHUNK);
            PeerFrame.Stream f = PeerFrame.Stream.data(lsid, from, Arrays.copyOfRange(data, from, to)).opening(parent.lsid);
            if (bestEffort) {
                f = f.with(PeerFrame.Stream.NOACK);
            }
            if (i == count - 1) {
                f = f.with(PeerFrame.Stream.FIN | (endsRecord ? PeerFrame.Stream.RECORD : 0));
            }
            frames.add(f);
        }
        sent.add(new Sent(lsid, parent.lsid, data, endsRecord));
        return frames;
    }

    @When("the peer sends a datagram of {int} random bytes under {word}")
    public void datagram(int size, String parent) {
        StreamScenario.Opened p = streams().get(parent);
        StreamScenario.sendEach(p.peer, fragments(p, context().randomBytes(size), false));
    }

    @When("the peer sends a datagram of {int} random bytes under {word}, its fragments in random order")
    public void datagramShuffled(int size, String parent) {
        StreamScenario.Opened p = streams().get(parent);
        List<PeerFrame.Stream> frames = fragments(p, context().randomBytes(size), false);
        Collections.shuffle(frames, context().random());
        StreamScenario.sendEach(p.peer, frames);
    }

    @When("the peer sends {int} datagrams of {int} to {int} random bytes under {word}, all in one packet")
    public void datagramsInOnePacket(int count, int min, int max, String parent) {
        StreamScenario.Opened p = streams().get(parent);
        List<PeerFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.addAll(fragments(p, context().randomBytes(min + context().random().nextInt(max - min + 1)), false));
        }
        p.peer.send(frames);
    }

    @When("the peer sends a datagram of {int} random bytes under {word} without its second fragment")
    public void datagramWithoutSecond(int size, String parent) {
        StreamScenario.Opened p = streams().get(parent);
        List<PeerFrame.Stream> frames = fragments(p, context().randomBytes(size), false);
        assertThat(frames.size()).as("fragments of a %d-byte datagram", size).isGreaterThan(2);
        incomplete = sent.get(sent.size() - 1);
        withheld = frames.remove(1);
        StreamScenario.sendEach(p.peer, frames);
    }

    @When("the peer waits until the incomplete datagram must have been discarded and sends its missing fragment")
    public void lateFragment() {
        // STR-DGRAM-5: 2 · smoothed_rtt; QUIET exceeds twice the initial RTT of 500 ms (section 6.5)
        context().listen(ScenarioContext.QUIET);
        context().peer().send(List.of(withheld));
    }

    @Then("the IUT echoes that datagram as a new datagram under {word}")
    public void echoedAsDatagram(String parent) {
        assertEchoes(streams().get(parent), List.of(sent.get(sent.size() - 1)));
    }

    @Then("the IUT echoes each of those datagrams as a new datagram under {word}")
    public void echoedEach(String parent) {
        StreamScenario.Opened p = streams().get(parent);
        assertEchoes(p, sent.stream().filter(d -> d.parent == p.lsid && d != incomplete).toList());
    }

    /** TST-DGE-1: each of {@code datagrams} comes back as a new datagram of the IUT under {@code parent}. */
    private void assertEchoes(StreamScenario.Opened parent, List<Sent> datagrams) {
        TesterPeer peer = parent.peer;
        List<Sent> waiting = new ArrayList<>(datagrams);
        waiting.removeIf(d -> matchedEcho(peer, parent, d) >= 0);
        StreamScenario.receiveUntil(peer, () -> {
            waiting.removeIf(d -> matchedEcho(peer, parent, d) >= 0);
            return waiting.isEmpty() || peer.closeReceived() != null;
        }, "TST-DGE-1: the echo of " + waiting.size() + " datagram(s) of sizes "
                + waiting.stream().map(d -> d.data.length).toList() + " under " + parent + "; IUT LSIDs "
                + iutLsids(peer));
        StreamScenario.assertOpen(peer, "TST-DGE-1");
    }

    /** The IUT LSID that echoes {@code d} (now matched), or -1 while none does. */
    private long matchedEcho(TesterPeer peer, StreamScenario.Opened parent, Sent d) {
        for (long lsid : iutLsids(peer)) {
            StreamInbox in = peer.inbox(lsid);
            if (matched.contains(lsid) || !in.isFinished() || in.parentLsid() == null
                    || in.parentLsid() != parent.lsid || !Arrays.equals(in.bytes(), d.data)) {
                continue;
            }
            checkDatagram(in, d);
            matched.add(lsid);
            lastEcho = lsid;
            return lsid;
        }
        return -1;
    }

    /** How the echo of {@code d} was sent: section 8.7's rules for the IUT as a sender (TST-DGE-1). */
    private static void checkDatagram(StreamInbox in, Sent d) {
        TreeSet<Long> expected = new TreeSet<>();
        if (d.endsRecord && d.data.length > 0) {
            expected.add((long) d.data.length);
        }
        assertThat(in.recordBoundaries()).as("TST-DGE-1: record boundaries of the echo %s", in).isEqualTo(expected);
        assertThat(in.finalSize()).as("TST-DGE-1: size of the echo %s", in).isEqualTo(d.data.length);
        assertThat(in.isReset()).as("the echo %s was reset", in).isFalse();
        // STR-DGRAM-3: NOACK on every frame or none
        assertThat(in.noackFrames() == 0 || in.noackFrames() == in.streamFrames())
                .as("STR-DGRAM-3: NOACK on %d of %d frames of %s", in.noackFrames(), in.streamFrames(), in).isTrue();
        if (in.noackFrames() > 0) {
            // STR-DGRAM-1, STR-DGRAM-2: every fragment carries INIT; STR-DGRAM-6: at most 16 of them
            assertThat(in.initFrames()).as("STR-DGRAM-2: INIT on every fragment of %s", in).isEqualTo(in.streamFrames());
            assertThat(in.streamFrames()).as("STR-DGRAM-6: best-effort fragments of %s", in)
                    .isLessThanOrEqualTo(MAX_BEST_EFFORT_FRAGMENTS);
        }
    }

    /** The LSIDs of the IUT's own parity on which it sent STREAM frames, in order of first appearance. */
    private static List<Long> iutLsids(TesterPeer peer) {
        List<Long> out = new ArrayList<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Stream f : p.framesOf(PeerFrame.Stream.class)) {
                if (f.lsid() % 2 == 0 && !out.contains(f.lsid())) {
                    out.add(f.lsid());
                }
            }
        }
        return out;
    }

    @Then("the IUT never echoes the incomplete datagram")
    public void neverEchoed() {
        TesterPeer peer = context().peer();
        context().listen(ScenarioContext.QUIET);
        for (long lsid : iutLsids(peer)) {
            StreamInbox in = peer.inbox(lsid);
            assertThat(in.finalSize() != null && in.finalSize() == incomplete.data.length)
                    .as("STR-DGRAM-4, STR-DGRAM-5: the IUT echoed the incomplete datagram of %d bytes as %s",
                            incomplete.data.length, in).isFalse();
        }
    }

    @Then("the IUT echoes the datagram on its own substream")
    public void echoedOnItself() {
        Sent d = sent.get(sent.size() - 1);
        TesterPeer peer = context().peer();
        StreamInbox in = peer.awaitStream(d.lsid, StreamInbox::isFinished, ScenarioContext.TIMEOUT);
        assertThat(in.bytes()).as("TST-ECHO-4: the echo of a datagram under echo, %s", in).isEqualTo(d.data);
        assertThat(in.finalSize()).isEqualTo(d.data.length);
    }

    @Then("the IUT finishes {word} with no data after its reply")
    public void finishedEmpty(String label) {
        StreamScenario.Opened s = streams().get(label);
        StreamInbox in = streams().awaitFinished(s);
        long reply = StreamScenario.replyLength(s, in);
        assertThat(in.highestOffset()).as("TST-DGE-2: data on the datagram-echo stream after the reply: %s", in)
                .isEqualTo(reply);
        assertThat(in.finalSize()).as("TST-DGE-2: FIN on the stream").isEqualTo(reply);
    }

    @Then("the IUT finished every datagram substream it received with a FIN and no data")
    public void substreamsFinishedEmpty() {
        TesterPeer peer = context().peer();
        for (Sent d : sent) {
            StreamInbox in = peer.awaitStream(d.lsid, StreamInbox::isFinished, ScenarioContext.TIMEOUT);
            assertThat(in.highestOffset()).as("TST-DGE-2: data on the received substream %s", in).isZero();
            assertThat(in.finalSize()).as("TST-DGE-2: FIN with no data on %s", in).isZero();
        }
    }

    @When("the peer finishes its direction of the IUT's datagram stream")
    public void finishEcho() {
        assertThat(lastEcho).as("an echoed datagram").isNotNegative();
        context().peer().send(List.of(PeerFrame.Stream.data(lastEcho, 0, new byte[0]).with(PeerFrame.Stream.FIN)));
    }

    @When("the peer opens a stream under the IUT's closed datagram stream and sends a record of {int} random bytes on it")
    public void childOfClosed(int size) {
        TesterPeer peer = context().peer();
        StreamScenario.Opened s = streams().register("X", peer, peer.openSubstream(lastEcho), lastEcho);
        streams().send(s, context().randomBytes(size), true, false);
    }
}
