package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckFrameTest {

    @Test
    void encodesTheLayoutFieldByField() {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(AckFrame.of(3, 20, 500, List.of(NackRange.of(15, 2))), out);
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(RawBytes.start()
                .u8(2)         // type ACK
                .u8(0).u8(0)   // entropy bytes
                .u8(1)         // one NACK range
                .u64(3)        // least_unacked
                .u64(20)       // largest_observed
                .u32(500)      // ACK delay in microseconds
                .u48(15)       // first missing, low 48 bits
                .u16(2)        // run length
                .toHex());
    }

    @Test
    void reconstructsTheFullPacketNumberNearestBelowLargestObserved() {
        long largest = (5L << 48) + 10;
        assertThat(NackRange.of((5L << 48) + 3, 1).firstMissing(largest)).isEqualTo((5L << 48) + 3);
        assertThat(NackRange.of((4L << 48) + 20, 1).firstMissing(largest)).isEqualTo((4L << 48) + 20);
        assertThat(NackRange.of(20, 1).hasFirstMissing(10)).isFalse();
    }

    @Test
    void rejectsRangesInIncreasingOrder() {
        assertThatThrownBy(() -> AckFrame.of(1, 20, 0, List.of(NackRange.of(3, 1), NackRange.of(9, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nackRanges");
    }

    @Test
    void rejectsARangeThatReachesLargestObserved() {
        assertThatThrownBy(() -> AckFrame.of(1, 20, 0, List.of(NackRange.of(19, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("largest_observed");
    }

    @Test
    void rejectsLeastUnackedAboveLargestObservedPlusOne() {
        assertThatThrownBy(() -> AckFrame.of(22, 20, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("least_unacked");
    }

    @Test
    void rejectsAnEmptyRun() {
        assertThatThrownBy(() -> new NackRange(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runLength");
    }

    @Test
    void dropsAnAckWhoseRangesOverlapWithTheReason() {
        byte[] bytes = RawBytes.start().u8(2).u8(0).u8(0).u8(2).u64(1).u64(10).u32(0)
                .u48(7).u16(2)   // [7, 8]
                .u48(6).u16(2)   // [6, 7] overlaps
                .toBytes();
        DecodeResult<Frame> result = FrameCodec.decode(Unpooled.wrappedBuffer(bytes));
        assertThat(result.dropReason()).isEqualTo(DropReason.ACK_RANGE_INVALID);
        assertThat(result.detail()).contains("range 1");
    }

    @Test
    void theCloseFrameCarriesAWholeAckWithItsTypeByte() {
        CloseFrame close = new CloseFrame(ErrorCode.NO_ERROR.code(), "", AckFrame.of(1, 1, 0, List.of()));
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(close, out);
        assertThat(out.getUnsignedByte(7)).as("byte after the empty reason").isEqualTo((short) 2);
        assertThat(out.readableBytes()).isEqualTo(7 + 24).isEqualTo(FrameCodec.encodedLength(close));
    }
}
