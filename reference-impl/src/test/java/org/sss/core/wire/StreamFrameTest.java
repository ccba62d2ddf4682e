package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamFrameTest {

    private static ByteBuf text(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesEveryFieldOfAHandWrittenFrame() {
        byte[] bytes = RawBytes.start()
                .u8(0x01)                 // type STREAM
                .u16(0x4000 | 0x0800 | 0x0200 | 0x0001) // INIT, offset code 2 (3 bytes), length, RECORD
                .u32(7)                   // LSID
                .u32(3)                   // parent LSID
                .uint(0x010203, 3)        // offset
                .u16(2)                   // data length
                .ascii("hi")              // data
                .toBytes();
        StreamFrame frame = (StreamFrame) FrameCodec.decode(Unpooled.wrappedBuffer(bytes)).value();
        assertThat(frame.lsid()).isEqualTo(7);
        assertThat(frame.init()).isTrue();
        assertThat(frame.parentLsid()).isEqualTo(3);
        assertThat(frame.offsetWidth()).isEqualTo(3);
        assertThat(frame.offset()).isEqualTo(0x010203);
        assertThat(frame.explicitLength()).isTrue();
        assertThat(frame.recordEnd()).isTrue();
        assertThat(frame.fin()).isFalse();
        assertThat(frame.noAck()).isFalse();
        assertThat(frame.usid()).isNull();
        assertThat(frame.data().toString(StandardCharsets.US_ASCII)).isEqualTo("hi");
    }

    @Test
    void decodedDataIsASliceOfThePlaintextNotACopy() {
        ByteBuf plaintext = Unpooled.wrappedBuffer(RawBytes.start().u8(1).u16(0x0200).u32(1).u16(1).ascii("a").toBytes());
        StreamFrame frame = (StreamFrame) FrameCodec.decode(plaintext).value();
        plaintext.setByte(9, 'b');
        assertThat(frame.data().getByte(frame.data().readerIndex())).isEqualTo((byte) 'b');
    }

    @Test
    void encodingLeavesTheDataReaderIndexAlone() {
        ByteBuf data = text("payload");
        StreamFrame frame = StreamFrame.builder(1).data(data).build();
        FrameCodec.encode(frame, Unpooled.buffer());
        FrameCodec.encode(frame, Unpooled.buffer());
        assertThat(data.readerIndex()).isZero();
        assertThat(data.refCnt()).isEqualTo(1);
    }

    @Test
    void builderPicksTheMinimalOffsetWidthAndALengthField() {
        StreamFrame frame = StreamFrame.builder(1).offset(0x1_0000).data(text("x")).build();
        assertThat(frame.offsetWidth()).isEqualTo(3);
        assertThat(frame.explicitLength()).isTrue();
        assertThat(frame.flags()).isEqualTo(0x0800 | 0x0200);
    }

    @Test
    void rejectsLsidZeroNamingTheParameter() {
        assertThatThrownBy(() -> StreamFrame.builder(0).data(text("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lsid");
    }

    @Test
    void rejectsUsidWithoutInit() {
        Usid usid = new Usid(new byte[16], 1);
        assertThatThrownBy(() -> new StreamFrame(false, false, usid, 0, true, false, false, 1, 0, 0, text("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usid requires init");
    }

    @Test
    void rejectsMoreDataThanTheLargestPlaintextHolds() {
        ByteBuf data = Unpooled.buffer().writeZero(WireLimits.MAX_STREAM_FRAME_DATA + 1);
        assertThatThrownBy(() -> StreamFrame.builder(1).data(data).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    void rejectsEmptyDataWithoutFin() {
        assertThatThrownBy(() -> StreamFrame.builder(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fin");
    }

    @Test
    void rejectsOffsetPlusLengthBeyondTwoToThe62Minus1() {
        assertThatThrownBy(() -> StreamFrame.builder(1).offset(WireLimits.MAX_STREAM_OFFSET).data(text("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^62-1");
    }

    @Test
    void rejectsAnOffsetTooWideForItsField() {
        assertThatThrownBy(() -> StreamFrame.builder(1).offset(0x1_0000).offsetWidth(2).data(text("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offsetWidth");
    }

    @Test
    void dropsAFrameWhoseLengthExceedsThePlaintext() {
        ByteBuf in = Unpooled.wrappedBuffer(RawBytes.start().u8(1).u16(0x0200).u32(1).u16(9).ascii("abc").toBytes());
        DecodeResult<Frame> result = FrameCodec.decode(in);
        assertThat(result.dropReason()).isEqualTo(DropReason.FRAME_TRUNCATED);
        assertThat(result.detail()).contains("length 9", "3 bytes remain");
    }

    @Test
    void aFrameWithoutLengthTakesTheRestOfThePlaintext() {
        ByteBuf in = Unpooled.wrappedBuffer(RawBytes.start().u8(1).u16(0).u32(1).ascii("rest").zeros(3).toBytes());
        StreamFrame frame = (StreamFrame) FrameCodec.decode(in).value();
        assertThat(ByteBufUtil.hexDump(frame.data())).isEqualTo("72657374000000");
        assertThat(in.isReadable()).isFalse();
    }
}
