package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md section 7.9 on the receiving side. A SETTINGS frame is judged where it is the
 * peer's first, in the INITIATE, so that no other rule (FRM-SET-7) interferes; the limits it sets
 * (or leaves at their defaults) are observed through flow control on a {@code source} stream, acking
 * by hand so that the tester peer grants no credit of its own.
 */
public class FrameSettingsSteps {
    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("a tester peer negotiates a channel whose INITIATE declares the SETTINGS entries:")
    public void negotiateWith(DataTable table) {
        List<PeerFrame.Setting> entries = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            String value = row.get("value") == null ? "" : row.get("value");
            entries.add(new PeerFrame.Setting(Integer.parseInt(row.get("tag")), HexFormat.of().parseHex(value)));
        }
        negotiate(new PeerFrame.Settings(entries));
    }

    @When("a tester peer negotiates a channel whose INITIATE declares a SETTINGS frame with no entries")
    public void negotiateEmpty() {
        negotiate(new PeerFrame.Settings(List.of()));
    }

    private void negotiate(PeerFrame.Settings settings) {
        context().connect(options -> options.withSettings(settings));
    }

    @Then("the IUT sends no byte beyond stream offset {long} on a source stream of {long} bytes until the peer raises the stream's limit, and then the rest")
    public void obeysStreamLimit(long limit, long length) {
        TesterPeer peer = context().peer();
        FrameChecks.assertNotClosed(peer, "FRM-SET-3, FRM-SET-5");
        peer.setAutoAck(false);
        long lsid = peer.openStream("source", "sss-test/1");
        peer.sendRecord(lsid, ByteBuffer.allocate(12).putLong(length).putInt(0).array());
        StreamInbox inbox = peer.inbox(lsid);
        receiveAcking(peer, lsid, limit, ScenarioContext.TIMEOUT, in -> in.highestOffset() >= limit);
        assertThat(inbox.highestOffset()).as("CHN-FLOW-1: the IUT reached the stream limit %d (%s)", limit, inbox)
                .isEqualTo(limit);
        receiveAcking(peer, lsid, limit, ScenarioContext.QUIET, in -> false);
        peer.send(List.of(new PeerFrame.MaxStreamData(lsid, 1L << 40)));
        receiveAcking(peer, lsid, Long.MAX_VALUE, ScenarioContext.TIMEOUT, StreamInbox::isFinished);
        long reply = inbox.recordBoundaries().first();
        assertThat(inbox.isFinished()).as("the rest arrives once the limit is raised: %s", inbox).isTrue();
        assertThat(inbox.finalSize() - reply).as("TST-SRC-1: bytes after the reply").isEqualTo(length);
    }

    /** Receives for {@code period} or until {@code done}, acknowledging each ack-eliciting packet and checking the limit. */
    private static void receiveAcking(TesterPeer peer, long lsid, long limit, Duration period,
            java.util.function.Predicate<StreamInbox> done) {
        StreamInbox inbox = peer.inbox(lsid);
        long deadline = System.nanoTime() + period.toNanos();
        while (!done.test(inbox) && System.nanoTime() < deadline) {
            ReceivedPacket p = peer.receive(Duration.ofMillis(50));
            FrameChecks.assertNotClosed(peer, "FRM-SET-3, FRM-SET-5");
            if (p == null) {
                continue;
            }
            assertThat(inbox.highestOffset()).as("CHN-FLOW-1, FRM-SET-5: stream data up to offset %d in packet %d, "
                    + "beyond the limit %d the peer's SETTINGS set", inbox.highestOffset(), p.packetNumber(), limit)
                    .isLessThanOrEqualTo(limit);
            if (p.isAckEliciting()) {
                peer.sendAck();
            }
        }
    }

    @When("the peer sends a packet with a PING and then its SETTINGS frame again, byte for byte")
    public void settingsNotFirst() {
        context().peer().send(List.of(new PeerFrame.Ping(), PeerOptions.DEFAULT_SETTINGS));
    }

    @When("the peer sends a packet that begins with its SETTINGS frame again, byte for byte, followed by a PING")
    public void settingsRepeated() {
        context().peer().send(List.of(PeerOptions.DEFAULT_SETTINGS, new PeerFrame.Ping()));
    }

    @When("the peer sends a packet that begins with a SETTINGS frame declaring MAX_ACK_DELAY_MS {int} instead of 25")
    public void settingsChanged(int delay) {
        List<PeerFrame.Setting> entries = new ArrayList<>();
        for (PeerFrame.Setting s : PeerOptions.DEFAULT_SETTINGS.entries()) {
            entries.add(s.tag() == PeerFrame.Setting.MAX_ACK_DELAY_MS ? PeerFrame.Setting.of(s.tag(), delay) : s);
        }
        context().peer().send(List.of(new PeerFrame.Settings(entries), new PeerFrame.Ping()));
    }
}
