package org.sss.conformance.scenarios;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Steps that send the IUT input that is wrong on purpose, for the receiver-side scenarios of SPEC.md
 * sections 2 (strings, reserved bits), 10 (limits), 11 (error codes) and 13 (which verdict wins when
 * several faults are present). Byte strings in step text are lowercase hex.
 */
public class CheckReceiverSteps {
    private static final long DEFAULT_MAX_DATA = 1_048_576;
    private static final long DEFAULT_MAX_STREAM_DATA = 262_144;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    /** A frame of {@code head} followed by a string field of {@code value}'s bytes, UTF-8 or not. */
    private static byte[] withString(ByteBuffer head, byte[] value) {
        head.flip();
        return ByteBuffer.allocate(head.remaining() + 2 + value.length).put(head).putShort((short) value.length)
                .put(value).array();
    }

    @When("the peer sends a RESET for the stream whose reason is the bytes {word}")
    public void resetWithReason(String hex) {
        context().awaitReply(context().stream);
        byte[] frame = withString(ByteBuffer.allocate(9).put((byte) PeerFrame.RESET).putInt((int) context().stream)
                .putInt((int) ErrorCode.CANCELLED.code()), Hex.parse(hex));
        context().peer().send(List.of(PeerFrame.raw(frame)));
    }

    @When("the peer sends a GOAWAY whose reason is the bytes {word}")
    public void goawayWithReason(String hex) {
        byte[] frame = withString(ByteBuffer.allocate(9).put((byte) PeerFrame.GOAWAY).putInt(0)
                .putInt((int) ErrorCode.NO_ERROR.code()), Hex.parse(hex));
        context().peer().send(List.of(PeerFrame.raw(frame)));
    }

    @When("the peer opens a stream whose connect request names the service by the bytes {word} and the protocol {string}")
    public void connectWithRawName(String hex, String protocol) {
        TesterPeer peer = context().peer();
        long lsid = peer.openSubstream(0);
        byte[] name = withString(ByteBuffer.allocate(2).put((byte) 1).put((byte) 1), Hex.parse(hex));
        byte[] request = withString(ByteBuffer.allocate(name.length).put(name),
                protocol.getBytes(StandardCharsets.UTF_8));
        peer.sendStreamData(lsid, request, true, false);
        context().stream = lsid;
    }

    @When("the peer sends a PING in a packet whose header flags byte is {word}")
    public void pingWithFlags(String hex) {
        TesterPeer peer = context().peer();
        PacketHeader header = new PacketHeader(Integer.parseInt(hex, 16), PacketHeader.VERSION_1,
                peer.nextPacketNumber());
        peer.sendSealed(PlaintextEncoder.padded(header, List.of(new PeerFrame.Ping())));
    }

    @When("the peer opens a substream under the stream with a record of {int} random bytes whose STREAM flags also carry the reserved bit {word}")
    public void streamWithReservedBit(int size, String hex) {
        context().awaitReply(context().stream);
        long sub = context().peer().openSubstream(context().stream);
        PeerFrame.Stream frame = PeerFrame.Stream.data(sub, 0, context().randomBytes(size))
                .with(PeerFrame.Stream.RECORD | Integer.parseInt(hex, 16)).opening(context().stream);
        context().peer().send(List.of(frame));
    }

    private long iutSetting(int tag, long defaultValue) {
        PeerFrame.Settings s = context().peer().peerSettings();
        PeerFrame.Setting e = s == null ? null : s.find(tag);
        return e == null ? defaultValue : e.numericValue();
    }

    @When("the peer sends {int} random bytes on the stream ending {int} bytes beyond the IUT's credit for it, leaving a gap before them")
    public void beyondStreamCredit(int size, int beyond) {
        context().awaitReply(context().stream);
        long limit = iutSetting(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, DEFAULT_MAX_STREAM_DATA);
        long offset = limit + beyond - size;
        context().peer().send(List.of(PeerFrame.Stream.data(context().stream, offset, context().randomBytes(size))));
    }

    @When("the peer sends under the stream a best-effort datagram fragment of {int} bytes ending {int} bytes beyond the IUT's stream credit")
    public void datagramBeyondCredit(int size, int beyond) {
        context().awaitReply(context().stream);
        long limit = iutSetting(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, DEFAULT_MAX_STREAM_DATA);
        long lsid = context().peer().openSubstream(context().stream);
        PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, limit + beyond - size, context().randomBytes(size))
                .with(PeerFrame.Stream.NOACK).opening(context().stream);
        context().peer().send(List.of(frame));
    }

    @When("the peer opens enough streams, each with {int} bytes ending at the IUT's stream credit, to exceed its channel credit")
    public void beyondChannelCredit(int size) {
        TesterPeer peer = context().peer();
        long streamLimit = iutSetting(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, DEFAULT_MAX_STREAM_DATA);
        long channelLimit = iutSetting(PeerFrame.Setting.INITIAL_MAX_DATA, DEFAULT_MAX_DATA);
        long streams = channelLimit / streamLimit + 1;
        if (streams > iutSetting(PeerFrame.Setting.MAX_CONCURRENT_PEER_STREAMS, 100)) {
            throw context().inconclusive("LIM-RES-2: the IUT's channel credit (" + channelLimit + ") needs more streams "
                    + "at its stream credit (" + streamLimit + ") than it accepts at once", null);
        }
        for (long i = 0; i < streams; i++) {
            long lsid = peer.openSubstream(0);
            peer.send(List.of(PeerFrame.Stream.data(lsid, streamLimit - size, context().randomBytes(size)).opening(0)));
        }
    }

    @When("the peer resets the stream with the unassigned error code {word}")
    public void resetWithCode(String hex) {
        context().awaitReply(context().stream);
        context().peer().send(List.of(new PeerFrame.Reset(context().stream, Long.parseLong(hex, 16), "")));
    }

    @Given("a tester peer whose SETTINGS entries are {string}")
    public void peerWithEntries(String entries) {
        List<PeerFrame.Setting> list = new ArrayList<>();
        for (String entry : entries.split(" ")) {
            String[] tagValue = entry.split("=");
            list.add(new PeerFrame.Setting(Integer.parseInt(tagValue[0]), Hex.parse(tagValue[1])));
        }
        context().connect(o -> o.withSettings(new PeerFrame.Settings(list)));
    }

    @When("the peer sends a packet whose header has flags {word} and version {int}, then the frame bytes {word}")
    public void packetWithHeader(String flags, int version, String frameHex) {
        TesterPeer peer = context().peer();
        PacketHeader header = new PacketHeader(Integer.parseInt(flags, 16), version, peer.nextPacketNumber());
        peer.sendSealed(PlaintextEncoder.paddedBeforeLast(header, List.of(PeerFrame.raw(Hex.parse(frameHex)))));
    }
}
