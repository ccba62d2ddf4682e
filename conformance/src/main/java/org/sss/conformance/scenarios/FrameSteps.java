package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.CraftedFrames;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of SPEC.md section 7.0, 7.1 and 7.4: frame types, truncation, the order in which a faulty
 * packet's frames may act (FRM-GEN-6), EMPTY and PADDING; and the two checks every section 7
 * scenario ends with (the channel stays open and serves, or the echo came back exactly).
 */
public class FrameSteps {
    private byte[] laterChallenge;
    private byte[] earlierChallenge;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @Given("the peer has opened an echo stream frame by frame")
    public void openHandStream() {
        HandStream.open(context(), 0);
    }

    @Given("the peer has opened an echo stream frame by frame, its offset 0 written in {int} bytes")
    public void openHandStreamWide(int width) {
        HandStream.open(context(), width);
    }

    @Then("the IUT keeps the channel open: a new echo stream returns a record of {int} random bytes")
    public void keepsChannelOpen(int size) {
        TesterPeer peer = context().peer();
        FrameChecks.assertNotClosed(peer, "section 7 (the frame must be ignored)");
        long lsid = peer.openStream("echo", "sss-test/1");
        byte[] record = context().randomBytes(size);
        peer.sendRecord(lsid, record);
        peer.finish(lsid);
        StreamInbox inbox = peer.awaitStream(lsid, in -> in.isFinished() || peer.closeReceived() != null,
                ScenarioContext.TIMEOUT);
        FrameChecks.assertNotClosed(peer, "section 7 (the frame must be ignored)");
        List<byte[]> records = inbox.records();
        assertThat(records).as("reply and echoed record on a new stream: %s", inbox).hasSize(2);
        assertThat(records.get(1)).as("the echoed record").isEqualTo(record);
    }

    @Then("the IUT echoes those bytes and FIN")
    public void echoed() {
        HandStream.current().assertEchoed("TST-ECHO-1");
    }

    @When("^the peer ends a packet with a frame of type (0x[0-9A-F]{2}) followed by (\\d+) random bytes$")
    public void unknownType(String type, int tail) {
        FrameChecks.sendEndingWith(context().peer(),
                List.of(CraftedFrames.ofType((int) FrameChecks.number(type), context().randomBytes(tail))));
    }

    @When("the peer ends a packet with a {word} frame {}")
    public void truncated(String frame, String how) {
        byte[] random8 = context().randomBytes(8);
        long highest = FrameChecks.receivedNumbers(context().peer()).stream().mapToLong(Long::longValue).max().orElseThrow();
        PeerFrame.Raw raw = switch (frame + " " + how) {
            case "PRIORITY cut after 5 of its 9 bytes" -> CraftedFrames.truncated(new PeerFrame.Priority(1001, 7), 5);
            case "MAX_STREAM_DATA cut after 9 of its 13 bytes" ->
                CraftedFrames.truncated(new PeerFrame.MaxStreamData(1001, 1 << 20), 9);
            case "ACK whose only NACK range is missing" -> CraftedFrames.truncated(PeerFrame.Ack.of(highest, highest, 0,
                    List.of(new PeerFrame.NackRange(highest, 1))), 24);
            case "RESET whose reason length claims 40 bytes but 3 follow" ->
                CraftedFrames.resetOverstatingReason(1001, ErrorCode.CANCELLED.code(), new byte[] {'a', 'b', 'c'}, 40);
            case "PADDING whose len_padding claims 100 bytes but 4 follow" ->
                CraftedFrames.paddingOverstatingLength(100, new byte[4]);
            case "PATH_CHALLENGE cut after 4 of its 8 data bytes" ->
                CraftedFrames.truncated(new PeerFrame.PathChallenge(random8), 5);
            case "STREAM whose len_data is 1 more than the data bytes that follow" -> {
                HandStream stream = HandStream.current();
                byte[] data = context().randomBytes(20);
                yield CraftedFrames.stream(PeerFrame.Stream.LENGTH, stream.lsid, 0, null,
                        stream.nextOffset() == 0 ? 0 : 8, stream.nextOffset(), data.length + 1, data);
            }
            case "CLOSE that ends right after its reason" -> CraftedFrames.closeWithoutAck(0, "bye");
            default -> throw new IllegalArgumentException("no truncated frame is defined as '" + frame + " " + how + "'");
        };
        FrameChecks.sendEndingWith(context().peer(), List.of(raw));
    }

    @When("the peer sends one packet with a PATH_CHALLENGE, a PRIORITY frame for LSID 0 and a second PATH_CHALLENGE")
    public void challengesAroundFault() {
        earlierChallenge = context().randomBytes(8);
        laterChallenge = context().randomBytes(8);
        context().peer().send(List.of(new PeerFrame.PathChallenge(earlierChallenge), new PeerFrame.Priority(0, 1),
                new PeerFrame.PathChallenge(laterChallenge)));
    }

    @Then("the IUT sent no PATH_RESPONSE for the second PATH_CHALLENGE")
    public void noLaterResponse() {
        boolean earlierAnswered = false;
        for (ReceivedPacket p : context().peer().receivedPackets()) {
            for (PeerFrame.PathResponse r : p.framesOf(PeerFrame.PathResponse.class)) {
                assertThat(r.data()).as("FRM-GEN-6: PATH_RESPONSE in packet %d answers the challenge after the fault",
                        p.packetNumber()).isNotEqualTo(laterChallenge);
                earlierAnswered |= Arrays.equals(r.data(), earlierChallenge);
            }
        }
        if (earlierAnswered) {
            context().lenient("FRM-GEN-7 (SHOULD): the IUT acted on the PATH_CHALLENGE before the faulty frame "
                    + "instead of checking the whole packet first; FRM-GEN-6 allows it");
        }
    }

    @When("the peer sends one packet with a PRIORITY frame for LSID 0 followed by a well-formed CLOSE with NO_ERROR")
    public void faultThenClose() {
        TesterPeer peer = context().peer();
        PeerFrame.Ack ack = org.sss.conformance.peer.wire.AckRanges.of(FrameChecks.receivedNumbers(peer),
                java.util.Set.of(), 0);
        peer.send(List.of(new PeerFrame.Priority(0, 1), PeerFrame.Close.of(0, "", ack)));
    }

    @When("the peer sends {int} random bytes and FIN on that stream in one packet, with 3 EMPTY frames before each of its two STREAM frames")
    public void betweenEmpty(int size) {
        HandStream stream = HandStream.current();
        byte[] data = context().randomBytes(size);
        int half = size / 2;
        List<PeerFrame> frames = new ArrayList<>();
        addEmpty(frames, 3);
        frames.add(stream.next(Arrays.copyOfRange(data, 0, half)));
        addEmpty(frames, 3);
        frames.add(stream.next(Arrays.copyOfRange(data, half, size)).with(PeerFrame.Stream.FIN));
        context().peer().send(frames);
    }

    private static void addEmpty(List<PeerFrame> frames, int count) {
        for (int i = 0; i < count; i++) {
            frames.add(new PeerFrame.Empty());
        }
    }

    @When("the peer sends {int} random bytes and FIN on that stream after a PADDING frame of {int} bytes of {}, in a STREAM frame without a length field")
    public void afterPadding(int size, int length, String content) {
        HandStream stream = HandStream.current();
        byte[] padding = switch (content) {
            case "zeros" -> new byte[length];
            case "random bytes" -> context().randomBytes(length);
            case "0x07, the CLOSE type" -> filled(length, (byte) 0x07);
            default -> throw new IllegalArgumentException("no padding content '" + content + "'");
        };
        byte[] data = context().randomBytes(size);
        PeerFrame.Stream frame = new PeerFrame.Stream(PeerFrame.Stream.FIN
                | PeerFrame.Stream.offsetSizeCode(stream.nextOffset()) << 10, stream.lsid, 0, null, stream.nextOffset(),
                data);
        stream.sent(data);
        FrameChecks.sendEndingWith(context().peer(), List.of(new PeerFrame.Padding(padding), frame));
    }

    private static byte[] filled(int length, byte value) {
        byte[] b = new byte[length];
        Arrays.fill(b, value);
        return b;
    }
}
