package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md 8.11 and TST-GEN-3: as many live echo streams as the IUT's
 * MAX_CONCURRENT_PEER_STREAMS allows (its SETTINGS, or the default 100 of FRM-SET-6), one more, and a
 * place freed by a RESET.
 */
public class StreamLimitSteps {
    /** Above this limit the scenario would open too many streams to stay well under a second. */
    private static final long MOST_STREAMS = 1000;
    private static final long DEFAULT_LIMIT = 100;
    private static final int RECORD = 16;

    private final List<StreamScenario.Opened> held = new ArrayList<>();

    private StreamScenario streams() {
        return StreamScenario.current();
    }

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("the peer holds as many echo streams open as the IUT's MAX_CONCURRENT_PEER_STREAMS allows")
    public void holdMax() {
        TesterPeer peer = context().peer();
        PeerFrame.Settings settings = peer.peerSettings();
        PeerFrame.Setting setting = settings == null ? null : settings.find(PeerFrame.Setting.MAX_CONCURRENT_PEER_STREAMS);
        long limit = setting == null ? DEFAULT_LIMIT : setting.numericValue();
        if (limit > MOST_STREAMS) {
            throw context().unsupported("MAX_CONCURRENT_PEER_STREAMS of " + limit + " (the scenario opens at most "
                    + MOST_STREAMS + " streams)");
        }
        for (int i = 1; i <= limit; i++) {
            StreamScenario.Opened s = streams().allocateTopLevel("E" + i);
            List<PeerFrame> frames = new ArrayList<>(streams().requestFrames(s, "echo", "sss-test/1"));
            frames.addAll(streams().frames(s, context().randomBytes(RECORD), true, false));
            peer.send(frames);
            held.add(s);
            if (i % 20 == 0) {
                drain(peer);
            }
        }
        for (StreamScenario.Opened s : held) {
            // TST-GEN-3: every one of them is served
            StreamInbox in = peer.awaitStream(s.lsid, x -> x.isReset() || x.recordBoundaries().size() >= 2
                    && x.contiguousLength() >= x.recordBoundaries().first() + RECORD, ScenarioContext.TIMEOUT);
            assertThat(in.isReset()).as("TST-GEN-3: stream %d of %d was reset (code %s)", held.indexOf(s) + 1, limit,
                    in.resetCode()).isFalse();
        }
    }

    /** Lets the peer acknowledge what arrived, so that a burst of streams does not starve the IUT's sending. */
    private static void drain(TesterPeer peer) {
        while (peer.receive(Duration.ofMillis(1)) != null) {
            // processed by the peer
        }
    }

    @When("the peer opens one more echo stream {word}")
    public void oneMore(String label) {
        StreamScenario.Opened s = streams().allocateTopLevel(label);
        List<PeerFrame> frames = new ArrayList<>(streams().requestFrames(s, "echo", "sss-test/1"));
        frames.addAll(streams().frames(s, context().randomBytes(RECORD), true, false));
        s.peer.send(frames);
    }

    @Then("the IUT reset none of the streams it had accepted")
    public void noneReset() {
        for (StreamScenario.Opened s : held) {
            assertThat(s.peer.inbox(s.lsid).isReset()).as("STR-LIMIT-1: the IUT reset the accepted %s", s).isFalse();
        }
    }

    @When("the peer resets {word} with {errorCode} and opens stream {word} to service {string}, in one packet")
    public void resetAndOpen(String label, ErrorCode code, String opened, String service) {
        StreamScenario.Opened old = streams().get(label);
        StreamScenario.Opened s = streams().allocateTopLevel(opened);
        List<PeerFrame> frames = new ArrayList<>();
        frames.add(new PeerFrame.Reset(old.lsid, code.code(), ""));
        frames.addAll(streams().requestFrames(s, service, "sss-test/1"));
        old.resetPacket = s.peer.send(frames);
        held.remove(old);
    }

    @When("the peer sends a second record on each of them, then FIN")
    public void secondRecord() {
        TesterPeer peer = context().peer();
        int i = 0;
        for (StreamScenario.Opened s : held) {
            streams().send(s, context().randomBytes(RECORD), true, true);
            if (++i % 20 == 0) {
                drain(peer);
            }
        }
    }
}
