package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md section 6.7, flow control: the tester peer declares small limits and grants no
 * more credit until told, so that the IUT's sender side can be watched at the limit; and it sends
 * data at the edge of the IUT's own limits, so that its receiver side can be judged.
 */
public class ChannelFlowSteps {
    private static final long RAISED = 16L << 20;

    private final List<Long> sources = new ArrayList<>();
    private long sourceLength;
    private long datagramStream = -1;
    private final List<byte[]> datagrams = new ArrayList<>();

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** {@link PeerOptions#DEFAULT_SETTINGS} with some values replaced, in the same tag order. */
    static PeerFrame.Settings settingsWith(Map<Integer, Long> values) {
        List<PeerFrame.Setting> entries = new ArrayList<>();
        for (PeerFrame.Setting s : PeerOptions.DEFAULT_SETTINGS.entries()) {
            Long v = values.get(s.tag());
            entries.add(v == null ? s : PeerFrame.Setting.of(s.tag(), v));
        }
        return new PeerFrame.Settings(entries);
    }

    private long iutSetting(int tag, long defaultValue) {
        PeerFrame.Settings s = context().peer().peerSettings();
        PeerFrame.Setting e = s == null ? null : s.find(tag);
        return e == null ? defaultValue : e.numericValue();
    }

    @Given("a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA {long} and INITIAL_MAX_DATA {long} and grants no more credit until told")
    public void smallLimits(long stream, long channel) {
        TesterPeer peer = context().connect(o -> o.withSettings(settingsWith(Map.of(
                PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, stream, PeerFrame.Setting.INITIAL_MAX_DATA, channel))));
        peer.setGrantCredit(false);
    }

    @When("the peer asks the source service for {long} bytes on {int} stream(s)")
    public void askSources(long length, int count) {
        sourceLength = length;
        for (int i = 0; i < count; i++) {
            sources.add(ChannelSteps.openSource(context().peer(), length, 0));
        }
        context().stream = sources.get(0);
    }

    @Then("the IUT sends no stream data beyond offset {long} on those streams while the peer listens for silence")
    public void noDataBeyondStreamLimit(long limit) {
        context().listen(ScenarioContext.QUIET);
        for (long lsid : sources) {
            StreamInbox inbox = context().peer().inbox(lsid);
            assertThat(inbox.highestOffset()).as("CHN-FLOW-1: highest offset the IUT sent on stream %d, whose limit"
                    + " is the peer's INITIAL_MAX_STREAM_DATA %d", lsid, limit).isLessThanOrEqualTo(limit);
            assertThat(inbox.highestOffset()).as("data the IUT sent on stream %d (it had %d bytes to send)", lsid,
                    sourceLength).isPositive();
        }
    }

    @Then("the IUT sends no more than {long} bytes of stream data over those streams while the peer listens for silence")
    public void noDataBeyondChannelLimit(long limit) {
        context().listen(ScenarioContext.QUIET);
        long total = 0;
        for (long lsid : sources) {
            total += context().peer().inbox(lsid).highestOffset();
        }
        assertThat(total).as("CHN-FLOW-2: the sum of the highest offsets the IUT sent on streams %s, whose limit is"
                + " the peer's INITIAL_MAX_DATA %d", sources, limit).isLessThanOrEqualTo(limit).isPositive();
    }

    @When("the peer raises its limits with MAX_STREAM_DATA and MAX_DATA")
    public void raise() {
        List<PeerFrame> frames = new ArrayList<>();
        for (long lsid : sources) {
            frames.add(new PeerFrame.MaxStreamData(lsid, RAISED));
        }
        frames.add(new PeerFrame.MaxData(RAISED));
        context().peer().send(frames);
        context().peer().setGrantCredit(true);
    }

    @Then("every source stream delivers the whole pattern and FIN")
    public void sourcesComplete() {
        for (long lsid : sources) {
            StreamInbox inbox = context().awaitFinished(lsid);
            ChannelSteps.assertSourcePattern("TST-SRC-1 (stream " + lsid + ")", ChannelSteps.afterReply(inbox),
                    sourceLength);
        }
    }

    @When("the peer sends MAX_STREAM_DATA {long} for those streams and MAX_DATA {long}, neither raising a limit")
    public void nonRaising(long stream, long channel) {
        List<PeerFrame> frames = new ArrayList<>();
        for (long lsid : sources) {
            frames.add(new PeerFrame.MaxStreamData(lsid, stream));
        }
        frames.add(new PeerFrame.MaxData(channel));
        context().peer().send(frames);
    }

    @Then("the IUT stays within offset {long} on those streams and keeps the channel open while the peer listens for silence")
    public void staysWithin(long limit) {
        noDataBeyondStreamLimit(limit);
        assertThat(context().peer().closeReceived()).as("CHN-FLOW-4: CLOSE after a MAX_STREAM_DATA and MAX_DATA that"
                + " raise nothing").isNull();
    }

    @When("the peer sends on a new discard stream one byte just beyond the IUT's limit for that stream")
    public void beyondStreamLimit() {
        TesterPeer peer = context().peer();
        long lsid = peer.openStream("discard", "sss-test/1");
        context().awaitReply(lsid);
        long limit = peer.streamSendLimit(lsid);
        peer.send(List.of(PeerFrame.Stream.data(lsid, limit, new byte[] {1})));
    }

    @When("the peer sends NOACK bytes at the end of the stream limit of new substreams of a discard stream until their offsets add up to more than the IUT's channel limit")
    public void noackBeyondChannelLimit() {
        TesterPeer peer = context().peer();
        long parent = peer.openStream("discard", "sss-test/1");
        context().awaitReply(parent);
        long maxStreams = iutSetting(PeerFrame.Setting.MAX_CONCURRENT_PEER_STREAMS, 100) - 1;
        long offsets = 0;
        for (int i = 0; i < maxStreams && offsets <= peer.channelSendLimit(); i++) {
            long lsid = peer.openSubstream(parent);
            long offset = peer.streamSendLimit(lsid) - 1;
            peer.send(List.of(PeerFrame.Stream.data(lsid, offset, new byte[] {1}).with(PeerFrame.Stream.NOACK)
                    .opening(parent)));
            offsets += offset + 1;
        }
        if (offsets <= peer.channelSendLimit()) {
            throw context().unsupported("a channel limit reachable within MAX_CONCURRENT_PEER_STREAMS substreams");
        }
    }

    @When("the peer sends {int} best-effort datagrams of {int} random bytes on a new datagram-echo stream")
    public void sendDatagrams(int count, int size) {
        TesterPeer peer = context().peer();
        datagramStream = peer.openStream("datagram-echo", "sss-test/1");
        context().awaitReply(datagramStream);
        for (int i = 0; i < count; i++) {
            byte[] data = context().randomBytes(size);
            datagrams.add(data);
            long lsid = peer.openSubstream(datagramStream);
            peer.send(List.of(PeerFrame.Stream.data(lsid, 0, data).with(PeerFrame.Stream.NOACK
                    | PeerFrame.Stream.FIN | PeerFrame.Stream.RECORD).opening(datagramStream)));
        }
    }

    @Then("the IUT echoes all {int} datagrams as best-effort datagrams")
    public void echoesAllDatagrams(int count) {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        List<byte[]> echoed = echoedDatagrams(peer);
        while (echoed.size() < count && deadline - System.nanoTime() > 0) {
            peer.receive(Duration.ofMillis(50));
            echoed = echoedDatagrams(peer);
        }
        assertThat(echoed.size()).as("CHN-FLOW-11: datagrams echoed under stream %d although their bytes exceed the"
                + " peer's INITIAL_MAX_DATA (NOACK data must not count)", datagramStream).isEqualTo(count);
        for (byte[] d : datagrams) {
            assertThat(echoed).as("TST-DGE-1: an echo of each datagram").anySatisfy(e -> assertThat(e).isEqualTo(d));
        }
    }

    /** The data of every substream the IUT opened under the datagram-echo stream with NOACK frames. */
    private List<byte[]> echoedDatagrams(TesterPeer peer) {
        java.util.Map<Long, StreamInbox> found = new java.util.TreeMap<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.has(PeerFrame.Stream.INIT) && s.parentLsid() == datagramStream && s.lsid() % 2 == 0) {
                    found.put(s.lsid(), peer.inbox(s.lsid()));
                }
            }
        }
        return found.values().stream().filter(StreamInbox::isFinished).map(StreamInbox::bytes).toList();
    }
}
