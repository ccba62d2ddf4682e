package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.replay.Capture;
import org.sss.conformance.replay.CaptureReadException;
import org.sss.conformance.replay.DatagramSelection;
import org.sss.conformance.replay.PacketKind;
import org.sss.conformance.replay.PcapReader;
import org.sss.conformance.replay.ReplayEvent;
import org.sss.conformance.replay.ReplayResult;
import org.sss.conformance.replay.Replayer;
import org.sss.conformance.replay.Timing;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.PcapFile;
import org.sss.conformance.target.Target;

/**
 * Steps that replay captured packets to the IUT (issue 6, "Replay in the conformance suite"). They work against
 * any target: a scenario first records a live session of a tester peer with the IUT, writes the peer's datagrams
 * as a pcap file ({@link PcapFile}, the writer of evidence bundles) and reads it back with the suite's pcap reader
 * ({@link PcapReader}), so what is replayed really went through a capture file; or it takes the attack captures of
 * the corpus ({@link AttackCorpus}). The replays come from sockets of a {@link Replayer}, a fresh one or one bound
 * to the captured peer's own address once the peer's socket is closed.
 */
public class ReplayCaptureSteps {
    /** Margin beyond two rotation periods, for the IUT's timer granularity; generous, never a speed assertion. */
    private static final Duration ROTATION_MARGIN = Duration.ofMillis(500);
    /** How long a recorded session is left to settle before a replay into its live channel. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    /** The attack captures are replayed this many times faster than they were recorded. */
    private static final double ATTACK_COMPRESSION = 10;

    private final List<Replayer> replayers = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private long echoStream = -1;
    private long echoedBytes;
    private Capture capture;
    private InetSocketAddress peerAddress;
    private Replayer replayer;
    private ReplayResult replay;
    private int receivedMark;
    private final List<String> attackFindings = new ArrayList<>();
    private final List<String> attacksReplayed = new ArrayList<>();

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** Closes the scenario's replaying sockets and deletes its capture files. */
    @After(order = 9000)
    public void cleanUp() {
        replayers.forEach(Replayer::close);
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.out.println("could not delete " + file + ": " + e);
            }
        }
    }

    // ---------------------------------------------------------------- recording a session

    @Given("a recorded live session of a tester peer with the IUT: an echo round trip of {int} random bytes")
    public void recordSession(int size) {
        TesterPeer peer = context().connect();
        peerAddress = peer.localAddress();
        echoStream = peer.openStream("echo", "sss-test/1");
        byte[] record = context().randomBytes(size);
        peer.sendRecord(echoStream, record);
        peer.finish(echoStream);
        StreamInbox inbox = context().awaitFinished(echoStream);
        if (inbox.records().size() != 2 || !Arrays.equals(inbox.records().get(1), record)) {
            throw context().inconclusive("the session to be captured failed: echo returned " + inbox, null);
        }
        echoedBytes = inbox.contiguousLength();
    }

    @Given("the peer ends the session with a CLOSE")
    public void closeSession() {
        context().peer().sendClose(ErrorCode.NO_ERROR.code(), "");
        // CHN-CLOSE-3 lets the IUT answer with one CLOSE: it must reach the peer, not a later replaying socket
        context().listen(ScenarioContext.QUIET);
    }

    @Given("the recorded session is written to a pcap file and read back")
    public void writeAndReadBack() {
        TesterPeer peer = context().peer();
        List<CapturedDatagram> datagrams = new ArrayList<>();
        for (LoggedDatagram d : peer.datagrams()) {
            boolean sent = d.direction() == LoggedDatagram.Direction.SENT;
            datagrams.add(new CapturedDatagram(d.wallClock(), sent ? peerAddress : d.remote(),
                    sent ? d.remote() : peerAddress, d.bytes()));
        }
        try {
            Path file = Files.createTempFile("sss-replay-", ".pcap");
            files.add(file);
            PcapFile.Written written = PcapFile.write(file, datagrams);
            capture = PcapReader.read(file);
            System.out.println(written.describe() + "; " + capture.describe());
        } catch (IOException | CaptureReadException e) {
            throw context().inconclusive("the session could not be written to a pcap file and read back: " + e, e);
        }
        List<CapturedDatagram> read = capture.datagrams();
        boolean same = read.size() == datagrams.size();
        for (int i = 0; same && i < read.size(); i++) {
            same = Arrays.equals(read.get(i).payload(), datagrams.get(i).payload())
                    && read.get(i).source().equals(datagrams.get(i).source());
        }
        if (!same) {
            throw context().inconclusive("the pcap file did not give back the " + datagrams.size()
                    + " datagrams written (" + capture.describe() + "): a harness fault", null);
        }
    }

    // ---------------------------------------------------------------- replaying

    /** A replayer from a fresh socket, or from the peer's own address once it has closed the peer's socket. */
    private Replayer replayer(String socket) {
        InetSocketAddress bind;
        if (socket.equals("a fresh socket")) {
            bind = peerAddress == null ? null : new InetSocketAddress(peerAddress.getAddress(), 0);
        } else {
            context().peer().close();
            bind = peerAddress;
        }
        try {
            Replayer r = Replayer.open(context().target().address(), bind);
            replayers.add(r);
            return r;
        } catch (IOException e) {
            throw context().inconclusive("cannot bind a replaying socket to " + bind + ": " + e, e);
        }
    }

    private CapturedDatagram first(PacketKind kind, InetSocketAddress source) {
        List<CapturedDatagram> found = capture.select(DatagramSelection.from(source).and(DatagramSelection.ofKind(kind)));
        if (found.isEmpty()) {
            throw context().inconclusive("the capture holds no " + kind + " sent by " + source, null);
        }
        return found.get(0);
    }

    @When("^the captured HELLO is replayed to the IUT from (a fresh socket|the original socket)$")
    public void replayHello(String socket) {
        CapturedDatagram hello = first(PacketKind.HELLO, peerAddress);
        replayer = replayer(socket);
        replay = replayer.play(List.of(hello), Timing.PRESERVE, ScenarioContext.QUIET, this::print);
    }

    @When("the captured INITIATE is replayed to the IUT from the original socket, while its cookie is still within its lifetime")
    public void replayInitiateWithinLifetime() {
        CapturedDatagram cookie = first(PacketKind.COOKIE, context().target().address());
        Duration rotation = context().target().timer(Target.MINUTE_KEY_ROTATION).orElse(Duration.ofSeconds(60));
        Duration age = Duration.between(cookie.time(), Instant.now());
        if (age.compareTo(rotation) >= 0) {
            throw context().inconclusive("the cookie is " + age.toMillis() + " ms old, beyond its guaranteed lifetime of "
                    + rotation.toMillis() + " ms: a refusal would prove nothing about the replay cache", null);
        }
        replayInitiate();
    }

    @When("the captured INITIATE is replayed to the IUT from the original socket, after the minute key rotated twice")
    public void replayInitiateAfterRotation() {
        Duration rotation = context().requireTimer(Target.MINUTE_KEY_ROTATION);
        CapturedDatagram cookie = first(PacketKind.COOKIE, context().target().address());
        Instant due = cookie.time().plus(rotation.multipliedBy(2)).plus(ROTATION_MARGIN);
        long wait = Duration.between(Instant.now(), due).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw context().inconclusive("interrupted while waiting for the minute key to rotate", e);
            }
        }
        replayInitiate();
    }

    private void replayInitiate() {
        CapturedDatagram initiate = first(PacketKind.INITIATE, peerAddress);
        replayer = replayer("the original socket");
        replay = replayer.play(List.of(initiate), Timing.PRESERVE, ScenarioContext.QUIET, this::print);
    }

    @When("the MESSAGEs the peer sent in the capture are replayed to the IUT from a fresh socket, timing preserved")
    public void replayMessages() {
        List<CapturedDatagram> messages = capture.select(
                DatagramSelection.from(peerAddress).and(DatagramSelection.ofKind(PacketKind.MESSAGE)));
        if (messages.isEmpty()) {
            throw context().inconclusive("the capture holds no MESSAGE sent by the peer", null);
        }
        // let the IUT's last ACKs of the session arrive first: after the mark, the channel must stay silent
        context().listen(SETTLE);
        receivedMark = context().peer().receivedPackets().size();
        replayer = replayer("a fresh socket");
        replay = replayer.play(messages, Timing.PRESERVE, ScenarioContext.QUIET, this::print);
        context().listen(ScenarioContext.QUIET);
    }

    private void print(ReplayEvent event) {
        System.out.println("replay: " + event);
    }

    // ---------------------------------------------------------------- verdicts

    @Then("the IUT answers it with exactly one COOKIE, whose R' and cookie differ from the captured COOKIE's")
    public void freshCookie() {
        List<ReplayEvent> replies = replay.replies();
        assertThat(replies.stream().map(ReplayEvent::toString).toList())
                .as("NEG-COOKIE-1, NEG-COOKIE-2: a replayed HELLO is a HELLO like any other; the IUT must answer it "
                        + "with exactly one COOKIE and nothing else, sent to %s (a HELLO rate limit, NEG-DOS-1, that "
                        + "drops the second HELLO from one address would also explain a silence)", replay.local())
                .hasSize(1);
        ReplayEvent reply = replies.get(0);
        assertThat(reply.kind()).as("NEG-COOKIE-1: the answer to a HELLO").isEqualTo(PacketKind.COOKIE);
        byte[] fresh;
        Optional<byte[]> freshPlain = openCookie(fresh = reply.payload());
        assertThat(freshPlain).as("NEG-COOKIE-1: the COOKIE answering the replayed HELLO is boxed to its I' under "
                + "the IUT's long-term key").isPresent();
        // the peer may have retransmitted its HELLO and drawn several COOKIEs: the fresh one must differ from each
        for (CapturedDatagram d : capture.select(DatagramSelection.from(context().target().address())
                .and(DatagramSelection.ofKind(PacketKind.COOKIE)))) {
            byte[] captured = d.payload();
            byte[] capturedPlain = openCookie(captured).orElseThrow(() -> context().inconclusive(
                    "a captured COOKIE does not open under the peer's short-term key", null));
            assertThat(Arrays.copyOfRange(freshPlain.get(), 0, 32))
                    .as("CRY-KEY-2: a fresh short-term key pair (r', R') for every COOKIE; the replayed HELLO drew "
                            + "the captured R' again").isNotEqualTo(Arrays.copyOfRange(capturedPlain, 0, 32));
            assertThat(Arrays.copyOfRange(freshPlain.get(), 32, 128))
                    .as("CRY-COOKIE-5: each cookie is made with 16 fresh random bytes n; the replayed HELLO drew the "
                            + "captured cookie again").isNotEqualTo(Arrays.copyOfRange(capturedPlain, 32, 128));
            assertThat(Arrays.copyOfRange(fresh, 8, 24)).as("NEG-COOKIE-1: a fresh random n for the COOKIE box")
                    .isNotEqualTo(Arrays.copyOfRange(captured, 8, 24));
        }
    }

    /** {@code R' ‖ cookie} of a COOKIE boxed to the peer's I', or empty. */
    private Optional<byte[]> openCookie(byte[] datagram) {
        if (datagram.length != 168) {
            return Optional.empty();
        }
        return Nacl.boxOpen(Arrays.copyOfRange(datagram, 24, 168),
                NoncePrefix.COOKIE.withRandom(Arrays.copyOfRange(datagram, 8, 24)), context().target().publicKey(),
                context().peer().shortTermSecretKey());
    }

    @Then("the IUT sends nothing more to the replaying socket, not even a retransmitted COOKIE")
    public void nothingMoreAfterCookie() {
        List<ReplayEvent> later = replayer.play(List.of(), Timing.ASAP, ScenarioContext.QUIET, this::print).replies();
        assertThat(later.stream().map(ReplayEvent::toString).toList())
                .as("NEG-COOKIE-2, NEG-RPROC-2: a responder keeps no state about a HELLO once its COOKIE is sent, "
                        + "and never retransmits a COOKIE").isEmpty();
    }

    @Then("nothing comes back to the replaying socket")
    public void nothingBack() {
        assertThat(replay.replies().stream().map(ReplayEvent::toString).toList())
                .as("the replayed packets must be dropped silently (NEG-ERR-1, CHN-REPLAY-2); the IUT answered "
                        + "the replay from %s", replay.local()).isEmpty();
    }

    @Then("a MESSAGE sealed for the old channel, with a PING, draws no answer either: no channel was created")
    public void noChannel() {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber() + 16;
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, true), List.of(new PeerFrame.Ping()));
        byte[] message = peer.boxes().sealMessage(pn, plaintext);
        CapturedDatagram datagram = new CapturedDatagram(Instant.now(), replayer.localAddress(),
                replayer.target(), message);
        List<ReplayEvent> answers = replayer.play(List.of(datagram), Timing.ASAP, ScenarioContext.QUIET, this::print)
                .replies();
        assertThat(answers.stream().map(ReplayEvent::toString).toList())
                .as("CRY-COOKIE-6, CRY-COOKIE-7: the replayed INITIATE must create no channel, so a MESSAGE sealed "
                        + "under the old channel's key (packet number %d) is dropped, drawing no ACK", pn).isEmpty();
    }

    @Then("the IUT sends no packet on the channel after the replay: the replayed MESSAGEs are neither acknowledged nor served")
    public void nothingNewOnTheChannel() {
        TesterPeer peer = context().peer();
        List<ReceivedPacket> received = peer.receivedPackets();
        List<String> after = new ArrayList<>();
        for (ReceivedPacket p : received.subList(receivedMark, received.size())) {
            after.add("packet " + p.packetNumber() + ": " + p.frames());
        }
        assertThat(after).as("CHN-REPLAY-2, CHN-RECV-2: packets the IUT sent on the channel after the replay, while the "
                + "peer sent nothing new (an ACK means it accepted a replayed MESSAGE as new, stream data that it served "
                + "a replayed request again)").isEmpty();
        assertThat(peer.inbox(echoStream).contiguousLength()).as("bytes received on the captured echo stream %d",
                echoStream).isEqualTo(echoedBytes);
        assertThat(peer.closeReceived()).as("CLOSE from the IUT after the replay").isNull();
    }

    // ---------------------------------------------------------------- the attack captures of the corpus

    @When("each attack capture of the corpus is replayed to the IUT from a fresh socket, timing compressed, followed by a liveness check")
    public void replayAttacks() {
        List<Path> attacks = AttackCorpus.attackCaptures();
        if (attacks.isEmpty()) {
            throw new AssertionError("the corpus holds no attack capture: expected files " + AttackCorpus.PATTERN
                    + " under the classpath directory " + AttackCorpus.RESOURCE_DIRECTORY
                    + " (conformance/pom.xml copies them from pcaps/)");
        }
        Random random = new Random(context().seed() ^ 0x41545441L);
        for (Path file : attacks) {
            Capture attack;
            try {
                attack = PcapReader.read(file);
            } catch (CaptureReadException e) {
                throw context().inconclusive("the corpus capture cannot be read: " + e.getMessage(), e);
            }
            DatagramSelection selection = attack.responder().map(DatagramSelection::notFrom)
                    .orElse(DatagramSelection.all());
            List<CapturedDatagram> datagrams = attack.select(selection);
            String name = file.getFileName().toString();
            attacksReplayed.add(name + " (" + datagrams.size() + " datagrams " + selection + ")");
            System.out.println("replaying " + attack.describe() + ": " + selection);
            Replayer r = replayer("a fresh socket");
            ReplayResult result = r.play(datagrams, Timing.compress(ATTACK_COMPRESSION), ScenarioContext.QUIET);
            r.close();
            long hellos = result.sent().stream().filter(e -> e.kind() == PacketKind.HELLO).count();
            List<ReplayEvent> replies = result.replies();
            List<String> notCookies = replies.stream().filter(e -> e.kind() != PacketKind.COOKIE)
                    .map(ReplayEvent::toString).toList();
            if (!notCookies.isEmpty()) {
                attackFindings.add(name + ": NEG-DOS-3: the IUT sent something other than COOKIE to an address from "
                        + "which it accepted no INITIATE: " + notCookies);
            }
            long cookies = replies.size() - notCookies.size();
            if (cookies > hellos) {
                attackFindings.add(name + ": NEG-COOKIE-2: " + cookies + " COOKIEs in answer to " + hellos + " HELLOs");
            }
            String problem = LivenessCheck.probe(context().target(), random, ScenarioContext.TIMEOUT);
            if (problem != null) {
                attackFindings.add(name + ": the IUT stopped serving after its replay: " + problem);
                int left = attacks.size() - attacks.indexOf(file) - 1;
                if (left > 0) {
                    attackFindings.add(left + " later capture(s) not replayed: the IUT no longer serves");
                }
                return;
            }
        }
    }

    @Then("the IUT sent nothing but COOKIEs to the replaying sockets, at most one per HELLO, and kept serving after each")
    public void attacksHarmless() {
        System.out.println("attack captures replayed: " + attacksReplayed);
        assertThat(attackFindings).as("replayed attack captures %s (SPEC.md section 12: bad input never stops a "
                + "host)", attacksReplayed).isEmpty();
    }
}
