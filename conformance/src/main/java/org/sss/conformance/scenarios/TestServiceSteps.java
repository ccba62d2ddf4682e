package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;

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
}
