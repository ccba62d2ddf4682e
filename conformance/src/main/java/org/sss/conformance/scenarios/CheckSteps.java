package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sss.conformance.check.Exchange;
import org.sss.conformance.check.Findings;
import org.sss.conformance.check.PacketRule;
import org.sss.conformance.check.PacketRules;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.impair.Impairment;
import org.sss.conformance.peer.impair.LinkImpairment;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of {@code 00-every-packet.feature}: exchanges that make the IUT send many kinds of packets
 * (bulk data, substreams, records, datagrams, small windows, withheld acknowledgements, CLOSE and
 * RESET), and the assertion that every packet it sent obeys named requirements of the packet checker
 * ({@link PacketRules}), which also fails when the exchange gave a rule nothing to judge.
 */
public class CheckSteps {
    /** Data per STREAM frame of a datagram fragment: well within any MAX_PLAINTEXT of 256 or more. */
    private static final int FRAGMENT = 1000;
    private static final int MAX_BEST_EFFORT_FRAGMENTS = 16;
    private static final int CHUNK = 16_384;

    private final List<Long> substreams = new ArrayList<>();
    private final Map<Long, byte[]> substreamRecords = new HashMap<>();
    private final List<byte[]> datagrams = new ArrayList<>();

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Then("^every packet the IUT sent obeys ((?:[A-Z]+-[A-Z]+-\\d+)(?:(?:, | and )[A-Z]+-[A-Z]+-\\d+)*)$")
    public void obeys(String ids) {
        for (String id : ids.split(", | and ")) {
            Findings findings = judge(id);
            if (findings.judgedCount() == 0) {
                throw context().inconclusive(id + " (" + PacketRules.of(id).summary() + "): the exchange gave the rule"
                        + " nothing to judge", null);
            }
        }
    }

    /** A conditional requirement: an IUT that never does what it governs passes, leniently, saying so. */
    @Then("every packet the IUT sent obeys {word} wherever it sent a STREAM frame without a length field")
    public void obeysWhereApplicable(String id) {
        if (judge(id).judgedCount() == 0) {
            context().lenient(id + ": the IUT sent no STREAM frame without a length field, so the rule held vacuously");
        }
    }

    /** Runs the rule of {@code id} over every tester peer's exchange; fails on a violation. */
    private Findings judge(String id) {
        byte[] iutKey = context().target().publicKey();
        List<Exchange> exchanges = context().peers().stream().map(p -> Exchange.of(p, iutKey)).toList();
        PacketRule rule = PacketRules.of(id);
        assertThat(rule).as("the packet checker has a rule for %s", id).isNotNull();
        Findings findings = PacketRules.check(rule, exchanges);
        if (!findings.violations().isEmpty()) {
            throw new AssertionError(PacketRules.report(findings.violations()));
        }
        System.out.println(id + ": " + findings.judgedCount() + " item(s) judged, no violation");
        return findings;
    }

    @Given("a tester peer declaring INITIAL_MAX_STREAM_DATA {long}, INITIAL_MAX_DATA {long} and MAX_PLAINTEXT {int}")
    public void peerWithLimits(long streamData, long maxData, int maxPlaintext) {
        List<PeerFrame.Setting> entries = new ArrayList<>();
        for (PeerFrame.Setting s : PeerOptions.DEFAULT_SETTINGS.entries()) {
            long value = switch (s.tag()) {
                case PeerFrame.Setting.INITIAL_MAX_STREAM_DATA -> streamData;
                case PeerFrame.Setting.INITIAL_MAX_DATA -> maxData;
                case PeerFrame.Setting.MAX_PLAINTEXT -> maxPlaintext;
                default -> s.numericValue();
            };
            entries.add(PeerFrame.Setting.of(s.tag(), value));
        }
        context().connect(o -> o.withSettings(new PeerFrame.Settings(entries)));
    }

    @Given("a tester peer whose link from the IUT loses {int}% of the datagrams")
    public void peerWithLoss(int percent) {
        LinkImpairment link = new LinkImpairment(Impairment.NONE, Impairment.parse("loss=" + percent + "%"),
                context().random().nextLong());
        context().connect(o -> o.withImpairment(link));
    }

    @Given("a tester peer that acknowledges nothing")
    public void peerWithoutAcks() {
        context().connect(o -> o.withAutoAck(false));
    }

    @When("the channel stays idle for {int} ms")
    public void idle(int ms) {
        context().listen(Duration.ofMillis(ms));
    }

    @When("the peer stops acknowledging")
    public void stopAcknowledging() {
        context().peer().setAutoAck(false);
    }

    @When("the peer acknowledges everything from now on")
    public void acknowledgeFromNowOn() {
        context().peer().setAutoAck(true);
        context().peer().sendAck();
    }

    @When("the peer withholds its acknowledgements for {int} ms")
    public void withhold(int ms) {
        TesterPeer peer = context().peer();
        peer.setAutoAck(false);
        context().listen(Duration.ofMillis(ms));
        peer.setAutoAck(true);
        peer.sendAck();
    }

    @When("the peer streams {int} random bytes on the stream as the IUT's credit allows, then FIN")
    public void streamBulk(int size) {
        TesterPeer peer = context().peer();
        byte[] data = context().randomBytes(size);
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        int pos = 0;
        while (pos < data.length) {
            int n = (int) Math.min(Math.min(CHUNK, data.length - pos), peer.sendCredit(context().stream));
            if (n == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("CHN-FLOW-5: the IUT granted no more credit after " + pos + " of "
                            + data.length + " bytes within " + ScenarioContext.TIMEOUT);
                }
                peer.receive(Duration.ofMillis(20));
                continue;
            }
            peer.sendStreamData(context().stream, Arrays.copyOfRange(data, pos, pos + n), false,
                    pos + n == data.length);
            pos += n;
            while (peer.receive(Duration.ofMillis(1)) != null) {
                // let the peer acknowledge and grant credit while the IUT echoes
            }
        }
        context().sent.writeBytes(data);
    }

    @When("the peer opens {int} substreams under the stream, each carrying a record of {int} random bytes and FIN")
    public void manySubstreams(int count, int size) {
        TesterPeer peer = context().peer();
        context().awaitReply(context().stream);
        for (int i = 0; i < count; i++) {
            long sub = peer.openSubstream(context().stream);
            byte[] record = context().randomBytes(size);
            peer.sendStreamData(sub, record, true, true);
            substreams.add(sub);
            substreamRecords.put(sub, record);
            peer.receive(Duration.ofMillis(1));
        }
    }

    @Then("the IUT echoes every substream's record on the substream itself")
    public void substreamsEchoed() {
        for (long sub : substreams) {
            StreamInbox inbox = context().awaitFinished(sub);
            assertThat(inbox.bytes()).as("TST-ECHO-4 on substream %d: %s", sub, inbox)
                    .isEqualTo(substreamRecords.get(sub));
        }
    }

    @When("the peer sends datagrams of {sizes} random bytes under the stream")
    public void sendDatagrams(List<Integer> sizes) {
        TesterPeer peer = context().peer();
        context().awaitReply(context().stream);
        for (int size : sizes) {
            byte[] data = context().randomBytes(size);
            long lsid = peer.openSubstream(context().stream);
            int fragments = Math.max(1, (size + FRAGMENT - 1) / FRAGMENT);
            if (fragments > MAX_BEST_EFFORT_FRAGMENTS) {
                peer.sendStreamData(lsid, data, false, true); // STR-DGRAM-6: reliable mode
            } else {
                for (int at = 0; at < Math.max(1, size); at += FRAGMENT) {
                    int end = Math.min(size, at + FRAGMENT);
                    PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, at, Arrays.copyOfRange(data, at, end))
                            .with(PeerFrame.Stream.NOACK).opening(context().stream);
                    peer.send(List.of(end == size ? frame.with(PeerFrame.Stream.FIN) : frame));
                }
            }
            datagrams.add(data);
            while (peer.receive(Duration.ofMillis(5)) != null) {
                // keep the channel acknowledged between datagrams
            }
        }
    }

    @Then("the IUT echoes each of them as a new datagram under the stream")
    public void datagramsEchoed() {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        List<byte[]> echoed = echoes(peer);
        while (echoed.size() < datagrams.size() && System.nanoTime() - deadline < 0) {
            peer.receive(Duration.ofMillis(50));
            echoed = echoes(peer);
        }
        List<String> expected = datagrams.stream().map(CheckSteps::sizeAndHash).sorted().toList();
        List<String> observed = echoed.stream().map(CheckSteps::sizeAndHash).sorted().toList();
        assertThat(observed).as("TST-DGE-1: the datagrams echoed under stream %d (length:hash)", context().stream)
                .isEqualTo(expected);
    }

    /** The complete datagrams the IUT opened under the scenario's stream. */
    private List<byte[]> echoes(TesterPeer peer) {
        List<byte[]> out = new ArrayList<>();
        for (long lsid : iutChildren(peer)) {
            StreamInbox inbox = peer.inbox(lsid);
            if (inbox.isFinished()) {
                out.add(inbox.bytes());
            }
        }
        return out;
    }

    private List<Long> iutChildren(TesterPeer peer) {
        List<Long> out = new ArrayList<>();
        for (ReceivedPacket p : peer.receivedPackets()) {
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.has(PeerFrame.Stream.INIT) && s.parentLsid() == context().stream && !out.contains(s.lsid())) {
                    out.add(s.lsid());
                }
            }
        }
        return out;
    }

    private static String sizeAndHash(byte[] b) {
        return b.length + ":" + Arrays.hashCode(b);
    }

    @When("after the IUT's CLOSE the peer sends a PING and listens for {int} ms")
    public void pingAfterClose(int ms) {
        context().awaitClose();
        context().peer().send(List.of(new PeerFrame.Ping()));
        context().listen(Duration.ofMillis(ms));
    }

    @When("the peer sends {int} random bytes on the stream without FIN, then resets it with {errorCode} and listens for {int} ms")
    public void sendThenReset(int size, ErrorCode code, int ms) {
        TesterPeer peer = context().peer();
        context().awaitReply(context().stream);
        peer.sendStreamData(context().stream, context().randomBytes(size), false, false);
        peer.send(List.of(new PeerFrame.Reset(context().stream, code.code(), "")));
        context().listen(Duration.ofMillis(ms));
    }

    @When("the peer sends a record made of both long-term keys and the channel ID, then FIN")
    public void recordOfSecrets() {
        TesterPeer peer = context().peer();
        byte[] record = ByteBuffer.allocate(32 + 32 + 16).put(peer.identityPublicKey())
                .put(context().target().publicKey()).put(peer.channelId()).array();
        peer.sendRecord(context().stream, record);
        peer.finish(context().stream);
        context().sent.writeBytes(record);
        context().sentBoundaries.add((long) context().sent.size());
    }

    @When("a second tester peer with the same identity negotiates a channel with the IUT")
    public void secondPeerSameIdentity() {
        context().connectAnother(context().peer().sameIdentityOptions());
    }
}
