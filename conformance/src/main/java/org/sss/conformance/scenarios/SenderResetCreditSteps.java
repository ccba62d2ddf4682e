package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;

/**
 * Steps of SPEC.md 6.7 about the channel credit the IUT, as a sender, charges for streams it resets
 * itself (CHN-FLOW-8). The only test-service exchange in which the IUT resets a stream after sending
 * data on it is a source stream whose first record is not a 12-byte command (TST-SRC-3): the IUT has
 * sent its reply record there. The peer acknowledges none of those replies before the RESET, so the
 * IUT cannot know whether they arrived; it must charge them all the same, and so send that much less
 * on a later stream under a channel limit the peer does not raise.
 */
public class SenderResetCreditSteps {
    private final List<Long> resetStreams = new ArrayList<>();
    private long source = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer opens {int} source streams with a command record of {int} byte(s) each, acknowledging nothing until the IUT has reset them all")
    public void badCommands(int count, int commandLength) {
        TesterPeer peer = context().peer();
        peer.setAutoAck(false);
        for (int i = 0; i < count; i++) {
            long lsid = peer.openStream("source", "sss-test/1");
            context().awaitReply(lsid);
            peer.sendRecord(lsid, context().randomBytes(commandLength));
            StreamInbox in = peer.awaitStream(lsid, s -> s.isReset() || peer.closeReceived() != null,
                    ScenarioContext.TIMEOUT);
            StreamScenario.assertOpen(peer, "TST-SRC-3");
            assertThat(ErrorCode.nameOf(in.resetCode())).as("TST-SRC-3: RESET of source stream %d after a %d-byte"
                    + " command record", lsid, commandLength).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.name());
            resetStreams.add(lsid);
        }
        peer.setAutoAck(true);
        peer.sendAck();
    }

    @When("the peer asks the source service for {long} bytes on one more stream")
    public void oneMoreSource(long length) {
        source = ChannelSteps.openSource(context().peer(), length, 0);
    }

    @Then("the IUT sends no more than {long} bytes of stream data over all those streams, the reset ones included, while the peer listens for silence")
    public void chargedWithinLimit(long limit) {
        TesterPeer peer = context().peer();
        context().listen(ScenarioContext.QUIET);
        long charged = 0;
        for (long lsid : resetStreams) {
            charged += peer.inbox(lsid).highestOffset();
        }
        long sent = peer.inbox(source).highestOffset();
        assertThat(sent).as("stream data the IUT sent on the last source stream %d", source).isPositive();
        assertThat(charged + sent).as("CHN-FLOW-8: the IUT sent %d bytes on the %d streams it reset and then %d on"
                + " source stream %d; counting the reset streams' data, as it must, the peer's INITIAL_MAX_DATA %d"
                + " bounds the sum", charged, resetStreams.size(), sent, source, limit)
                .isLessThanOrEqualTo(limit);
    }
}
