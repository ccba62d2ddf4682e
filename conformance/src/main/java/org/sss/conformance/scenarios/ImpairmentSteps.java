package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.impair.Impairment;
import org.sss.conformance.peer.impair.ImpairmentLog;
import org.sss.conformance.peer.impair.LinkImpairment;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextDecoder;

/**
 * Steps that put the channel on an impaired link (the tester peer's seedable impairment layer, seeded
 * with the scenario's seed) or withhold the peer's acknowledgements, and check the IUT's loss
 * recovery and congestion response (SPEC.md 6.5, 6.6) from what crossed the wire. A failed scenario
 * gets the impairment report, seed included, attached.
 */
public class ImpairmentSteps {
    /** RFC 9002 / CHN-CC-1: the initial window and the maximum datagram size. */
    private static final long INITIAL_WINDOW = 12_320;
    private static final long MAX_DATAGRAM = 1232;

    private long lsid = -1;
    private long sourceLength;
    private int packetsBefore;
    private long unackedFrom;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** Attaches the impairment decisions and their seed to a failed scenario. */
    @After(order = 15000)
    public void attachImpairmentReport(Scenario scenario) {
        if (!scenario.isFailed()) {
            return;
        }
        try {
            ImpairmentLog log = context().peer().impairmentLog();
            if (log != null) {
                scenario.log("impairment: " + log.report());
                System.out.println("impairment: " + log.report());
            }
        } catch (IllegalStateException noPeer) {
            // no channel, no impairment
        }
    }

    @Given("a tester peer with a channel to the IUT over a link with {string} in both directions")
    public void impairedBoth(String impairment) {
        connect(LinkImpairment.both(Impairment.parse(impairment), context().seed()));
    }

    @Given("a tester peer with a channel to the IUT over a link with {string} towards the IUT and {string} from it")
    public void impairedEach(String toIut, String fromIut) {
        connect(new LinkImpairment(Impairment.parse(toIut), Impairment.parse(fromIut), context().seed()));
    }

    private void connect(LinkImpairment link) {
        context().connect(o -> o.withImpairment(link));
        System.out.println("impairment: " + link);
    }

    // ---------------------------------------------------------------- bulk transfers

    @When("the peer sends {int} KB of random bytes to echo in records of {int} bytes, as the IUT's credit allows, then FIN")
    public void bulkEcho(int kb, int recordSize) {
        TesterPeer peer = context().peer();
        lsid = peer.openStream("echo", "sss-test/1");
        context().stream = lsid;
        byte[] data = context().randomBytes(kb * 1024);
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        for (int pos = 0; pos < data.length; pos += recordSize) {
            int n = Math.min(recordSize, data.length - pos);
            while (peer.sendCredit(lsid) < n) {
                if (deadline - System.nanoTime() <= 0) {
                    throw new AssertionError("the IUT granted no credit for " + n + " bytes at offset " + pos
                            + " within " + ScenarioContext.TIMEOUT + " (CHN-FLOW-5)");
                }
                peer.receive(Duration.ofMillis(20));
            }
            peer.sendRecord(lsid, Arrays.copyOfRange(data, pos, pos + n));
            context().sentBoundaries.add((long) pos + n);
            while (peer.receive(Duration.ZERO) != null) {
                // keep the socket drained while sending
            }
        }
        context().sent.writeBytes(data);
        peer.finish(lsid);
    }

    @Then("the IUT echoes every byte once and in order, with every record boundary, and FIN")
    public void bulkEchoed() {
        StreamInbox inbox = context().awaitFinished(lsid);
        byte[] echoed = ChannelSteps.afterReply(inbox);
        byte[] sent = context().sent.toByteArray();
        assertThat(echoed.length).as("TST-ECHO-1, CHN-LOSS-5: bytes echoed of %d sent, %s", sent.length, inbox)
                .isEqualTo(sent.length);
        for (int i = 0; i < sent.length; i++) {
            if (echoed[i] != sent[i]) {
                throw new AssertionError("TST-ECHO-1: echoed byte at offset " + i + " differs from the byte sent");
            }
        }
        long reply = inbox.recordBoundaries().first();
        assertThat(inbox.recordBoundaries().tailSet(reply + 1).stream().map(b -> b - reply).toList())
                .as("TST-ECHO-2: echoed record boundaries").containsExactlyElementsOf(context().sentBoundaries);
        assertThat(context().peer().closeReceived()).as("CLOSE from the IUT").isNull();
    }

    @When("the peer asks the source service for {long} bytes")
    public void source(long length) {
        sourceLength = length;
        lsid = ChannelSteps.openSource(context().peer(), length, 0);
        context().stream = lsid;
    }

    @Then("the IUT delivers the whole source pattern and FIN")
    public void sourceDelivered() {
        StreamInbox inbox = context().awaitFinished(lsid);
        ChannelSteps.assertSourcePattern("TST-SRC-1, CHN-LOSS-5", ChannelSteps.afterReply(inbox), sourceLength);
        assertThat(context().peer().closeReceived()).as("CLOSE from the IUT").isNull();
    }

    // ---------------------------------------------------------------- retransmission in new packets

    @Then("every STREAM frame the link lost was sent again in packets with higher packet numbers, with the same bytes at the same offsets")
    public void lostDataResent() {
        TesterPeer peer = context().peer();
        ImpairmentLog log = peer.impairmentLog();
        StreamInbox inbox = peer.inbox(lsid);
        byte[] all = inbox.bytes();
        int checked = 0;
        for (ImpairmentLog.Entry e : log.entries(LoggedDatagram.Direction.RECEIVED)) {
            if (!e.decision().lost()) {
                continue;
            }
            Optional<byte[]> plain = peer.boxes().openMessage(e.offered());
            if (plain.isEmpty()) {
                continue;
            }
            long lostPn = java.nio.ByteBuffer.wrap(e.offered(), 40, 8).getLong();
            DecodedPlaintext decoded = PlaintextDecoder.decode(plain.get());
            for (PeerFrame.Stream s : decoded.framesOf(PeerFrame.Stream.class)) {
                if (s.lsid() != lsid || s.length() == 0 || s.has(PeerFrame.Stream.NOACK)) {
                    continue;
                }
                byte[] want = s.data();
                assertThat(Arrays.copyOfRange(all, (int) s.offset(), (int) s.offset() + want.length))
                        .as("CHN-LOSS-5: the bytes at offsets %d..%d, lost in packet %d, as finally delivered",
                                s.offset(), s.offset() + want.length, lostPn).isEqualTo(want);
                assertThat(coveredLater(peer, s.offset(), s.offset() + want.length, lostPn))
                        .as("CHN-PN-2, CHN-LOSS-5: offsets %d..%d lost in packet %d are carried again by packets with"
                                + " higher numbers", s.offset(), s.offset() + want.length, lostPn).isTrue();
                checked++;
            }
        }
        if (checked == 0) {
            throw context().inconclusive("the link lost no STREAM frame of stream " + lsid + ": " + log.report(),
                    null);
        }
    }

    /** Whether accepted packets numbered above {@code pn} carry every byte of [from, to) on the stream. */
    private boolean coveredLater(TesterPeer peer, long from, long to, long pn) {
        List<long[]> ranges = new ArrayList<>();
        for (long[] f : ChannelSteps.streamFrames(peer, lsid)) {
            if (f[0] > pn) {
                ranges.add(new long[] {f[1], f[1] + f[2]});
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long at = from;
        for (long[] r : ranges) {
            if (r[0] > at) {
                break;
            }
            at = Math.max(at, r[1]);
        }
        return at >= to;
    }

    @Then("no two different datagrams from the IUT carry the same packet number")
    public void noReuse() {
        Map<Long, byte[]> seen = new HashMap<>();
        for (LoggedDatagram d : context().peer().datagrams()) {
            if (d.direction() != LoggedDatagram.Direction.RECEIVED || d.length() < 80) {
                continue;
            }
            byte[] bytes = d.bytes();
            long pn = java.nio.ByteBuffer.wrap(bytes, 40, 8).getLong();
            byte[] before = seen.putIfAbsent(pn, bytes);
            assertThat(before == null || Arrays.equals(before, bytes))
                    .as("CHN-PN-2: two different datagrams from the IUT with packet number %d", pn).isTrue();
        }
    }

    // ---------------------------------------------------------------- withheld acknowledgements

    @When("the peer stops acknowledging and asks the source service for {long} bytes")
    public void noAckSource(long length) {
        TesterPeer peer = context().peer();
        context().listen(Duration.ofMillis(200));
        peer.setAutoAck(false);
        packetsBefore = peer.receivedPackets().size();
        source(length);
    }

    @Then("the IUT sends the unacknowledged data again in a packet with a higher packet number, at the same offsets")
    public void probeResends() {
        TesterPeer peer = context().peer();
        StreamInbox inbox = context().awaitFinished(lsid);
        long lastData = ChannelSteps.streamFrames(peer, lsid).stream().mapToLong(f -> f[0]).max().orElseThrow();
        long firstData = ChannelSteps.streamFrames(peer, lsid).stream().mapToLong(f -> f[0]).min().orElseThrow();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (deadline - System.nanoTime() > 0) {
            for (long[] f : ChannelSteps.streamFrames(peer, lsid)) {
                if (f[0] > lastData && f[2] > 0) {
                    byte[] all = inbox.bytes();
                    PeerFrame.Stream again = frameIn(peer, f[0]);
                    assertThat(again.data()).as("CHN-LOSS-4, CHN-LOSS-5: bytes resent at offset %d in packet %d",
                            f[1], f[0]).isEqualTo(Arrays.copyOfRange(all, (int) f[1], (int) (f[1] + f[2])));
                    return;
                }
            }
            peer.receive(Duration.ofNanos(deadline - System.nanoTime()));
        }
        throw new AssertionError("CHN-LOSS-4: no STREAM data sent again after packets " + firstData + ".." + lastData
                + " went unacknowledged for " + ScenarioContext.TIMEOUT);
    }

    private PeerFrame.Stream frameIn(TesterPeer peer, long pn) {
        for (ReceivedPacket p : peer.receivedPackets()) {
            if (p.packetNumber() == pn) {
                for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                    if (s.lsid() == lsid && s.length() > 0) {
                        return s;
                    }
                }
            }
        }
        throw new IllegalStateException("no STREAM frame in packet " + pn);
    }

    @Then("within {int} ms the IUT sends no more ack-eliciting bytes than its initial window plus two datagrams per probe timeout")
    public void withinWindow(int periodMs) {
        TesterPeer peer = context().peer();
        long start = System.nanoTime();
        context().listen(Duration.ofMillis(periodMs));
        long bytes = 0;
        List<ReceivedPacket> all = peer.receivedPackets();
        for (ReceivedPacket p : all.subList(packetsBefore, all.size())) {
            if (p.isAckEliciting() || !p.framesOf(PeerFrame.Padding.class).isEmpty()) {
                bytes += p.datagram().length();
            }
        }
        // PTO >= the peer's max_ack_delay (25 ms) + 1 ms and doubles on each expiry (CHN-LOSS-3)
        long elapsedMs = (System.nanoTime() - start) / 1_000_000 + 200;
        int expiries = 0;
        for (long pto = 26, t = pto; t <= elapsedMs; pto *= 2, t += pto) {
            expiries++;
        }
        long bound = INITIAL_WINDOW + 2 * MAX_DATAGRAM * expiries;
        assertThat(bytes).as("CHN-CC-3, CHN-CC-2: ack-eliciting bytes the IUT sent in %d ms without any ACK (initial"
                + " window %d + 2 x %d bytes for each of at most %d probe timeouts)", elapsedMs, INITIAL_WINDOW,
                MAX_DATAGRAM, expiries).isLessThanOrEqualTo(bound);
        assertThat(bytes).as("ack-eliciting bytes the IUT sent for a source stream of %d bytes", sourceLength)
                .isPositive();
    }
}
