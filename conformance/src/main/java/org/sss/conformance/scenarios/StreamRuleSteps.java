package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of the LSID and opening rules (SPEC.md 8.2, 8.3, 8.5): frames that name LSIDs the receiver
 * has not chosen or not seen, INITs far ahead of or behind the others, children whose INIT overtakes
 * their parent's, and trees of substreams.
 */
public class StreamRuleSteps {
    /** The packets of children sent before their parents (STR-OPEN-8), by label. */
    private final Map<String, Long> waitingPackets = new LinkedHashMap<>();
    private final Map<String, List<PeerFrame.Stream>> waitingFrames = new LinkedHashMap<>();
    /** How many IUT packets had arrived when the peer sent the parent that opens the chain. */
    private int packetsBeforeParent;
    private StreamScenario.Opened chainRoot;

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("the peer opens stream {word} at LSID {long} to service {string}")
    public void openAt(String label, long lsid, String service) {
        TesterPeer peer = context().peer();
        StreamScenario.Opened s = streams().register(label, peer, peer.openSubstreamAt(lsid, 0), 0);
        StreamScenario.sendEach(peer, streams().requestFrames(s, service, "sss-test/1"));
    }

    @When("the peer opens stream {word} at LSID {long} to service {string} and sends a record of {int} random bytes and FIN")
    public void openAtWithRecord(String label, long lsid, String service, int size) {
        openAt(label, lsid, service);
        StreamScenario.Opened s = streams().get(label);
        streams().send(s, context().randomBytes(size), true, true);
    }

    @When("the peer sends a {word} frame for the even LSID {long}, which the IUT has not chosen")
    public void frameForUnchosen(String type, long lsid) {
        assertThat(lsid % 2).as("an even LSID is the responder's (STR-ID-1)").isZero();
        PeerFrame frame = switch (type) {
            case "STREAM" -> PeerFrame.Stream.data(lsid, 0, context().randomBytes(10)).with(PeerFrame.Stream.RECORD);
            case "RESET" -> new PeerFrame.Reset(lsid, ErrorCode.CANCELLED.code(), "");
            case "MAX_STREAM_DATA" -> new PeerFrame.MaxStreamData(lsid, 1_000_000);
            default -> throw new IllegalArgumentException("no frame type " + type);
        };
        context().peer().send(List.of(frame));
    }

    @When("the peer sends a record of {int} random bytes on {word} with INIT naming {word} as the parent")
    public void otherParent(int size, String label, String otherParent) {
        StreamScenario.Opened s = streams().get(label);
        StreamScenario.Opened other = streams().get(otherParent);
        assertThat(other.lsid).isNotEqualTo(s.parent);
        PeerFrame.Stream frame = PeerFrame.Stream.data(s.lsid, s.offset, context().randomBytes(size))
                .with(PeerFrame.Stream.RECORD).opening(other.lsid);
        s.peer.send(List.of(frame));
    }

    @When("the peer sends a STREAM frame without INIT for the unseen LSID {long} carrying {int} random bytes")
    public void withoutInit(long lsid, int size) {
        assertThat(lsid % 2).as("an odd LSID is the peer's own (STR-ID-1)").isOne();
        context().peer().send(List.of(PeerFrame.Stream.data(lsid, 0, context().randomBytes(size))
                .with(PeerFrame.Stream.RECORD)));
    }

    @When("the peer sends RESET with {errorCode} for LSID {long}, which it has not opened yet")
    public void resetUnseen(ErrorCode code, long lsid) {
        context().peer().send(List.of(new PeerFrame.Reset(lsid, code.code(), "")));
    }

    @When("the peer sends records of {sizes} random bytes on {word}, every frame with INIT, then FIN")
    public void recordsWithInit(List<Integer> sizes, String label) {
        StreamScenario.Opened s = streams().get(label);
        for (int size : sizes) {
            streams().send(s, context().randomBytes(size), true, false);
        }
        streams().send(s, new byte[0], false, true);
    }

    @When("the peer builds a tree of substreams under {word}, {int} levels deep with {int} children per level, sending random records on each and FIN")
    public void tree(String rootLabel, int depth, int children) {
        List<StreamScenario.Opened> opened = new ArrayList<>();
        StreamScenario.Opened root = streams().get(rootLabel);
        opened.add(root);
        // a parent is opened on the wire by its first byte before its children carry data (8.8)
        streams().send(root, randomRecord(), true, false);
        String parent = rootLabel;
        for (int level = 1; level <= depth; level++) {
            String next = null;
            for (int c = 0; c < children; c++) {
                String label = rootLabel + "." + level + "." + c;
                StreamScenario.Opened s = streams().allocateChild(label, parent);
                streams().send(s, randomRecord(), true, false);
                opened.add(s);
                if (next == null) {
                    next = label;
                }
            }
            parent = next;
        }
        // FIN only once every INIT went out: a closed parent refuses children (STR-OPEN-9)
        for (StreamScenario.Opened s : opened) {
            streams().send(s, randomRecord(), true, true);
        }
    }

    private byte[] randomRecord() {
        return context().randomBytes(1 + context().random().nextInt(1500));
    }

    @When("the peer sends a chain of {int} nested substreams under a new echo stream, deepest first, each with a record and FIN in a packet of its own")
    public void chainDeepestFirst(int depth) {
        TesterPeer peer = context().peer();
        chainRoot = streams().allocateTopLevel("P");
        List<StreamScenario.Opened> chain = new ArrayList<>();
        String parent = "P";
        for (int level = 1; level <= depth; level++) {
            String label = "P." + level;
            chain.add(streams().allocateChild(label, parent));
            parent = label;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            StreamScenario.Opened s = chain.get(i);
            byte[] record = context().randomBytes(1 + context().random().nextInt(600));
            List<PeerFrame.Stream> frames = streams().frames(s, record, true, true);
            waitingFrames.put(s.label, frames);
            waitingPackets.put(s.label, peer.send(frames));
        }
        packetsBeforeParent = peer.receivedPackets().size();
        List<PeerFrame> opening = new ArrayList<>(streams().requestFrames(chainRoot, "echo", "sss-test/1"));
        opening.addAll(streams().frames(chainRoot, context().randomBytes(200), true, true));
        waitingPackets.put("P", peer.send(opening));
    }

    @Then("every packet of a waiting child was either kept or dropped whole without an acknowledgement")
    public void keptOrDropped() {
        TesterPeer peer = context().peer();
        long parentPacket = waitingPackets.get("P");
        StreamScenario.receiveUntil(peer, () -> StreamScenario.acknowledged(peer, parentPacket),
                "the acknowledgement of the parent's packet " + parentPacket);
        for (var e : waitingPackets.entrySet()) {
            StreamScenario.Opened s = streams().get(e.getKey());
            List<PeerFrame.Stream> early = StreamScenario.framesFor(peer, s.lsid).stream()
                    .filter(f -> sentBeforeParent(peer, f)).toList();
            // STR-PRIO-6: nothing of a child reaches the application, so nothing is echoed, before its parent opens
            assertThat(early).as("STR-PRIO-6: the IUT echoed on %s before its parent was sent", s).isEmpty();
            if (!e.getKey().equals("P") && !StreamScenario.acknowledged(peer, e.getValue())) {
                assertThat(StreamScenario.framesFor(peer, s.lsid))
                        .as("STR-OPEN-8: the IUT dropped packet %d unacknowledged, so it must not act on it", e.getValue())
                        .isEmpty();
                context().lenient("STR-OPEN-8: the IUT dropped the packet of " + s + " without acknowledging it"
                        + " (the alternative to keeping it)");
            }
        }
    }

    private boolean sentBeforeParent(TesterPeer peer, PeerFrame.Stream frame) {
        List<ReceivedPacket> packets = peer.receivedPackets();
        for (int i = 0; i < packetsBeforeParent; i++) {
            if (packets.get(i).framesOf(PeerFrame.Stream.class).contains(frame)) {
                return true;
            }
        }
        return false;
    }

    @Then("after the peer repeats the dropped packets, the IUT echoes every stream the peer opened")
    public void repeatAndEcho() {
        TesterPeer peer = context().peer();
        List<String> labels = new ArrayList<>(waitingFrames.keySet());
        // shallowest first now, so that each parent is open before its child arrives
        for (int i = labels.size() - 1; i >= 0; i--) {
            if (!StreamScenario.acknowledged(peer, waitingPackets.get(labels.get(i)))) {
                peer.send(waitingFrames.get(labels.get(i)));
            }
        }
        for (StreamScenario.Opened s : streams().all()) {
            streams().assertEchoed(s, "STR-OPEN-8, TST-ECHO-4");
        }
    }
}
