package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.peer.wire.ServiceMessages;

/**
 * Steps of SPEC.md sections 6 to 8 that concern the channel as a whole: packets the IUT must drop,
 * frames that make it close the channel, and the liveness check that follows a dropped packet.
 */
public class ChannelSteps {
    /** The box starts after magic, key and counter; its first 16 bytes are the Poly1305 tag. */
    private static final int BOX_OFFSET = 8 + 32 + 8;

    private long corruptedPacketNumber = -1;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer sends a MESSAGE carrying a PING whose authentication tag has one bit flipped")
    public void sendCorruptedTag() {
        TesterPeer peer = context().peer();
        long pn = peer.nextPacketNumber();
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, false), List.of(new PeerFrame.Ping()));
        byte[] datagram = peer.boxes().sealMessage(pn, plaintext);
        datagram[BOX_OFFSET + context().random().nextInt(16)] ^= (byte) (1 << context().random().nextInt(8));
        peer.sendRaw(datagram);
        peer.skipPacketNumbers(1);
        corruptedPacketNumber = pn;
    }

    @Then("the IUT never acknowledges that packet")
    public void neverAcknowledged() {
        context().listen(ScenarioContext.QUIET);
        List<PeerFrame.Ack> acks = new ArrayList<>();
        for (ReceivedPacket p : context().peer().receivedPackets()) {
            acks.addAll(p.framesOf(PeerFrame.Ack.class));
            p.framesOf(PeerFrame.Close.class).forEach(c -> acks.add(c.finalAck()));
        }
        assertThat(acks).as("ACKs received after the liveness check").isNotEmpty();
        assertThat(acks).as("CHN-RECV-2: ACKs of packet %d", corruptedPacketNumber)
                .noneMatch(a -> a.acknowledges(corruptedPacketNumber));
    }

    @Then("the channel still works: echo returns a record of {int} random bytes")
    public void channelStillWorks(int size) {
        TesterPeer peer = context().peer();
        long lsid = peer.openStream("echo", "sss-test/1");
        byte[] record = context().randomBytes(size);
        peer.sendRecord(lsid, record);
        peer.finish(lsid);
        StreamInbox inbox = context().awaitFinished(lsid);
        List<byte[]> records = inbox.records();
        assertThat(records).as("reply and echoed record: %s", inbox).hasSize(2);
        assertThat(records.get(1)).isEqualTo(record);
        assertThat(peer.closeReceived()).as("CLOSE from the IUT").isNull();
    }

    @When("the peer sends a STREAM frame with LSID 0 carrying a record of {int} bytes")
    public void sendLsidZero(int size) {
        PeerFrame.Stream frame = PeerFrame.Stream.data(0, 0, context().randomBytes(size))
                .with(PeerFrame.Stream.RECORD);
        context().peer().send(List.of(frame));
    }

    @When("the peer opens LSID {int}, of the IUT's own parity, with a connect request to {string} {string}")
    public void openOwnParity(int lsid, String service, String protocol) {
        assertThat(lsid % 2).as("an even LSID is the responder's (STR-ID-1)").isZero();
        PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, 0, ServiceMessages.connectRequest(service, protocol))
                .with(PeerFrame.Stream.RECORD).opening(0);
        context().peer().send(List.of(frame));
    }

    @Then("the IUT closes the channel with {errorCode}")
    public void closesWith(ErrorCode expected) {
        PeerFrame.Close close = context().awaitClose();
        assertThat(ErrorCode.nameOf(close.errorCode())).as("CLOSE error code (reason '%s')", close.reason())
                .isEqualTo(expected.name());
    }

    @Then("the CLOSE is the last frame of its packet")
    public void closeIsLast() {
        ReceivedPacket packet = context().peer().receivedPackets().stream()
                .filter(p -> !p.framesOf(PeerFrame.Close.class).isEmpty()).findFirst().orElseThrow();
        List<PeerFrame> frames = packet.frames().stream()
                .filter(f -> !(f instanceof PeerFrame.Padding) && !(f instanceof PeerFrame.Empty)).toList();
        assertThat(frames.get(frames.size() - 1)).as("FRM-CLOSE-1, CHN-CLOSE-1: frames %s", packet.frames())
                .isInstanceOf(PeerFrame.Close.class);
    }
}
