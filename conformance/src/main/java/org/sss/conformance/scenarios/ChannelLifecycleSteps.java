package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.target.Target;

/**
 * Steps of SPEC.md sections 6.8 to 6.10: how a channel ends (CLOSE and the closing state, the idle
 * timeout, GOAWAY), how the tester peer, as the initiator, replaces it (rekeying), and how the IUT
 * treats a peer whose address changes.
 */
public class ChannelLifecycleSteps {
    private int packetsBefore;
    private Duration idleTimeout;
    private long silenceStart;
    private long datagramStream = -1;
    private long sourceStream = -1;
    private long sourceLength;
    private TesterPeer replacement;
    private InetSocketAddress oldAddress;
    private InetSocketAddress newAddress;
    private long echoStream = -1;
    private byte[] echoRecord;
    private long moveNanos;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    private List<ReceivedPacket> packetsSince(int index) {
        List<ReceivedPacket> all = context().peer().receivedPackets();
        return all.subList(index, all.size());
    }

    // ---------------------------------------------------------------- closing

    @When("the peer sends PINGs to the IUT, which has closed the channel")
    public void pingAfterClose() {
        context().awaitClose();
        packetsBefore = context().peer().receivedPackets().size();
    }

    @Then("the IUT answers with new packets that carry only a CLOSE with the same error code and reason")
    public void closingAnswer() {
        TesterPeer peer = context().peer();
        PeerFrame.Close first = peer.closeReceived();
        long firstPn = peer.receivedPackets().stream().filter(p -> !p.framesOf(PeerFrame.Close.class).isEmpty())
                .findFirst().orElseThrow().packetNumber();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (packetsSince(packetsBefore).isEmpty() && deadline - System.nanoTime() > 0) {
            // CHN-CLOSE-2 allows one answer per smoothed RTT, and the closing state may last only 3 · PTO
            // (tens of ms on loopback): the peer asks again, often
            peer.send(List.of(new PeerFrame.Ping()));
            context().listen(Duration.ofMillis(8));
        }
        List<ReceivedPacket> answers = packetsSince(packetsBefore);
        assertThat(answers).as("CHN-CLOSE-2: packets from the closing IUT after the peer's PING").isNotEmpty();
        for (ReceivedPacket p : answers) {
            assertThat(p.packetNumber()).as("CRY-CTR-3: packet number of a repeated CLOSE").isGreaterThan(firstPn);
            List<PeerFrame> frames = p.frames().stream().filter(f -> !(f instanceof PeerFrame.Padding
                    || f instanceof PeerFrame.Empty || f instanceof PeerFrame.Settings)).toList();
            assertThat(frames).as("CHN-CLOSE-2: frames of packet %d from the closing IUT", p.packetNumber())
                    .singleElement().isInstanceOf(PeerFrame.Close.class);
            PeerFrame.Close close = (PeerFrame.Close) frames.get(0);
            assertThat(close.errorCode()).as("CHN-CLOSE-2: error code of the repeated CLOSE")
                    .isEqualTo(first.errorCode());
            assertThat(close.reason()).as("CHN-CLOSE-2: reason of the repeated CLOSE").isEqualTo(first.reason());
        }
    }

    @Then("within the timeout the IUT stops answering the peer's PINGs, and stays silent afterwards")
    public void closingEnds() {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        boolean silent = false;
        while (!silent && deadline - System.nanoTime() > 0) {
            int before = peer.receivedPackets().size();
            peer.send(List.of(new PeerFrame.Ping()));
            context().listen(Duration.ofMillis(700));
            silent = peer.receivedPackets().size() == before;
        }
        assertThat(silent).as("CHN-CLOSE-4: the IUT stopped answering within %s (3 · PTO of closing state)",
                ScenarioContext.TIMEOUT).isTrue();
        int before = peer.receivedPackets().size();
        peer.send(List.of(new PeerFrame.Ping()));
        context().listen(ScenarioContext.QUIET);
        assertThat(packetsSince(before)).as("CHN-CLOSE-4: packets from the IUT after its channel was discarded")
                .isEmpty();
    }

    // ---------------------------------------------------------------- idle timeout

    @Given("a tester peer with a channel to the IUT that announces half of the IUT's declared idle timeout")
    public void halfIdle() {
        Duration declared = context().requireTimer(Target.IDLE_TIMEOUT);
        idleTimeout = declared.dividedBy(2);
        context().connect(o -> o.withSettings(ChannelFlowSteps.settingsWith(
                Map.of(PeerFrame.Setting.IDLE_TIMEOUT_MS, idleTimeout.toMillis()))));
    }

    @When("the peer stays silent for {int}% of the IUT's declared idle timeout")
    public void staySilent(int percent) {
        Duration declared = context().requireTimer(Target.IDLE_TIMEOUT);
        packetsBefore = context().peer().receivedPackets().size();
        silenceStart = System.nanoTime();
        context().listen(declared.multipliedBy(percent).dividedBy(100));
    }

    @Then("the IUT sent nothing during the silence and answers no PING afterwards")
    public void discardedSilently() {
        assertThat(packetsSince(packetsBefore)).as("CHN-IDLE-3: packets the IUT sent while the channel was idle")
                .isEmpty();
        TesterPeer peer = context().peer();
        int before = peer.receivedPackets().size();
        peer.send(List.of(new PeerFrame.Ping()));
        context().listen(ScenarioContext.QUIET);
        assertThat(packetsSince(before)).as("CHN-IDLE-1: the effective idle timeout is the smaller announced value, %s;"
                + " %d ms after the channel fell silent the IUT still answered", idleTimeout,
                (System.nanoTime() - silenceStart) / 1_000_000).isEmpty();
    }

    @When("the peer sends a PING every {int}% of the effective idle timeout for {int}% of it")
    public void keepAlive(int everyPercent, int forPercent) {
        TesterPeer peer = context().peer();
        Duration every = idleTimeout.multipliedBy(everyPercent).dividedBy(100);
        long end = System.nanoTime() + idleTimeout.multipliedBy(forPercent).dividedBy(100).toNanos();
        while (end - System.nanoTime() > 0) {
            peer.send(List.of(new PeerFrame.Ping()));
            context().listen(every);
        }
    }

    // ---------------------------------------------------------------- GOAWAY

    @When("the peer opens a datagram-echo stream and sends GOAWAY with last_peer_lsid {long}")
    public void goaway(long lastPeerLsid) {
        TesterPeer peer = context().peer();
        datagramStream = peer.openStream("datagram-echo", "sss-test/1");
        context().awaitReply(datagramStream);
        long pn = peer.send(List.of(new PeerFrame.Goaway(lastPeerLsid, ErrorCode.NO_ERROR.code(), "no more streams")));
        assertThat(ChannelSteps.awaitAck(peer, pn, ScenarioContext.TIMEOUT)).as("an ACK of the GOAWAY").isTrue();
        packetsBefore = peer.receivedPackets().size();
    }

    @When("the peer sends a best-effort datagram of {int} random bytes under that stream")
    public void datagramAfterGoaway(int size) {
        TesterPeer peer = context().peer();
        long lsid = peer.openSubstream(datagramStream);
        peer.send(List.of(PeerFrame.Stream.data(lsid, 0, context().randomBytes(size))
                .with(PeerFrame.Stream.NOACK | PeerFrame.Stream.FIN | PeerFrame.Stream.RECORD)
                .opening(datagramStream)));
    }

    @Then("the IUT opens no new stream while the peer listens for silence")
    public void noNewStream() {
        context().listen(ScenarioContext.QUIET);
        for (ReceivedPacket p : packetsSince(packetsBefore)) {
            assertThat(p.framesOf(PeerFrame.Stream.class)).as("CHN-GOAWAY-2: STREAM frames with INIT on a new LSID"
                    + " after the peer's GOAWAY, in packet %d", p.packetNumber())
                    .noneMatch(s -> s.has(PeerFrame.Stream.INIT) && s.lsid() % 2 == 0);
        }
        assertThat(context().peer().closeReceived()).as("CLOSE from the IUT").isNull();
    }

    // ---------------------------------------------------------------- rekeying (the peer is the initiator)

    @When("the peer asks the source service for {long} bytes and receives what the credit allows")
    public void blockedSource(long length) {
        sourceLength = length;
        sourceStream = ChannelSteps.openSource(context().peer(), length, 0);
        context().awaitReply(sourceStream);
        context().listen(Duration.ofMillis(300));
    }

    @When("the peer negotiates a replacement channel under the same identity and closes the old one with CHANNEL_REPLACED")
    public void replace() {
        TesterPeer old = context().peer();
        replacement = context().connectAnother(old.sameIdentityOptions());
        replacement.setGrantCredit(true);
        old.sendClose(ErrorCode.CHANNEL_REPLACED.code(), "rekey");
    }

    @Then("the IUT attaches the source stream to the replacement channel and sends there the rest of the pattern at the same offsets, then FIN")
    public void continuesOnReplacement() {
        TesterPeer old = context().peer();
        StreamInbox first = old.inbox(sourceStream);
        long reply = first.recordBoundaries().first();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        TreeMap<Long, byte[]> data = new TreeMap<>();
        Long attached = null;
        Long finalSize = null;
        while (deadline - System.nanoTime() > 0) {
            ReceivedPacket p = replacement.receive(Duration.ofMillis(50));
            if (p == null) {
                if (finalSize != null && covered(data, first.contiguousLength(), finalSize)) {
                    break;
                }
                continue;
            }
            for (PeerFrame.Stream s : p.framesOf(PeerFrame.Stream.class)) {
                if (s.has(PeerFrame.Stream.USID) && s.has(PeerFrame.Stream.INIT) && attached == null) {
                    attached = s.lsid();
                }
                if (attached != null && s.lsid() == attached) {
                    data.merge(s.offset(), s.data(), (a, b) -> a.length >= b.length ? a : b);
                    if (s.has(PeerFrame.Stream.FIN)) {
                        finalSize = s.offset() + s.length();
                    }
                }
            }
        }
        assertThat(attached).as("CHN-REKEY-3: a STREAM frame with INIT and USID on the replacement channel").isNotNull();
        assertThat(finalSize).as("CHN-REKEY-3: FIN of the source stream on the replacement channel")
                .isEqualTo(reply + sourceLength);
        byte[] all = new byte[(int) (long) finalSize];
        System.arraycopy(first.bytes(), 0, all, 0, (int) first.contiguousLength());
        for (Map.Entry<Long, byte[]> e : data.entrySet()) {
            System.arraycopy(e.getValue(), 0, all, (int) (long) e.getKey(), e.getValue().length);
        }
        assertThat(covered(data, first.contiguousLength(), finalSize)).as("CHN-REKEY-3: the replacement channel"
                + " carries every byte from offset %d to %d", first.contiguousLength(), finalSize).isTrue();
        ChannelSteps.assertSourcePattern("CHN-REKEY-3, STR-ATTACH-1 (same offsets)",
                java.util.Arrays.copyOfRange(all, (int) reply, all.length), sourceLength);
        assertThat(replacement.receivedPackets().stream().flatMap(p -> p.framesOf(PeerFrame.Reset.class).stream()))
                .as("STR-ATTACH-8: RESET frames after CHANNEL_REPLACED").isEmpty();
    }

    private static boolean covered(TreeMap<Long, byte[]> data, long from, long to) {
        long at = from;
        for (Map.Entry<Long, byte[]> e : data.entrySet()) {
            if (e.getKey() > at) {
                return false;
            }
            at = Math.max(at, e.getKey() + e.getValue().length);
        }
        return at >= to;
    }

    // ---------------------------------------------------------------- path changes

    @When("the peer moves to a new UDP port and sends from there a record of {int} random bytes on a new echo stream")
    public void moveAndEcho(int size) {
        TesterPeer peer = context().peer();
        oldAddress = peer.localAddress();
        moveNanos = System.nanoTime();
        newAddress = peer.moveToNewSocket();
        packetsBefore = peer.receivedPackets().size();
        echoStream = peer.openStream("echo", "sss-test/1");
        echoRecord = context().randomBytes(size);
        peer.sendRecord(echoStream, echoRecord);
    }

    @When("the peer answers no PATH_CHALLENGE")
    public void noPathResponse() {
        context().peer().setAnswerPathChallenges(false);
    }

    @Then("the IUT echoes the record, to whichever address")
    public void echoedAnywhere() {
        StreamInbox inbox = context().peer().awaitStream(echoStream,
                in -> in.records().size() >= 2, ScenarioContext.TIMEOUT);
        assertThat(inbox.records().get(1)).as("CHN-PATH-1: the echo of the record sent from %s", newAddress)
                .isEqualTo(echoRecord);
    }

    @Then("the IUT sends a PATH_CHALLENGE to the new address")
    public void challengesNewAddress() {
        TesterPeer peer = context().peer();
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (deadline - System.nanoTime() > 0) {
            for (ReceivedPacket p : packetsSince(packetsBefore)) {
                if (!p.framesOf(PeerFrame.PathChallenge.class).isEmpty()) {
                    assertThat(peer.arrivalAddress(p)).as("CHN-PATH-2: where the PATH_CHALLENGE went")
                            .isEqualTo(newAddress);
                    return;
                }
            }
            peer.receive(Duration.ofNanos(deadline - System.nanoTime()));
        }
        throw new AssertionError("CHN-PATH-2: no PATH_CHALLENGE within " + ScenarioContext.TIMEOUT
                + " after the peer's packets came from the new address " + newAddress + " (old " + oldAddress + ")");
    }

    @Then("once the peer has answered, the IUT sends the echo to the new address")
    public void followsNewAddress() {
        TesterPeer peer = context().peer();
        peer.awaitStream(echoStream, in -> in.records().size() >= 2, ScenarioContext.TIMEOUT);
        peer.sendRecord(echoStream, echoRecord);
        peer.finish(echoStream);
        peer.awaitStream(echoStream, StreamInbox::isFinished, ScenarioContext.TIMEOUT);
        ReceivedPacket last = peer.receivedPackets().stream()
                .filter(p -> p.framesOf(PeerFrame.Stream.class).stream().anyMatch(s -> s.lsid() == echoStream))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(peer.arrivalAddress(last)).as("CHN-PATH-4: where the IUT sent the last echo data after the peer"
                + " answered its PATH_CHALLENGE (old address %s)", oldAddress).isEqualTo(newAddress);
    }

    @Then("the IUT sends to the new address no more than three times the bytes it received from there while the peer listens for silence")
    public void amplificationLimit() {
        TesterPeer peer = context().peer();
        peer.sendRecord(echoStream, context().randomBytes(30_000));
        context().listen(ScenarioContext.QUIET);
        long received = 0;
        for (ReceivedPacket p : peer.receivedPackets()) {
            if (peer.arrivalAddress(p).equals(newAddress)) {
                received += p.datagram().length();
            }
        }
        long sentFromNew = peer.datagrams().stream().filter(d -> d.direction() == LoggedDatagram.Direction.SENT)
                .filter(d -> d.monotonicNanos() - moveNanos >= 0).mapToLong(LoggedDatagram::length).sum();
        assertThat(received).as("CHN-PATH-3: bytes the IUT sent to the unvalidated address %s, which sent it %d bytes",
                newAddress, sentFromNew).isLessThanOrEqualTo(3 * sentFromNew);
    }
}
