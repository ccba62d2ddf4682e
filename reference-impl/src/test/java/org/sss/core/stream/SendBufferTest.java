package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SendBufferTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    private static ByteBuf text(String value) {
        return Unpooled.copiedBuffer(value, StandardCharsets.US_ASCII);
    }

    /** Takes the chunk's bytes as text and releases its buffer, as the caller must. */
    private static String take(SendBuffer.Chunk chunk) {
        String value = chunk.data().toString(StandardCharsets.US_ASCII);
        chunk.data().release();
        return value;
    }

    @Test
    @DisplayName("STR-ATTACH-1, STR-DATA-3: with nothing due, an attach re-sends the last acknowledged byte at its offset")
    void attachChunkResendsTheLastAcknowledgedByte() {
        SendBuffer buffer = new SendBuffer();
        assertThat(buffer.canAttachWithoutData()).isFalse();
        buffer.write(text("abc"), true);
        buffer.write(text("de"), false);
        SendBuffer.Chunk first = buffer.next(100, NO_LIMIT);
        assertThat(take(first)).isEqualTo("abc");
        buffer.onAcked(0, 3, false, true);
        SendBuffer.Chunk probe = buffer.attachChunk();
        assertThat(probe.offset()).isEqualTo(2);
        assertThat(take(probe)).isEqualTo("c");
        assertThat(probe.recordEnd()).as("c ended a record").isTrue();
        assertThat(probe.fin()).isFalse();
        take(buffer.next(100, NO_LIMIT));
        buffer.finish();
        take(buffer.next(100, NO_LIMIT));
        buffer.onAcked(3, 2, true, false);
        SendBuffer.Chunk last = buffer.attachChunk();
        assertThat(last.offset()).isEqualTo(4);
        assertThat(take(last)).isEqualTo("e");
        assertThat(last.fin()).as("the final size is repeated with FIN").isTrue();
        assertThat(last.recordEnd()).isFalse();
    }

    @Test
    void chunksNewDataInOrderUpToMaxBytes() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdefghij"), false);
        SendBuffer.Chunk first = buffer.next(4, NO_LIMIT);
        assertThat(first.offset()).isZero();
        assertThat(first.fin()).isFalse();
        assertThat(first.recordEnd()).isFalse();
        assertThat(first.retransmission()).isFalse();
        assertThat(take(first)).isEqualTo("abcd");
        assertThat(take(buffer.next(4, NO_LIMIT))).isEqualTo("efgh");
        SendBuffer.Chunk last = buffer.next(4, NO_LIMIT);
        assertThat(last.offset()).isEqualTo(8);
        assertThat(take(last)).isEqualTo("ij");
        assertThat(buffer.next(4, NO_LIMIT)).isNull();
        assertThat(buffer.sentOffset()).isEqualTo(10);
        assertThat(buffer.writtenOffset()).isEqualTo(10);
        assertThat(buffer.hasNewData()).isFalse();
    }

    @Test
    void neverSendsNewDataBeyondTheFlowLimit() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdefghij"), false);
        assertThat(buffer.hasSendable(0)).isFalse();
        assertThat(buffer.next(100, 0)).isNull();
        assertThat(take(buffer.next(100, 3))).isEqualTo("abc");
        assertThat(buffer.hasSendable(3)).isFalse();
        assertThat(buffer.next(100, 3)).isNull();
        assertThat(buffer.hasSendable(4)).isTrue();
        assertThat(take(buffer.next(100, 20))).isEqualTo("defghij");
    }

    @Test
    void putsFinOnTheChunkThatEndsAtTheFinalSize() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdef"), false);
        buffer.finish();
        assertThat(take(buffer.next(4, NO_LIMIT))).isEqualTo("abcd");
        SendBuffer.Chunk last = buffer.next(4, NO_LIMIT);
        assertThat(last.fin()).isTrue();
        assertThat(take(last)).isEqualTo("ef");
        assertThat(buffer.next(4, NO_LIMIT)).isNull();
        assertThat(buffer.hasNewData()).isFalse();
    }

    @Test
    void sendsFinAloneWithoutCreditWhenAllDataWasSent() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        take(buffer.next(10, NO_LIMIT));
        buffer.finish();
        assertThat(buffer.hasNewData()).isTrue();
        // A FIN with no data needs no flow-control credit.
        assertThat(buffer.hasSendable(3)).isTrue();
        SendBuffer.Chunk fin = buffer.next(10, 3);
        assertThat(fin.offset()).isEqualTo(3);
        assertThat(fin.length()).isZero();
        assertThat(fin.fin()).isTrue();
        assertThat(fin.recordEnd()).isFalse();
        assertThat(fin.retransmission()).isFalse();
    }

    @Test
    void finOfAnEmptyStreamIsAChunkAtOffsetZero() {
        SendBuffer buffer = new SendBuffer();
        buffer.finish();
        buffer.finish();
        SendBuffer.Chunk fin = buffer.next(10, 0);
        assertThat(fin.offset()).isZero();
        assertThat(fin.length()).isZero();
        assertThat(fin.fin()).isTrue();
        assertThat(fin.recordEnd()).isFalse();
        buffer.onAcked(0, 0, true);
        assertThat(buffer.allAcknowledged()).isTrue();
    }

    @Test
    void waitsForCreditBeforeAFinThatStillHasDataBeforeIt() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        buffer.finish();
        assertThat(buffer.hasSendable(0)).isFalse();
        assertThat(buffer.next(10, 0)).isNull();
    }

    @Test
    void refusesWritesAfterFinishAndReleasesTheData() {
        SendBuffer buffer = new SendBuffer();
        buffer.finish();
        ByteBuf late = text("x");
        assertThatThrownBy(() -> buffer.write(late, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finish");
        assertThat(late.refCnt()).isZero();
    }

    @Test
    void rejectsAMaxBytesBelowOne() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        assertThatThrownBy(() -> buffer.next(0, NO_LIMIT)).isInstanceOf(IllegalArgumentException.class);
    }

    // SPEC FRM-STREAM-9: RECORD exactly when the frame's last data byte ends a record.
    @Test
    void cutsChunksAtRecordBoundariesAndFlagsThem() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("ab"), true);
        buffer.write(text("cde"), true);
        buffer.write(text("fg"), false);
        SendBuffer.Chunk first = buffer.next(100, NO_LIMIT);
        assertThat(first.recordEnd()).isTrue();
        assertThat(take(first)).isEqualTo("ab");
        SendBuffer.Chunk second = buffer.next(2, NO_LIMIT);
        assertThat(second.recordEnd()).isFalse();
        assertThat(take(second)).isEqualTo("cd");
        SendBuffer.Chunk third = buffer.next(100, NO_LIMIT);
        assertThat(third.recordEnd()).isTrue();
        assertThat(take(third)).isEqualTo("e");
        SendBuffer.Chunk fourth = buffer.next(100, NO_LIMIT);
        assertThat(fourth.recordEnd()).isFalse();
        assertThat(take(fourth)).isEqualTo("fg");
    }

    // SPEC FRM-STREAM-9: a FIN with no data carries RECORD when the final byte ends a record.
    @Test
    void flagsAFinAloneWhenTheFinalByteEndsARecord() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), true);
        SendBuffer.Chunk data = buffer.next(100, NO_LIMIT);
        assertThat(data.recordEnd()).isTrue();
        take(data);
        buffer.finish();
        SendBuffer.Chunk fin = buffer.next(100, NO_LIMIT);
        assertThat(fin.length()).isZero();
        assertThat(fin.fin()).isTrue();
        assertThat(fin.recordEnd()).isTrue();
    }

    // SPEC STR-REC-2: every boundary keeps its original offset when data is split differently.
    @Test
    void keepsBoundariesWhenLostDataIsResentInOtherPieces() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), true);
        buffer.write(text("defg"), true);
        buffer.write(text("hi"), false);
        take(buffer.next(3, NO_LIMIT));
        take(buffer.next(4, NO_LIMIT));
        take(buffer.next(2, NO_LIMIT));
        buffer.onLost(0, 3, false);
        buffer.onLost(3, 4, false);
        buffer.onLost(7, 2, false);
        SendBuffer.Chunk a = buffer.next(2, NO_LIMIT);
        assertThat(a.retransmission()).isTrue();
        assertThat(a.recordEnd()).isFalse();
        assertThat(take(a)).isEqualTo("ab");
        SendBuffer.Chunk b = buffer.next(100, NO_LIMIT);
        assertThat(b.offset()).isEqualTo(2);
        assertThat(b.recordEnd()).isTrue();
        assertThat(take(b)).isEqualTo("c");
        SendBuffer.Chunk c = buffer.next(100, NO_LIMIT);
        assertThat(c.recordEnd()).isTrue();
        assertThat(take(c)).isEqualTo("defg");
        SendBuffer.Chunk d = buffer.next(100, NO_LIMIT);
        assertThat(d.recordEnd()).isFalse();
        assertThat(take(d)).isEqualTo("hi");
        assertThat(buffer.bytesRetransmitted()).isEqualTo(9);
    }

    @Test
    void emptyRecordEndIsANoOpAtOffsetZeroOrAtABoundary() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(Unpooled.buffer(0), true);
        buffer.write(text("ab"), true);
        buffer.write(Unpooled.buffer(0), true);
        buffer.write(Unpooled.buffer(0), false);
        assertThat(buffer.writtenOffset()).isEqualTo(2);
        SendBuffer.Chunk chunk = buffer.next(100, NO_LIMIT);
        assertThat(chunk.recordEnd()).isTrue();
        take(chunk);
        assertThat(buffer.next(100, NO_LIMIT)).isNull();
        assertThat(buffer.hasSendable(NO_LIMIT)).isFalse();
    }

    @Test
    void emptyRecordEndBeforeSendingEndsTheNextChunk() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        buffer.write(Unpooled.buffer(0), true);
        buffer.write(text("de"), false);
        SendBuffer.Chunk chunk = buffer.next(100, NO_LIMIT);
        assertThat(chunk.recordEnd()).isTrue();
        assertThat(take(chunk)).isEqualTo("abc");
    }

    // SPEC FRM-STREAM-9: a boundary placed after its last byte went out without RECORD is conveyed
    // by sending that byte again with RECORD (STR-DATA-3: the same byte at the same offset).
    @Test
    void resendsTheLastByteWithRecordWhenABoundaryFollowsSentData() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        SendBuffer.Chunk plain = buffer.next(100, NO_LIMIT);
        assertThat(plain.recordEnd()).isFalse();
        take(plain);
        buffer.onAcked(0, 3, false, false);
        buffer.write(Unpooled.buffer(0), true);
        assertThat(buffer.hasRetransmission()).isTrue();
        assertThat(buffer.hasSendable(0)).isTrue();
        SendBuffer.Chunk mark = buffer.next(100, 0);
        assertThat(mark.offset()).isEqualTo(2);
        assertThat(mark.recordEnd()).isTrue();
        assertThat(mark.retransmission()).isTrue();
        assertThat(take(mark)).isEqualTo("c");
        buffer.finish();
        buffer.onLost(2, 1, false, true);
        SendBuffer.Chunk again = buffer.next(100, NO_LIMIT);
        assertThat(again.offset()).isEqualTo(2);
        assertThat(again.recordEnd()).isTrue();
        assertThat(take(again)).isEqualTo("c");
        SendBuffer.Chunk fin = buffer.next(100, NO_LIMIT);
        assertThat(fin.fin()).isTrue();
        assertThat(fin.recordEnd()).isTrue();
        buffer.onAcked(3, 0, true, true);
        assertThat(buffer.allAcknowledged()).isTrue();
    }

    @Test
    void anAckOfTheOldChunkWithoutRecordDoesNotConfirmALateBoundary() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("a"), false);
        take(buffer.next(100, NO_LIMIT));
        buffer.write(Unpooled.buffer(0), true);
        take(buffer.next(100, NO_LIMIT));
        buffer.onAcked(0, 1, false, false);
        buffer.onLost(0, 1, false, true);
        SendBuffer.Chunk again = buffer.next(100, NO_LIMIT);
        assertThat(again).isNotNull();
        assertThat(again.recordEnd()).isTrue();
        assertThat(take(again)).isEqualTo("a");
    }

    @Test
    void resendsLostRangesFirstLowestOffsetFirst() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdefghijkl"), false);
        take(buffer.next(4, NO_LIMIT));
        take(buffer.next(4, NO_LIMIT));
        buffer.onLost(4, 4, false);
        buffer.onLost(0, 4, false);
        assertThat(buffer.hasRetransmission()).isTrue();
        SendBuffer.Chunk first = buffer.next(100, NO_LIMIT);
        assertThat(first.offset()).isZero();
        assertThat(first.retransmission()).isTrue();
        // adjacent lost ranges are resent together
        assertThat(take(first)).isEqualTo("abcdefgh");
        SendBuffer.Chunk fresh = buffer.next(100, NO_LIMIT);
        assertThat(fresh.retransmission()).isFalse();
        assertThat(take(fresh)).isEqualTo("ijkl");
    }

    @Test
    void retransmissionsIgnoreTheFlowLimit() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdef"), false);
        take(buffer.next(100, 6));
        buffer.onLost(0, 6, false);
        assertThat(buffer.hasSendable(0)).isTrue();
        assertThat(take(buffer.next(100, 0))).isEqualTo("abcdef");
    }

    @Test
    void resendsOnlyThePartsOfALostChunkNotAcknowledgedSince() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdefghij"), false);
        take(buffer.next(10, NO_LIMIT));
        buffer.onAcked(2, 3, false);
        buffer.onAcked(7, 1, false);
        buffer.onLost(0, 10, false);
        assertThat(take(buffer.next(100, NO_LIMIT))).isEqualTo("ab");
        assertThat(take(buffer.next(100, NO_LIMIT))).isEqualTo("fg");
        assertThat(take(buffer.next(100, NO_LIMIT))).isEqualTo("ij");
        assertThat(buffer.next(100, NO_LIMIT)).isNull();
    }

    @Test
    void anAckAfterALossCancelsTheRetransmission() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcd"), false);
        take(buffer.next(10, NO_LIMIT));
        buffer.onLost(0, 4, false);
        buffer.onAcked(0, 4, false);
        assertThat(buffer.hasRetransmission()).isFalse();
        assertThat(buffer.next(10, NO_LIMIT)).isNull();
    }

    @Test
    void acknowledgementsOutOfOrderMoveThePrefixAndFreeBuffers() {
        SendBuffer buffer = new SendBuffer();
        ByteBuf first = text("abc");
        ByteBuf second = text("def");
        buffer.write(first, false);
        buffer.write(second, false);
        SendBuffer.Chunk a = buffer.next(3, NO_LIMIT);
        SendBuffer.Chunk b = buffer.next(3, NO_LIMIT);
        take(a);
        take(b);
        buffer.onAcked(3, 3, false);
        assertThat(buffer.ackedPrefix()).isZero();
        assertThat(buffer.bytesAcknowledged()).isEqualTo(3);
        assertThat(buffer.unackedBytes()).isEqualTo(3);
        assertThat(first.refCnt()).isEqualTo(1);
        assertThat(second.refCnt()).isEqualTo(1);
        buffer.onAcked(0, 3, false);
        assertThat(buffer.ackedPrefix()).isEqualTo(6);
        assertThat(buffer.unackedBytes()).isZero();
        assertThat(first.refCnt()).isZero();
        assertThat(second.refCnt()).isZero();
        // duplicate acknowledgements count nothing twice
        buffer.onAcked(0, 6, false);
        assertThat(buffer.bytesAcknowledged()).isEqualTo(6);
    }

    @Test
    void keepsAPartlyAcknowledgedBuffer() {
        SendBuffer buffer = new SendBuffer();
        ByteBuf data = text("abcdef");
        buffer.write(data, false);
        take(buffer.next(3, NO_LIMIT));
        buffer.onAcked(0, 3, false);
        assertThat(buffer.ackedPrefix()).isEqualTo(3);
        assertThat(data.refCnt()).isEqualTo(1);
        assertThat(take(buffer.next(3, NO_LIMIT))).isEqualTo("def");
    }

    @Test
    void copiesAChunkThatSpansSeveralWrites() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("ab"), false);
        buffer.write(text("cd"), false);
        buffer.write(text("efg"), false);
        SendBuffer.Chunk chunk = buffer.next(6, NO_LIMIT);
        assertThat(take(chunk)).isEqualTo("abcdef");
        assertThat(take(buffer.next(6, NO_LIMIT))).isEqualTo("g");
    }

    @Test
    void respectsTheReaderIndexOfWrittenBuffers() {
        SendBuffer buffer = new SendBuffer();
        ByteBuf data = text("xxabc");
        data.skipBytes(2);
        buffer.write(data, false);
        buffer.write(text("de"), false);
        assertThat(take(buffer.next(2, NO_LIMIT))).isEqualTo("ab");
        assertThat(take(buffer.next(10, NO_LIMIT))).isEqualTo("cde");
    }

    @Test
    void aLostFinIsResentAloneAndItsAckCompletesTheSide() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        buffer.finish();
        SendBuffer.Chunk chunk = buffer.next(10, NO_LIMIT);
        assertThat(chunk.fin()).isTrue();
        take(chunk);
        buffer.onAcked(0, 2, false);
        buffer.onLost(0, 3, true);
        assertThat(buffer.hasRetransmission()).isTrue();
        SendBuffer.Chunk again = buffer.next(10, NO_LIMIT);
        assertThat(again.offset()).isEqualTo(2);
        assertThat(again.fin()).isTrue();
        assertThat(again.retransmission()).isTrue();
        assertThat(take(again)).isEqualTo("c");
        buffer.onAcked(2, 1, true);
        assertThat(buffer.allAcknowledged()).isTrue();
        assertThat(buffer.hasSendable(NO_LIMIT)).isFalse();
    }

    @Test
    void aLostFinAloneIsResentAlone() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abc"), false);
        take(buffer.next(10, NO_LIMIT));
        buffer.finish();
        buffer.next(10, NO_LIMIT);
        buffer.onAcked(0, 3, false);
        assertThat(buffer.allAcknowledged()).isFalse();
        buffer.onLost(3, 0, true);
        SendBuffer.Chunk fin = buffer.next(10, 0);
        assertThat(fin.offset()).isEqualTo(3);
        assertThat(fin.length()).isZero();
        assertThat(fin.fin()).isTrue();
        assertThat(fin.retransmission()).isTrue();
        buffer.onAcked(3, 0, true);
        assertThat(buffer.allAcknowledged()).isTrue();
    }

    @Test
    void allAcknowledgedNeedsFinAndEveryByte() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcd"), false);
        buffer.finish();
        take(buffer.next(2, NO_LIMIT));
        SendBuffer.Chunk last = buffer.next(2, NO_LIMIT);
        take(last);
        buffer.onAcked(2, 2, true);
        assertThat(buffer.allAcknowledged()).isFalse();
        buffer.onAcked(0, 2, false);
        assertThat(buffer.allAcknowledged()).isTrue();
    }

    // SPEC STR-RESET-2: discard unsent and unacknowledged data and never retransmit it.
    @Test
    void discardReleasesEverythingAndStopsSending() {
        SendBuffer buffer = new SendBuffer();
        ByteBuf first = text("abc");
        ByteBuf second = text("def");
        buffer.write(first, false);
        buffer.write(second, false);
        take(buffer.next(3, NO_LIMIT));
        buffer.onLost(0, 3, false);
        buffer.discard();
        assertThat(first.refCnt()).isZero();
        assertThat(second.refCnt()).isZero();
        assertThat(buffer.hasSendable(NO_LIMIT)).isFalse();
        assertThat(buffer.hasRetransmission()).isFalse();
        assertThat(buffer.hasNewData()).isFalse();
        assertThat(buffer.next(10, NO_LIMIT)).isNull();
        assertThat(buffer.unackedBytes()).isZero();
        ByteBuf late = text("x");
        buffer.write(late, false);
        assertThat(late.refCnt()).isZero();
        buffer.onAcked(0, 3, false);
        buffer.onLost(0, 3, false);
        buffer.discard();
        assertThat(buffer.next(10, NO_LIMIT)).isNull();
    }

    // SPEC STR-ATTACH-5: on another channel, everything unacknowledged is sent again.
    @Test
    void requeueUnacknowledgedMakesSentDataDueAgain() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdef"), true);
        buffer.finish();
        SendBuffer.Chunk chunk = buffer.next(3, NO_LIMIT);
        take(chunk);
        SendBuffer.Chunk second = buffer.next(3, NO_LIMIT);
        assertThat(second.fin()).isTrue();
        take(second);
        buffer.onAcked(0, 2, false);
        buffer.requeueUnacknowledged();
        SendBuffer.Chunk again = buffer.next(100, NO_LIMIT);
        assertThat(again.offset()).isEqualTo(2);
        assertThat(again.fin()).isTrue();
        assertThat(again.recordEnd()).isTrue();
        assertThat(again.retransmission()).isTrue();
        assertThat(take(again)).isEqualTo("cdef");
        assertThat(buffer.next(100, NO_LIMIT)).isNull();
    }

    @Test
    void lossOfUnsentOffsetsIsIgnored() {
        SendBuffer buffer = new SendBuffer();
        buffer.write(text("abcdef"), false);
        take(buffer.next(2, NO_LIMIT));
        buffer.onLost(0, 6, false);
        SendBuffer.Chunk again = buffer.next(100, NO_LIMIT);
        assertThat(again.retransmission()).isTrue();
        assertThat(take(again)).isEqualTo("ab");
        SendBuffer.Chunk fresh = buffer.next(100, NO_LIMIT);
        assertThat(fresh.retransmission()).isFalse();
        assertThat(take(fresh)).isEqualTo("cdef");
        assertThat(buffer.bytesRetransmitted()).isEqualTo(2);
    }

    @Test
    void chunkDataIsARetainedSliceTheCallerReleases() {
        SendBuffer buffer = new SendBuffer();
        ByteBuf data = Unpooled.directBuffer(8).writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        buffer.write(data, false);
        SendBuffer.Chunk chunk = buffer.next(4, NO_LIMIT);
        assertThat(data.refCnt()).isEqualTo(2);
        assertThat(ByteBufUtil.getBytes(chunk.data())).containsExactly(1, 2, 3, 4);
        chunk.data().release();
        assertThat(data.refCnt()).isEqualTo(1);
    }
}
