package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.core.stream.ReceiveBuffer.Verdict;

class ReceiveBufferTest {

    private static ByteBuf text(String value) {
        return Unpooled.copiedBuffer(value, StandardCharsets.US_ASCII);
    }

    private static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static Verdict data(ReceiveBuffer buffer, long offset, String value, boolean fin, boolean record) {
        ByteBuf data = text(value);
        try {
            return buffer.onData(offset, data, fin, record);
        } finally {
            data.release();
        }
    }

    @Test
    void deliversInOrderDataAtOnce() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        assertThat(data(buffer, 0, "hello", false, false)).isEqualTo(Verdict.OK);
        assertThat(buffer.highestOffset()).isEqualTo(5);
        assertThat(buffer.contiguousOffset()).isEqualTo(5);
        assertThat(buffer.readableBytes()).isEqualTo(5);
        assertThat(string(buffer.read(3))).isEqualTo("hel");
        assertThat(buffer.readOffset()).isEqualTo(3);
        assertThat(string(buffer.read(100))).isEqualTo("lo");
        assertThat(buffer.read(100)).isEmpty();
    }

    // SPEC STR-DATA-2: out-of-order data is kept until the gap before it is filled.
    @Test
    @DisplayName("STR-REC-1: a part read stops at the next boundary and says whether it ends a record")
    void partsStopAtRecordBoundaries() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        assertThat(buffer.readPart(10)).isNull();
        data(buffer, 0, "abc", false, true);
        data(buffer, 3, "defgh", false, false);
        ReceiveBuffer.Record first = buffer.readPart(10);
        assertThat(string(first.data())).isEqualTo("abc");
        assertThat(first.complete()).isTrue();
        ReceiveBuffer.Record second = buffer.readPart(2);
        assertThat(string(second.data())).isEqualTo("de");
        assertThat(second.complete()).isFalse();
        data(buffer, 8, "i", true, true);
        ReceiveBuffer.Record last = buffer.readPart(100);
        assertThat(string(last.data())).isEqualTo("fghi");
        assertThat(last.complete()).isTrue();
        assertThat(buffer.readPart(100)).isNull();
        assertThat(buffer.atEnd()).isTrue();
    }

    @Test
    void holdsOutOfOrderDataUntilTheGapFills() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 5, "world", false, false);
        assertThat(buffer.highestOffset()).isEqualTo(10);
        assertThat(buffer.contiguousOffset()).isZero();
        assertThat(buffer.readableBytes()).isZero();
        assertThat(buffer.read(10)).isEmpty();
        data(buffer, 0, "hello", false, false);
        assertThat(buffer.contiguousOffset()).isEqualTo(10);
        assertThat(string(buffer.read(100))).isEqualTo("helloworld");
    }

    // SPEC STR-DATA-1: every byte exactly once.
    @Test
    void ignoresDuplicatesAndKeepsTheFirstCopyOfOverlaps() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 2, "cde", false, false);
        data(buffer, 2, "cde", false, false);
        data(buffer, 0, "abcdefg", false, false);
        data(buffer, 1, "bc", false, false);
        assertThat(string(buffer.read(100))).isEqualTo("abcdefg");
        data(buffer, 0, "abcdefgh", false, false);
        assertThat(string(buffer.read(100))).isEqualTo("h");
    }

    @Test
    void leavesTheCallersBufferIndicesAlone() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        ByteBuf data = text("xxabc");
        data.skipBytes(2);
        buffer.onData(0, data, false, false);
        assertThat(data.readerIndex()).isEqualTo(2);
        assertThat(data.readableBytes()).isEqualTo(3);
        data.setByte(2, 'Z');
        assertThat(string(buffer.read(10))).isEqualTo("abc");
    }

    @Test
    void finSetsTheFinalSizeAndCompletesOnceEveryByteArrived() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        assertThat(buffer.finReceived()).isFalse();
        assertThat(buffer.finalSize()).isEqualTo(-1);
        data(buffer, 3, "def", true, false);
        assertThat(buffer.finReceived()).isTrue();
        assertThat(buffer.finalSize()).isEqualTo(6);
        assertThat(buffer.complete()).isFalse();
        data(buffer, 0, "abc", false, false);
        assertThat(buffer.complete()).isTrue();
        assertThat(buffer.atEnd()).isFalse();
        buffer.read(6);
        assertThat(buffer.atEnd()).isTrue();
    }

    @Test
    void anEmptyFinEndsAnEmptyStream() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        assertThat(buffer.onData(0, Unpooled.EMPTY_BUFFER, true, false)).isEqualTo(Verdict.OK);
        assertThat(buffer.complete()).isTrue();
        assertThat(buffer.atEnd()).isTrue();
        assertThat(buffer.readRecord()).isNull();
        assertThat(buffer.recordReady()).isFalse();
    }

    // SPEC STR-FIN-2: "data beyond a known final size"
    @Test
    void rejectsDataBeyondTheFinalSize() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", true, false);
        assertThat(data(buffer, 2, "cd", false, false)).isEqualTo(Verdict.FINAL_SIZE_ERROR);
        assertThat(data(buffer, 3, "d", false, false)).isEqualTo(Verdict.FINAL_SIZE_ERROR);
        assertThat(buffer.highestOffset()).isEqualTo(3);
        assertThat(data(buffer, 1, "bc", false, false)).isEqualTo(Verdict.OK);
    }

    // SPEC STR-FIN-2: "a FIN with a final size that differs from an earlier one"
    @Test
    void rejectsAFinWithAnotherFinalSize() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", true, false);
        assertThat(data(buffer, 0, "ab", true, false)).isEqualTo(Verdict.FINAL_SIZE_ERROR);
        assertThat(buffer.onData(4, Unpooled.EMPTY_BUFFER, true, false)).isEqualTo(Verdict.FINAL_SIZE_ERROR);
        assertThat(buffer.finalSize()).isEqualTo(3);
        assertThat(data(buffer, 1, "bc", true, false)).isEqualTo(Verdict.OK);
        assertThat(buffer.onData(3, Unpooled.EMPTY_BUFFER, true, false)).isEqualTo(Verdict.OK);
    }

    // SPEC STR-FIN-2: "a FIN whose final size is below data already received"
    @Test
    void rejectsAFinBelowDataAlreadyReceivedWithoutChangingState() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 5, "fgh", false, false);
        assertThat(data(buffer, 0, "abc", true, true)).isEqualTo(Verdict.FINAL_SIZE_ERROR);
        assertThat(buffer.finReceived()).isFalse();
        assertThat(buffer.contiguousOffset()).isZero();
        assertThat(buffer.recordReady()).isFalse();
        assertThat(data(buffer, 0, "abcde", false, false)).isEqualTo(Verdict.OK);
        assertThat(data(buffer, 8, "", true, false)).isEqualTo(Verdict.OK);
        assertThat(string(buffer.read(100))).isEqualTo("abcdefgh");
        assertThat(buffer.atEnd()).isTrue();
    }

    // SPEC STR-REC-1: a record is delivered only when all of its bytes have arrived.
    @Test
    void deliversARecordOnlyWhenItIsWhole() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 3, "def", false, true);
        assertThat(buffer.recordReady()).isFalse();
        assertThat(buffer.readRecord()).isNull();
        data(buffer, 0, "abc", false, false);
        assertThat(buffer.recordReady()).isTrue();
        ReceiveBuffer.Record record = buffer.readRecord();
        assertThat(string(record.data())).isEqualTo("abcdef");
        assertThat(record.complete()).isTrue();
        assertThat(buffer.readRecord()).isNull();
    }

    // SPEC STR-REC-1: each boundary is reported at the offset the sender placed it.
    @Test
    void splitsRecordsAtEveryBoundary() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "ab", false, true);
        data(buffer, 2, "c", false, true);
        data(buffer, 3, "defg", false, false);
        data(buffer, 7, "h", false, true);
        assertThat(string(buffer.readRecord().data())).isEqualTo("ab");
        assertThat(string(buffer.readRecord().data())).isEqualTo("c");
        assertThat(string(buffer.readRecord().data())).isEqualTo("defgh");
        assertThat(buffer.readRecord()).isNull();
    }

    @Test
    void aFinalPartialRecordComesAfterTheLastBoundary() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", false, true);
        data(buffer, 3, "de", true, false);
        assertThat(string(buffer.readRecord().data())).isEqualTo("abc");
        ReceiveBuffer.Record partial = buffer.readRecord();
        assertThat(string(partial.data())).isEqualTo("de");
        assertThat(partial.complete()).isFalse();
        assertThat(buffer.readRecord()).isNull();
        assertThat(buffer.atEnd()).isTrue();
    }

    @Test
    void noPartialRecordBeforeTheStreamIsComplete() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", false, false);
        assertThat(buffer.readRecord()).isNull();
        data(buffer, 5, "f", true, false);
        assertThat(buffer.readRecord()).isNull();
        data(buffer, 3, "de", false, false);
        ReceiveBuffer.Record partial = buffer.readRecord();
        assertThat(string(partial.data())).isEqualTo("abcdef");
        assertThat(partial.complete()).isFalse();
    }

    // SPEC FRM-STREAM-9: a FIN with no data and RECORD: the final byte ends a record.
    @Test
    void anEmptyFinWithRecordEndsTheLastRecord() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", false, false);
        buffer.onData(3, Unpooled.EMPTY_BUFFER, true, true);
        ReceiveBuffer.Record record = buffer.readRecord();
        assertThat(string(record.data())).isEqualTo("abc");
        assertThat(record.complete()).isTrue();
        assertThat(buffer.atEnd()).isTrue();
    }

    @Test
    void aResentByteWithRecordAddsTheBoundaryLate() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", false, false);
        assertThat(buffer.recordReady()).isFalse();
        data(buffer, 2, "c", false, true);
        assertThat(string(buffer.readRecord().data())).isEqualTo("abc");
    }

    @Test
    void byteReadsAndRecordReadsMix() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abcd", false, true);
        data(buffer, 4, "efg", false, true);
        assertThat(string(buffer.read(2))).isEqualTo("ab");
        assertThat(string(buffer.readRecord().data())).isEqualTo("cd");
        assertThat(string(buffer.read(5))).isEqualTo("efg");
        assertThat(buffer.readRecord()).isNull();
        // a duplicate boundary below the read offset does not come back
        data(buffer, 0, "abcd", false, true);
        assertThat(buffer.recordReady()).isFalse();
    }

    @Test
    void readsAcrossManySmallSegments() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        StringBuilder expected = new StringBuilder();
        for (int i = 99; i >= 0; i--) {
            String piece = Character.toString((char) ('a' + i % 26));
            data(buffer, i, piece, false, false);
        }
        for (int i = 0; i < 100; i++) {
            expected.append((char) ('a' + i % 26));
        }
        assertThat(string(buffer.read(37)) + string(buffer.read(1000))).isEqualTo(expected.toString());
    }

    // SPEC STR-RESET-2: discard frees everything.
    @Test
    void discardFreesEverythingAndIgnoresLaterData() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abc", false, true);
        data(buffer, 10, "xyz", false, false);
        buffer.discard();
        assertThat(buffer.readableBytes()).isZero();
        assertThat(buffer.read(10)).isEmpty();
        assertThat(buffer.readRecord()).isNull();
        assertThat(buffer.recordReady()).isFalse();
        assertThat(data(buffer, 3, "defghij", false, false)).isEqualTo(Verdict.OK);
        assertThat(buffer.read(10)).isEmpty();
    }

    @Test
    @DisplayName("STR-REC-1: a boundary that a FIN alone brings after its bytes were read is still reported, once")
    void aBoundaryArrivingAfterItsBytesWereReadIsReportedAsAnEmptyCompletePart() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abcd", false, false);
        ReceiveBuffer.Record bytes = buffer.readPart(100);
        assertThat(bytes.complete()).isFalse();
        assertThat(buffer.readPart(100)).isNull();

        ByteBuf empty = Unpooled.EMPTY_BUFFER;
        assertThat(buffer.onData(4, empty, true, true)).isEqualTo(Verdict.OK);
        assertThat(buffer.recordReady()).isTrue();
        ReceiveBuffer.Record boundary = buffer.readPart(100);
        assertThat(boundary.data()).isEmpty();
        assertThat(boundary.complete()).as("the record ends at offset 4").isTrue();
        // a repeated FIN with RECORD reports nothing more
        buffer.onData(4, empty, true, true);
        assertThat(buffer.readPart(100)).isNull();
        assertThat(buffer.atEnd()).isTrue();
    }

    @Test
    void aRecordAlreadyReportedWholeIsNotReportedAgainByARepeatedFin() {
        ReceiveBuffer buffer = new ReceiveBuffer();
        data(buffer, 0, "abcd", false, true);
        assertThat(buffer.readRecord().complete()).isTrue();
        buffer.onData(4, Unpooled.EMPTY_BUFFER, true, true);
        assertThat(buffer.readPart(100)).isNull();
        assertThat(buffer.readRecord()).isNull();
    }
}
