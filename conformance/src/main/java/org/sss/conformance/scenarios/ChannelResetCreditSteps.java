package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * Steps of SPEC.md 6.7 about the channel credit of reset streams (CHN-FLOW-7). Each stream carries its
 * connect request and then one frame that ends exactly at the stream's limit, leaving a gap, and is
 * reset: the gap is never delivered in order, so the only way the IUT can get that credit back is to
 * count the highest offset of the discarded stream as consumed. The peer sends the frames by hand and
 * keeps its own count of the channel-wide data they charge (CHN-FLOW-8: all of it).
 */
public class ChannelResetCreditSteps {
    private static final int TAIL = 1000;
    /** More streams than this would make the scenario slow; the IUT's limits are then too far apart. */
    private static final int MAX_STREAMS = 64;

    private long charged;
    private long initialChannelLimit;
    private int resetStreams;
    private long newStream = -1;
    private byte[] newData;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer opens discard streams, sends on each its connect request and a last frame ending at the stream's limit, and resets it, until the streams add up to twice the IUT's initial channel limit")
    public void resetStreamsBeyondChannelLimit() {
        TesterPeer peer = context().peer();
        initialChannelLimit = peer.channelSendLimit();
        long goal = 2 * initialChannelLimit;
        long perStream = initialStreamLimit(peer);
        if (perStream <= TAIL || goal / perStream > MAX_STREAMS) {
            throw context().inconclusive("the IUT's INITIAL_MAX_DATA " + initialChannelLimit
                    + " needs more than " + MAX_STREAMS + " streams of its INITIAL_MAX_STREAM_DATA " + perStream, null);
        }
        byte[] request = ServiceMessages.connectRequest("discard", "sss-test/1");
        while (charged < goal) {
            awaitChannelCredit(peer, perStream);
            long lsid = peer.openSubstream(0);
            peer.send(List.of(PeerFrame.Stream.data(lsid, 0, request).with(PeerFrame.Stream.RECORD).opening(0)));
            peer.send(List.of(PeerFrame.Stream.data(lsid, perStream - TAIL, context().randomBytes(TAIL))
                    .opening(0)));
            peer.send(List.of(new PeerFrame.Reset(lsid, ErrorCode.CANCELLED.code(), "")));
            charged += perStream;
            resetStreams++;
        }
    }

    /** The IUT's INITIAL_MAX_STREAM_DATA, or its default when its SETTINGS omit it (FRM-SET-5). */
    private static long initialStreamLimit(TesterPeer peer) {
        PeerFrame.Setting s = peer.peerSettings() == null ? null
                : peer.peerSettings().find(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA);
        return s == null ? 262_144 : s.numericValue();
    }

    /** Receives until the IUT's channel limit leaves room for {@code needed} more bytes. */
    private void awaitChannelCredit(TesterPeer peer, long needed) {
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (channelData(peer) + needed > peer.channelSendLimit()) {
            long remaining = deadline - System.nanoTime();
            StreamScenario.assertOpen(peer, "CHN-FLOW-7");
            if (remaining <= 0) {
                throw new AssertionError("CHN-FLOW-7: the IUT's channel limit stayed at " + peer.channelSendLimit()
                        + " (initially " + initialChannelLimit + ") while " + resetStreams + " streams that the peer"
                        + " reset charged " + charged + " bytes of it; their highest offsets must count as consumed"
                        + " and release the credit, but no MAX_DATA came within " + ScenarioContext.TIMEOUT);
            }
            peer.receive(Duration.ofNanos(remaining));
        }
    }

    private long channelData(TesterPeer peer) {
        return charged + peer.channelDataSent();
    }

    @When("the peer sends on a new discard stream a record of {int} random bytes and FIN")
    public void newDiscardStream(int size) {
        TesterPeer peer = context().peer();
        awaitChannelCredit(peer, size + 100L);
        newStream = peer.openStream("discard", "sss-test/1");
        newData = context().randomBytes(size);
        peer.sendStreamData(newStream, newData, true, true);
    }

    @Then("the IUT finishes the new stream and raised MAX_DATA beyond everything the reset streams charged")
    public void accepted() {
        TesterPeer peer = context().peer();
        StreamInbox in;
        try {
            in = peer.awaitStream(newStream, i -> i.isFinished() || i.isReset() || peer.closeReceived() != null,
                    ScenarioContext.TIMEOUT);
        } catch (RuntimeException e) {
            throw new AssertionError("TST-DISC-2, CHN-FLOW-7: no FIN on the new discard stream within "
                    + ScenarioContext.TIMEOUT, e);
        }
        StreamScenario.assertOpen(peer, "CHN-FLOW-7 (no FLOW_CONTROL_ERROR for data within the credit granted)");
        assertThat(in.isReset()).as("CHN-FLOW-7: the new discard stream was reset (%s)", in).isFalse();
        assertThat(peer.channelSendLimit()).as("CHN-FLOW-7: the IUT's MAX_DATA after %d reset streams charged %d"
                + " bytes and the new stream %d (initial limit %d)", resetStreams, charged, newData.length,
                initialChannelLimit).isGreaterThanOrEqualTo(channelData(peer));
        assertThat(channelData(peer)).as("channel-wide data sent, against the initial limit")
                .isGreaterThan(initialChannelLimit);
    }
}
