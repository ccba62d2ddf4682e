package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaintextWriterTest {

    @Test
    void padsToAMultipleOf16AndAtLeast16() {
        assertThat(PlaintextWriter.paddedLength(0)).isEqualTo(16);
        assertThat(PlaintextWriter.paddedLength(3)).isEqualTo(16);
        assertThat(PlaintextWriter.paddedLength(16)).isEqualTo(16);
        assertThat(PlaintextWriter.paddedLength(17)).isEqualTo(32);
        assertThat(PlaintextWriter.paddedLength(1168)).isEqualTo(1168);
    }

    @Test
    void paddingIsZeroBytesThatReadBackAsEmptyFrames() {
        ByteBuf out = Unpooled.buffer();
        int length = PlaintextWriter.write(PacketHeader.of(7, true), List.of(PingFrame.INSTANCE), out,
                WireLimits.MAX_PLAINTEXT);
        assertThat(length).isEqualTo(16).isEqualTo(out.readableBytes());
        for (int i = 6; i < 16; i++) {
            assertThat(out.getByte(i)).isZero();
        }
        List<Frame> frames = new ArrayList<>();
        new FrameReader().read(out, FrameVisitor.collecting(frames));
        assertThat(frames).hasSize(11).startsWith(PingFrame.INSTANCE);
    }

    @Test
    void padsAPlaintextAlreadyWrittenIntoABuffer() {
        ByteBuf out = Unpooled.buffer().writeZero(5);
        PacketHeaderCodec.encode(PacketHeader.of(1, false), out);
        FrameCodec.encode(new MaxDataFrame(1), out);
        assertThat(PlaintextWriter.pad(out, 5)).isEqualTo(16);
        assertThat(out.readableBytes()).isEqualTo(21);
    }

    @Test
    void refusesFramesThatDoNotFitTheLimit() {
        List<Frame> frames = List.of(PaddingFrame.zeros(980));
        assertThatThrownBy(() -> PlaintextWriter.write(PacketHeader.of(1, false), frames, Unpooled.buffer(),
                WireLimits.MAX_INITIATE_PLAINTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPlaintext");
    }

    @Test
    void refusesFramesAfterClose() {
        List<Frame> frames = List.of(new CloseFrame(0, "", AckFrame.of(1, 1, 0, List.of())), PingFrame.INSTANCE);
        assertThatThrownBy(() -> PlaintextWriter.write(PacketHeader.of(1, false), frames, Unpooled.buffer(),
                WireLimits.MAX_PLAINTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLOSE");
    }
}
