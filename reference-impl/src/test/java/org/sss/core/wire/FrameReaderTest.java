package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static ByteBuf plaintext(RawBytes frames) {
        return Unpooled.wrappedBuffer(RawBytes.start().u8(0).u16(42).bytes(frames.toBytes()).padTo16().toBytes());
    }

    @Test
    void deliversEveryFrameInWireOrderIncludingThePadding() {
        List<Frame> frames = new ArrayList<>();
        DecodeResult<PacketHeader> header = new FrameReader().read(
                plaintext(RawBytes.start().u8(14).u8(5).u32(9)), FrameVisitor.collecting(frames));
        assertThat(header.value().packetNumberLow()).isEqualTo(42);
        assertThat(frames).as("PING, DETACH, then 7 EMPTY up to 16 bytes").hasSize(9);
        assertThat(frames.get(0)).isEqualTo(PingFrame.INSTANCE);
        assertThat(frames.get(1)).isEqualTo(new DetachFrame(9));
        assertThat(frames.subList(2, 9)).containsOnly(EmptyFrame.INSTANCE);
    }

    @Test
    void deliversNothingFromAPlaintextWithAMalformedLaterFrame() {
        List<Frame> frames = new ArrayList<>();
        DecodeResult<PacketHeader> result = new FrameReader().read(
                plaintext(RawBytes.start().u8(14).u8(5).u32(9).u8(0x55)), FrameVisitor.collecting(frames));
        assertThat(result.dropReason()).isEqualTo(DropReason.UNKNOWN_FRAME_TYPE);
        assertThat(result.detail()).startsWith("frame 2 at offset 9");
        assertThat(frames).isEmpty();
    }

    @Test
    void stopsAfterCloseAndIgnoresWhatFollows() {
        ByteBuf in = plaintext(RawBytes.start().u8(7).u32(0).string("").u8(2).u8(0).u8(0).u8(0).u64(1).u64(1).u32(0)
                .u8(0xEE).u8(0xFF));
        List<Frame> frames = new ArrayList<>();
        assertThat(new FrameReader().read(in.duplicate(), FrameVisitor.collecting(frames)).isOk()).isTrue();
        assertThat(frames).hasSize(1).first().isInstanceOf(CloseFrame.class);
        MessagePlaintext decoded = FrameReader.decode(in).value();
        assertThat(decoded.ignoredAfterClose().readableBytes()).isEqualTo(48 - 3 - 31);
    }

    @Test
    void rejectsAPlaintextWhoseLengthIsNotAMultipleOf16() {
        ByteBuf in = Unpooled.wrappedBuffer(RawBytes.start().u8(0).u16(1).zeros(14).toBytes());
        assertThat(new FrameReader().read(in, FrameVisitor.collecting(new ArrayList<>())).dropReason())
                .isEqualTo(DropReason.BAD_PACKET_LENGTH);
    }

    @Test
    void oneReaderServesManyPlaintextsAndAVisitorThatReadsAgain() {
        FrameReader reader = new FrameReader();
        List<Frame> inner = new ArrayList<>();
        List<Frame> outer = new ArrayList<>();
        FrameVisitor collectOuter = FrameVisitor.collecting(outer);
        FrameVisitor nested = new FrameVisitorAdapter(collectOuter) {
            @Override
            public void onPing(PingFrame frame) {
                super.onPing(frame);
                reader.read(plaintext(RawBytes.start().u8(5).u32(1)), FrameVisitor.collecting(inner));
            }
        };
        reader.read(plaintext(RawBytes.start().u8(14)), nested);
        reader.read(plaintext(RawBytes.start().u8(14)), nested);
        assertThat(outer).as("twice PING and 12 EMPTY").hasSize(26);
        assertThat(inner).as("twice DETACH and 8 EMPTY").hasSize(18).contains(new DetachFrame(1));
    }

    /** Forwards every call; tests override the ones they watch. */
    private static class FrameVisitorAdapter implements FrameVisitor {
        private final FrameVisitor delegate;

        FrameVisitorAdapter(FrameVisitor delegate) {
            this.delegate = delegate;
        }

        @Override public void onEmpty(EmptyFrame frame) { delegate.onEmpty(frame); }
        @Override public void onStream(StreamFrame frame) { delegate.onStream(frame); }
        @Override public void onAck(AckFrame frame) { delegate.onAck(frame); }
        @Override public void onPadding(PaddingFrame frame) { delegate.onPadding(frame); }
        @Override public void onDecongestion(DecongestionFrame frame) { delegate.onDecongestion(frame); }
        @Override public void onDetach(DetachFrame frame) { delegate.onDetach(frame); }
        @Override public void onReset(ResetFrame frame) { delegate.onReset(frame); }
        @Override public void onClose(CloseFrame frame) { delegate.onClose(frame); }
        @Override public void onSettings(SettingsFrame frame) { delegate.onSettings(frame); }
        @Override public void onPriority(PriorityFrame frame) { delegate.onPriority(frame); }
        @Override public void onMaxData(MaxDataFrame frame) { delegate.onMaxData(frame); }
        @Override public void onMaxStreamData(MaxStreamDataFrame frame) { delegate.onMaxStreamData(frame); }
        @Override public void onBlocked(BlockedFrame frame) { delegate.onBlocked(frame); }
        @Override public void onGoaway(GoawayFrame frame) { delegate.onGoaway(frame); }
        @Override public void onPing(PingFrame frame) { delegate.onPing(frame); }
        @Override public void onPathChallenge(PathChallengeFrame frame) { delegate.onPathChallenge(frame); }
        @Override public void onPathResponse(PathResponseFrame frame) { delegate.onPathResponse(frame); }
    }
}
