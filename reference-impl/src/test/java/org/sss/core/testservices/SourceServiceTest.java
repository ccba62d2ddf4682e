package org.sss.core.testservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.testservices.ServiceFixture.await;
import static org.sss.core.testservices.ServiceFixture.failure;
import static org.sss.core.testservices.ServiceFixture.readToEnd;
import static org.sss.core.testservices.ServiceFixture.serve;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sss.core.host.PipeStreams;
import org.sss.core.host.PipeStreams.Pair;
import org.sss.core.host.ReceivedRecord;
import org.sss.core.host.Stream;
import org.sss.core.host.StreamResetException;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.ErrorCode;

/** SPEC.md Appendix A.3, the source service, on an in-memory stream pair. */
class SourceServiceTest {
    private static final int WINDOW = 64 * 1024;

    private final PipeStreams pipe = new PipeStreams(WINDOW);

    @AfterEach
    void closePipe() {
        pipe.close();
    }

    /** The command record: u64 N, u32 S, big-endian. */
    private static byte[] command(long length, long recordSize) {
        return ByteBuffer.allocate(12).putLong(length).putInt((int) recordSize).array();
    }

    private Pair source(long length, long recordSize) {
        Pair pair = serve(pipe, new SourceService());
        pair.opener().writeRecord(command(length, recordSize));
        return pair;
    }

    private static void assertPattern(byte[] bytes, long firstOffset) {
        for (int k = 0; k < bytes.length; k++) {
            if (bytes[k] != (byte) ((firstOffset + k) % 251)) {
                throw new AssertionError("Expected: byte at offset " + (firstOffset + k) + " = "
                        + (firstOffset + k) % 251 + " / Actual: " + (bytes[k] & 0xFF));
            }
        }
    }

    private static List<ReceivedRecord> readRecords(Stream stream) {
        List<ReceivedRecord> records = new ArrayList<>();
        for (ReceivedRecord record = await(stream.readRecord()); record != null; record = await(stream.readRecord())) {
            records.add(record);
        }
        return records;
    }

    @Test
    @DisplayName("TST-SRC-1: exactly N bytes, byte i = i mod 251, then FIN at N")
    void sendsTheRequestedPattern() {
        SplittableRandom random = new SplittableRandom(TestSeed.forTest("sendsTheRequestedPattern"));
        long length = 1 + random.nextInt(400_000);
        Pair pair = source(length, 0);
        byte[] received = readToEnd(pair.opener());
        assertThat(received).hasSize((int) length);
        assertPattern(received, 0);
        assertThat(pair.opener().finReceived()).isTrue();
        assertThat(pair.opener().bytesReceived()).isEqualTo(length);
    }

    @Test
    @DisplayName("TST-SRC-1: the byte at offset 300 is 300 mod 251 = 0x31 (Appendix A.3's example)")
    void byteAtOffset300() {
        byte[] received = readToEnd(source(301, 0).opener());
        assertThat(received[300]).isEqualTo((byte) 0x31);
    }

    @Test
    @DisplayName("TST-SRC-1: N = 0 sends only FIN")
    void zeroLengthSendsOnlyFin() {
        Pair pair = source(0, 7);
        assertThat(await(pair.opener().readRecord())).isNull();
        assertThat(pair.opener().bytesReceived()).isZero();
    }

    @Test
    @DisplayName("TST-SRC-2: N = 5, S = 2 gives records 00 01, 02 03, 04 and FIN at 5 (Appendix A.3's example)")
    void appendixExample() {
        Pair pair = source(5, 2);
        assertThat(readRecords(pair.opener())).containsExactly(
                new ReceivedRecord(new byte[] {0, 1}, true),
                new ReceivedRecord(new byte[] {2, 3}, true),
                new ReceivedRecord(new byte[] {4}, true));
    }

    @Test
    @DisplayName("TST-SRC-2: S = 0 places no boundary at all")
    void noBoundariesWhenSIsZero() {
        // reading it as records means holding all N bytes until FIN: the window must exceed N here
        try (PipeStreams wide = new PipeStreams(1 << 20)) {
            Pair pair = serve(wide, new SourceService());
            pair.opener().writeRecord(command(200_000, 0));
            List<ReceivedRecord> records = readRecords(pair.opener());
            assertThat(records).hasSize(1);
            assertThat(records.get(0).complete()).isFalse();
            assertThat(records.get(0).data()).hasSize(200_000);
            assertPattern(records.get(0).data(), 0);
        }
    }

    @Test
    @DisplayName("TST-SRC-2: a boundary after every S bytes and at N, also when S exceeds a write chunk")
    void boundariesEverySBytesAndAtN() {
        long seed = TestSeed.forTest("boundariesEverySBytesAndAtN");
        SplittableRandom random = new SplittableRandom(seed);
        long[][] cases = {{300_000, 70_000}, {1, 1}, {10, 3}, {65_536, 65_536}, {65_537, 65_536},
                {1 + random.nextInt(300_000), 1 + random.nextInt(9_000)}};
        for (long[] c : cases) {
            long length = c[0];
            long recordSize = c[1];
            List<ReceivedRecord> records = readRecords(source(length, recordSize).opener());
            long offset = 0;
            for (ReceivedRecord record : records) {
                assertThat(record.complete()).as("N=%d S=%d: boundary at %d", length, recordSize,
                        offset + record.data().length).isTrue();
                assertThat((long) record.data().length).isEqualTo(Math.min(recordSize, length - offset));
                assertPattern(record.data(), offset);
                offset += record.data().length;
            }
            assertThat(offset).isEqualTo(length);
        }
    }

    @ParameterizedTest(name = "a first record of {0} bytes")
    @ValueSource(ints = {1, 11, 13, 1024})
    @DisplayName("TST-SRC-3: a first record that is not exactly 12 bytes resets the stream with PROTOCOL_VIOLATION")
    void wrongCommandLengthResets(int length) {
        Pair pair = serve(pipe, new SourceService());
        pair.opener().writeRecord(new byte[length]);
        assertResetWithProtocolViolation(pair);
    }

    @Test
    @DisplayName("TST-SRC-3: FIN before a whole command record resets the stream with PROTOCOL_VIOLATION")
    void finBeforeCommandResets() {
        Pair noRecord = serve(pipe, new SourceService());
        noRecord.opener().finish();
        assertResetWithProtocolViolation(noRecord);

        Pair partial = serve(pipe, new SourceService());
        partial.opener().write(command(5, 0));
        partial.opener().finish();
        assertResetWithProtocolViolation(partial);
    }

    private static void assertResetWithProtocolViolation(Pair pair) {
        Throwable failure = failure(pair.opener().readRecord());
        assertThat(failure).isInstanceOf(StreamResetException.class);
        assertThat(((StreamResetException) failure).errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        assertThat(((StreamResetException) failure).byPeer()).isTrue();
    }

    @Test
    @DisplayName("TST-SRC-3: data the opener sends after the command record is discarded")
    void dataAfterTheCommandIsDiscarded() {
        Pair pair = source(100_000, 1000);
        for (int i = 0; i < 50; i++) {
            pair.opener().writeRecord(new byte[20_000]);
        }
        pair.opener().finish();
        List<ReceivedRecord> records = readRecords(pair.opener());
        assertThat(records).hasSize(100);
        pipe.settle();
        assertThat(pair.acceptor().bytesReceived()).isEqualTo(12 + 50 * 20_000);
        assertThat(pair.acceptor().unreadBytes()).isZero();
    }

    @Test
    @DisplayName("TST-SRC-1 under back-pressure: N = 2^64 - 1 is sent chunk by chunk, never beyond the window plus one chunk")
    void respectsBackPressureForAnyN() {
        Pair pair = source(-1L, 0);
        pipe.settle();
        assertThat(pair.opener().maxUnreadBytes()).isLessThanOrEqualTo(WINDOW + SourceService.CHUNK);
        long offset = 0;
        while (offset < 3_000_000) {
            byte[] bytes = await(pair.opener().read(50_000));
            assertPattern(bytes, offset);
            offset += bytes.length;
        }
        pipe.settle();
        assertThat(pair.opener().maxUnreadBytes()).isLessThanOrEqualTo(WINDOW + SourceService.CHUNK);
        pair.opener().reset(ErrorCode.CANCELLED.code(), "enough");
        pipe.settle();
        assertThat(pair.acceptor().resetCodeSent()).isEmpty();
    }
}
