package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md 8.8 (priorities). The peer acknowledges by hand and never raises a limit on its
 * own, so that source streams (A.3) stay blocked by its small per-stream credit with data pending.
 * Then one packet changes priorities and raises the limits, highest priority first, and the order of
 * the new data in the IUT's packets (by packet number, then frame order) shows whom the IUT served
 * first. No timing is asserted.
 */
public class StreamPrioritySteps {
    /** STR-PRIO-1: the priority of a top-level stream that nobody changed. */
    private static final long DEFAULT_PRIORITY = 0x8000_0000L;

    private long credit;
    private final Map<String, Long> priorities = new HashMap<>();
    private final Map<String, Long> limits = new HashMap<>();

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("a tester peer with a channel to the IUT, granting {int} bytes of credit per stream and raising it only when told")
    public void smallCredit(int bytes) {
        credit = bytes;
        List<PeerFrame.Setting> settings = new ArrayList<>();
        for (PeerFrame.Setting s : PeerOptions.DEFAULT_SETTINGS.entries()) {
            settings.add(s.tag() == PeerFrame.Setting.INITIAL_MAX_STREAM_DATA
                    ? PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, bytes) : s);
        }
        // without auto-ACK the peer sends no automatic MAX_STREAM_DATA either; pump() acknowledges
        context().connect(o -> o.withSettings(new PeerFrame.Settings(settings)).withAutoAck(false));
    }

    /** Receives, acknowledging every ack-eliciting packet at once, until {@code done} holds. */
    private void pump(BooleanSupplier done, String what) {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || peer.closeReceived() != null) {
                throw new AssertionError(what + " did not happen within " + ScenarioContext.TIMEOUT + " (CLOSE: "
                        + peer.closeReceived() + ")");
            }
            ReceivedPacket p = peer.receive(Duration.ofNanos(remaining));
            if (p != null && p.isAckEliciting()) {
                peer.sendAck();
            }
        }
    }

    @Given("source streams {word} and {word}, each blocked by flow control with {int} bytes to send")
    public void twoBlocked(String a, String b, int size) {
        blocked(List.of(a, b), size);
    }

    @Given("source streams {word}, {word} and {word}, each blocked by flow control with {int} bytes to send")
    public void threeBlocked(String a, String b, String c, int size) {
        blocked(List.of(a, b, c), size);
    }

    private void blocked(List<String> labels, int size) {
        TesterPeer peer = context().peer();
        for (String label : labels) {
            StreamScenario.Opened s = streams().allocateTopLevel(label);
            List<PeerFrame> frames = new ArrayList<>(streams().requestFrames(s, "source", "sss-test/1"));
            frames.addAll(streams().frames(s, ByteBuffer.allocate(12).putLong(size).putInt(0).array(), true, false));
            peer.send(frames);
            priorities.put(label, DEFAULT_PRIORITY);
            limits.put(label, credit);
        }
        pump(() -> labels.stream().allMatch(l -> highest(l) >= credit),
                "every source stream sending up to the peer's stream credit of " + credit + " bytes");
    }

    private long highest(String label) {
        StreamScenario.Opened s = streams().get(label);
        return s.peer.inbox(s.lsid).highestOffset();
    }

    @When("the peer sets the priority of {word} to {long} and gives {word} and {word} {int} more bytes of credit, in one packet")
    public void prioritizeOne(String label, long priority, String a, String b, int more) {
        release(Map.of(label, priority), List.of(a, b), more);
    }

    @When("the peer sets the priority of {word} to {long} and of {word} to {long} and gives {word}, {word} and {word} {int} more bytes of credit, in one packet")
    public void prioritizeTwo(String l1, long p1, String l2, long p2, String a, String b, String c, int more) {
        Map<String, Long> set = new LinkedHashMap<>();
        set.put(l1, p1);
        set.put(l2, p2);
        release(set, List.of(a, b, c), more);
    }

    @When("the peer gives {word} and {word} {int} more bytes of credit, in one packet")
    public void giveCredit(String a, String b, int more) {
        release(Map.of(), List.of(a, b), more);
    }

    private void release(Map<String, Long> newPriorities, List<String> labels, int more) {
        List<PeerFrame> frames = new ArrayList<>();
        newPriorities.forEach((label, priority) -> {
            frames.add(new PeerFrame.Priority(streams().get(label).lsid, priority));
            priorities.put(label, priority);
        });
        // highest priority first: an IUT that sends between two frames of the packet still sees the
        // higher-priority stream unblocked first
        List<String> order = new ArrayList<>(labels);
        order.sort(Comparator.comparingLong(priorities::get));
        for (String label : order) {
            limits.put(label, credit + more);
            frames.add(new PeerFrame.MaxStreamData(streams().get(label).lsid, credit + more));
        }
        context().peer().send(frames);
        pump(() -> labels.stream().allMatch(l -> highest(l) >= limits.get(l)),
                "every stream sending up to its raised limit of " + (credit + more) + " bytes");
    }

    /** The IUT's STREAM frames in the order it sent them: by packet number, then position in the packet. */
    private List<PeerFrame.Stream> sentOrder() {
        List<ReceivedPacket> packets = new ArrayList<>(context().peer().receivedPackets());
        packets.sort(Comparator.comparingLong(ReceivedPacket::packetNumber));
        List<PeerFrame.Stream> out = new ArrayList<>();
        packets.forEach(p -> out.addAll(p.framesOf(PeerFrame.Stream.class)));
        return out;
    }

    @Then("the IUT sends all {int} bytes of the new credit of {word} before any new data of {word}")
    public void before(int more, String first, String later) {
        long firstLsid = streams().get(first).lsid;
        long laterLsid = streams().get(later).lsid;
        long firstLimit = limits.get(first);
        long firstHighest = 0;
        long laterHighest = credit;
        for (PeerFrame.Stream f : sentOrder()) {
            long end = f.offset() + f.length();
            if (f.lsid() == firstLsid) {
                firstHighest = Math.max(firstHighest, end);
            } else if (f.lsid() == laterLsid && end > laterHighest) {
                if (firstHighest < firstLimit) {
                    throw new AssertionError("STR-PRIO-2, STR-PRIO-3: the IUT sent new data of " + later + " (priority "
                            + priorities.get(later) + ", up to offset " + end + ") while " + first + " (priority "
                            + priorities.get(first) + ") could still send " + (firstLimit - firstHighest)
                            + " bytes within its credit: frame " + f);
                }
                laterHighest = end;
            }
        }
        assertThat(firstHighest).as("%s sent up to its limit", first).isEqualTo(firstLimit);
    }

    @Then("neither {word} nor {word} gets more than three quarters of the first {int} new bytes the IUT sends")
    public void fairShare(String a, String b, int window) {
        Map<Long, Long> highest = new HashMap<>();
        Map<Long, Long> share = new HashMap<>();
        long aLsid = streams().get(a).lsid;
        long bLsid = streams().get(b).lsid;
        long total = 0;
        for (PeerFrame.Stream f : sentOrder()) {
            if ((f.lsid() != aLsid && f.lsid() != bLsid) || total >= window) {
                continue;
            }
            long end = f.offset() + f.length();
            long before = Math.max(credit, highest.getOrDefault(f.lsid(), 0L));
            highest.merge(f.lsid(), end, Math::max);
            if (end > before) {
                share.merge(f.lsid(), end - before, Long::sum);
                total += end - before;
            }
        }
        for (long lsid : List.of(aLsid, bLsid)) {
            assertThat(share.getOrDefault(lsid, 0L)).as("STR-PRIO-4: new bytes of LSID %d among the first %d: %s", lsid,
                    total, share).isLessThanOrEqualTo(total * 3 / 4);
        }
    }
}
