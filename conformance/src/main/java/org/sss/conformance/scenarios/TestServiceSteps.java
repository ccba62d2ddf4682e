package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Steps of Appendix A (the test services echo, discard and source), on the stream that the
 * {@link ServiceSteps} connect step opened. IUT offsets are counted from the first byte after the
 * reply record, the peer's from the first byte after the request record, as Appendix A counts them.
 */
public class TestServiceSteps {
    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    private void sendRecord(byte[] record) {
        context().peer().sendRecord(context().stream, record);
        context().sent.writeBytes(record);
        context().sentBoundaries.add((long) context().sent.size());
    }

    @When("the peer sends records of {sizes} random bytes, then FIN")
    public void sendRecords(List<Integer> sizes) {
        for (int size : sizes) {
            sendRecord(context().randomBytes(size));
        }
        context().peer().finish(context().stream);
    }

    @When("the peer sends {int} random bytes without a record boundary, then FIN")
    public void sendBytes(int size) {
        byte[] data = context().randomBytes(size);
        context().peer().sendStreamData(context().stream, data, false, true);
        context().sent.writeBytes(data);
    }

    /** The IUT's bytes after the reply record, once it finished the stream. */
    private byte[] afterReply(StreamInbox inbox) {
        byte[] all = inbox.bytes();
        return Arrays.copyOfRange(all, (int) replyLength(inbox), all.length);
    }

    private static long replyLength(StreamInbox inbox) {
        assertThat(inbox.recordBoundaries()).as("the reply record's boundary: %s", inbox).isNotEmpty();
        return inbox.recordBoundaries().first();
    }

    private static TreeSet<Long> boundariesAfterReply(StreamInbox inbox) {
        long reply = replyLength(inbox);
        TreeSet<Long> out = new TreeSet<>();
        for (long b : inbox.recordBoundaries().tailSet(reply + 1)) {
            out.add(b - reply);
        }
        return out;
    }

    @Then("the IUT echoes every byte at the offset at which it was received")
    public void echoesBytes() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(afterReply(inbox)).as("TST-ECHO-1").isEqualTo(context().sent.toByteArray());
    }

    @Then("the IUT places a record boundary at every offset at which the sent data has one, and nowhere else")
    public void echoesBoundaries() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(boundariesAfterReply(inbox)).as("TST-ECHO-2").isEqualTo(context().sentBoundaries);
    }

    @Then("the IUT sends FIN at the received final size")
    public void finAtFinalSize() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(inbox.finalSize() - replyLength(inbox)).as("TST-ECHO-3").isEqualTo(context().sent.size());
        assertThat(inbox.sawConflictingFin()).isFalse();
        assertThat(inbox.isReset()).isFalse();
    }

    @When("the peer opens a substream under the stream and sends a record of {int} random bytes on it, then FIN")
    public void substreamRecord(int size) {
        TesterPeer peer = context().peer();
        context().awaitReply(context().stream); // the stream exists at the IUT before its child opens
        long sub = peer.openSubstream(context().stream);
        byte[] record = context().randomBytes(size);
        peer.sendRecord(sub, record);
        peer.finish(sub);
        context().substream = sub;
        context().sent.reset();
        context().sent.writeBytes(record);
    }

    @Then("the IUT echoes the record on the substream itself, from offset 0, with its boundary and FIN")
    public void substreamEchoed() {
        StreamInbox inbox = context().awaitFinished(context().substream);
        byte[] record = context().sent.toByteArray();
        assertThat(inbox.bytes()).as("TST-ECHO-4: %s", inbox).isEqualTo(record);
        assertThat(inbox.recordBoundaries()).containsExactly((long) record.length);
        assertThat(inbox.finalSize()).isEqualTo(record.length);
    }

    @When("the peer sends the source command for {long} bytes in records of {int} bytes")
    public void sourceCommand(long length, int recordSize) {
        sendRecord(ByteBuffer.allocate(12).putLong(length).putInt(recordSize).array());
    }

    @When("the peer sends a command record of {int} bytes")
    public void badCommand(int size) {
        sendRecord(context().randomBytes(size));
    }

    @Then("the IUT sends exactly {long} bytes where the byte at offset i is i mod 251, then FIN at {long}")
    public void sourcePattern(long length, long finalSize) {
        StreamInbox inbox = context().awaitFinished(context().stream);
        byte[] data = afterReply(inbox);
        assertThat((long) data.length).as("TST-SRC-1: %s", inbox).isEqualTo(length);
        for (int i = 0; i < data.length; i++) {
            if ((data[i] & 0xff) != i % 251) {
                throw new AssertionError("TST-SRC-1: byte at offset " + i + " is " + (data[i] & 0xff) + ", not "
                        + (i % 251));
            }
        }
        assertThat(inbox.finalSize() - replyLength(inbox)).isEqualTo(finalSize);
    }

    @Then("the IUT places a record boundary after every {int} bytes and at offset {long}")
    public void sourceBoundaries(int recordSize, long length) {
        StreamInbox inbox = context().awaitFinished(context().stream);
        TreeSet<Long> expected = new TreeSet<>();
        for (long b = recordSize; b < length; b += recordSize) {
            expected.add(b);
        }
        expected.add(length);
        assertThat(boundariesAfterReply(inbox)).as("TST-SRC-2").isEqualTo(expected);
    }

    @Then("the IUT places no record boundary after the reply record")
    public void noBoundaries() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(boundariesAfterReply(inbox)).as("TST-SRC-2 with S = 0").isEmpty();
    }

    @Then("the IUT resets the stream with {errorCode}")
    public void resetWith(ErrorCode code) {
        StreamInbox inbox = context().peer().awaitStream(context().stream, StreamInbox::isReset,
                ScenarioContext.TIMEOUT);
        assertThat(ErrorCode.nameOf(inbox.resetCode())).as("RESET code (reason '%s')", inbox.resetReason())
                .isEqualTo(code.name());
        assertThat(context().peer().closeReceived()).as("the channel stays open").isNull();
    }

    @Then("the IUT sends no data after the reply record, and FIN with no data")
    public void discardOnlyFin() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(inbox.highestOffset()).as("TST-DISC-1: %s", inbox).isEqualTo(replyLength(inbox));
        assertThat(inbox.finalSize()).as("TST-DISC-2").isEqualTo(replyLength(inbox));
    }

    // ---------------------------------------------------------------- half-close, RESET and credit (8.4, 8.5, A.2)

    /** The packet that carried the peer's RESET of the stream. */
    private long resetPacket = -1;

    @When("the peer sends the source command for {long} bytes in records of {int} bytes, then FIN at once")
    public void sourceCommandThenFin(long length, int recordSize) {
        sourceCommand(length, recordSize);
        context().peer().finish(context().stream);
    }

    @When("the IUT has sent at least {int} bytes on the stream")
    public void sentAtLeast(int bytes) {
        context().peer().awaitStream(context().stream, in -> in.highestOffset() >= bytes, ScenarioContext.TIMEOUT);
    }

    @When("the peer stops acknowledging, resets the stream with {errorCode} and listens while the IUT's loss recovery runs")
    public void resetUnacknowledged(ErrorCode code) {
        TesterPeer peer = context().peer();
        peer.setAutoAck(false);
        resetPacket = peer.send(List.of(new PeerFrame.Reset(context().stream, code.code(), "")));
        // unacknowledged data of the stream is now in flight at the IUT; its PTO fires within QUIET
        context().listen(ScenarioContext.QUIET);
        peer.setAutoAck(true);
        peer.sendAck();
    }

    @Then("no STREAM frame for the stream follows the IUT's acknowledgement of the RESET")
    public void nothingAfterResetAck() {
        TesterPeer peer = context().peer();
        StreamScenario.receiveUntil(peer, () -> StreamScenario.acknowledged(peer, resetPacket),
                "the IUT's acknowledgement of the RESET (packet " + resetPacket + ")");
        long ackedIn = StreamScenario.firstAcknowledging(peer, resetPacket);
        assertThat(StreamScenario.framesFor(peer, context().stream, ackedIn))
                .as("STR-RESET-2, FRM-RESET-1: STREAM frames of the reset stream in IUT packets from %d on, which "
                        + "acknowledge the RESET", ackedIn).isEmpty();
    }

    @When("the peer sends {int} times the IUT's initial stream credit in random bytes, as its credit allows, then FIN")
    public void beyondInitialCredit(int times) {
        TesterPeer peer = context().peer();
        long lsid = context().stream;
        PeerFrame.Settings settings = peer.peerSettings();
        PeerFrame.Setting initial = settings == null ? null : settings.find(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA);
        long total = times * (initial == null ? 262_144 : initial.numericValue());
        long sentBytes = 0;
        long deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
        while (sentBytes < total) {
            long credit = peer.sendCredit(lsid);
            if (credit == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("TST-DISC-1, CHN-FLOW-5: the IUT granted no more credit after " + sentBytes
                            + " of " + total + " bytes");
                }
                peer.receive(Duration.ofMillis(20));
                continue;
            }
            int n = (int) Math.min(Math.min(credit, total - sentBytes), 32 * 1024);
            peer.sendStreamData(lsid, context().randomBytes(n), false, false);
            sentBytes += n;
            while (peer.receive(Duration.ofMillis(1)) != null) {
                deadline = System.nanoTime() + ScenarioContext.TIMEOUT.toNanos();
            }
        }
        peer.finish(lsid);
    }
}
