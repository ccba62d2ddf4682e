package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps that check the IUT's STREAM frames one by one against the sender rules of SPEC.md sections
 * 6.7 (flow control), 7.2 (RECORD) and 8.3 (parents), on the stream the {@link ServiceSteps} connect
 * step opened. The reassembled bytes are checked by {@link TestServiceSteps}; these look at the frames.
 */
public class StreamSenderIntegritySteps {
    private long streamLimit = -1;
    private long substream = -1;
    private int packetsBeforeResetAck = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** Every STREAM frame the IUT sent on {@code lsid}, in arrival order. */
    private List<PeerFrame.Stream> framesOn(long lsid) {
        List<PeerFrame.Stream> frames = new ArrayList<>();
        for (ReceivedPacket p : context().peer().receivedPackets()) {
            p.framesOf(PeerFrame.Stream.class).stream().filter(f -> f.lsid() == lsid).forEach(frames::add);
        }
        return frames;
    }

    @Given("a tester peer with a channel to the IUT, declaring INITIAL_MAX_STREAM_DATA {int} and acknowledging nothing")
    public void connectWithStreamLimit(int limit) {
        streamLimit = limit;
        context().connect(options -> options.withAutoAck(false).withSettings(
                SenderIntegritySteps.defaultSettingsWith(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, limit)));
    }

    @Then("the IUT sends data on the stream, and none beyond offset {long}")
    public void noDataBeyondLimit(long limit) {
        assertThat(limit).isEqualTo(streamLimit);
        context().awaitReply(context().stream);
        // the IUT may send up to the limit at once; what it sends beyond it arrives in the same flight
        context().listen(ScenarioContext.QUIET);
        for (PeerFrame.Stream frame : framesOn(context().stream)) {
            long end = frame.offset() + frame.length();
            if (end > limit) {
                throw new AssertionError("CHN-FLOW-1: the IUT sent stream data up to offset " + end + " on stream "
                        + frame.lsid() + ", beyond the peer's INITIAL_MAX_STREAM_DATA " + limit
                        + ", which no MAX_STREAM_DATA raised; frame " + frame);
            }
        }
    }

    @Then("every STREAM frame of the IUT on the stream carries RECORD exactly when it ends a record of {int} bytes")
    public void recordFlags(int recordSize) {
        List<PeerFrame.Stream> frames = framesOn(context().stream);
        StreamInbox inbox = context().peer().inbox(context().stream);
        long reply = inbox.recordBoundaries().first();
        long finalSize = inbox.finalSize();
        TreeSet<Long> ends = new TreeSet<>();
        ends.add(reply);
        for (long b = reply + recordSize; b < finalSize; b += recordSize) {
            ends.add(b);
        }
        ends.add(finalSize);
        for (PeerFrame.Stream frame : frames) {
            long end = frame.offset() + frame.length();
            boolean endsRecord = frame.length() > 0 ? ends.contains(end) : end == finalSize && ends.contains(end);
            if (frame.has(PeerFrame.Stream.RECORD) != endsRecord) {
                throw new AssertionError("FRM-STREAM-9: a STREAM frame of the IUT covering offsets " + frame.offset()
                        + " to " + end + (frame.has(PeerFrame.Stream.RECORD) ? " carries RECORD though no record"
                                : " lacks RECORD though a record") + " ends there (records end at " + ends + "); frame "
                        + frame);
            }
        }
    }

    @When("the peer opens a substream under the stream and sends {int} random bytes on it without FIN")
    public void openSubstream(int size) {
        TesterPeer peer = context().peer();
        substream = peer.openSubstream(context().stream);
        peer.sendStreamData(substream, context().randomBytes(size), false, false);
    }

    @When("the peer resets the stream with {errorCode} and the IUT acknowledges the RESET")
    public void resetParent(ErrorCode code) {
        TesterPeer peer = context().peer();
        long pn = peer.send(List.of(new PeerFrame.Reset(context().stream, code.code(), "")));
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (!acknowledged(pn)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError("CHN-ACK-1: the IUT did not acknowledge the packet " + pn
                        + " carrying the RESET within " + ScenarioContext.TIMEOUT);
            }
            peer.receive(Duration.ofNanos(remaining));
        }
        packetsBeforeResetAck = peer.receivedPackets().size();
    }

    private boolean acknowledged(long packetNumber) {
        for (ReceivedPacket p : context().peer().receivedPackets()) {
            if (p.framesOf(PeerFrame.Ack.class).stream().anyMatch(a -> a.acknowledges(packetNumber))) {
                return true;
            }
        }
        return false;
    }

    @When("the peer sends {int} more random bytes on the substream, then FIN")
    public void finishSubstream(int size) {
        context().peer().sendStreamData(substream, context().randomBytes(size), true, true);
    }

    @Then("the IUT finishes its direction of the substream")
    public void substreamFinished() {
        context().awaitFinished(substream);
    }

    @Then("the IUT opens no stream under the reset stream after it acknowledged the RESET")
    public void noChildOfResetStream() {
        // an echo of the datagram would be sent with or right after the substream's FIN; silence proves it absent
        context().listen(ScenarioContext.QUIET);
        List<ReceivedPacket> packets = context().peer().receivedPackets();
        for (ReceivedPacket p : packets.subList(packetsBeforeResetAck, packets.size())) {
            for (PeerFrame.Stream frame : p.framesOf(PeerFrame.Stream.class)) {
                if (frame.has(PeerFrame.Stream.INIT) && frame.parentLsid() == context().stream) {
                    throw new AssertionError("STR-OPEN-3: the IUT opened stream " + frame.lsid() + " under stream "
                            + context().stream + " after it acknowledged the peer's RESET of that stream, which closed"
                            + " it (STR-FIN-3); frame " + frame + " in packet " + p.packetNumber());
                }
            }
        }
    }
}
