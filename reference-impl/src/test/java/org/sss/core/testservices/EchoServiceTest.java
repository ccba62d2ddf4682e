package org.sss.core.testservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.testservices.ServiceFixture.await;
import static org.sss.core.testservices.ServiceFixture.failure;
import static org.sss.core.testservices.ServiceFixture.readToEnd;
import static org.sss.core.testservices.ServiceFixture.serve;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sss.core.host.PipeStreams;
import org.sss.core.host.PipeStreams.Pair;
import org.sss.core.host.ReceivedRecord;
import org.sss.core.host.Stream;
import org.sss.core.host.StreamResetException;
import org.sss.core.testing.TestSeed;
import org.sss.core.wire.ErrorCode;

/** SPEC.md Appendix A.1, the echo service, on an in-memory stream pair. */
class EchoServiceTest {
    private static final int WINDOW = 16 * 1024;

    private final PipeStreams pipe = new PipeStreams(WINDOW);

    @AfterEach
    void closePipe() {
        pipe.close();
    }

    /** Writes a random mix of records and plain bytes, then FIN; returns the records the peer must read back. */
    private static List<ReceivedRecord> sendMix(Stream stream, SplittableRandom random, int writes) {
        List<ReceivedRecord> expected = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < writes; i++) {
            byte[] data = new byte[1 + random.nextInt(3000)];
            random.nextBytes(data);
            pending.write(data, 0, data.length);
            if (random.nextBoolean()) {
                stream.writeRecord(data);
                expected.add(new ReceivedRecord(pending.toByteArray(), true));
                pending.reset();
            } else {
                stream.write(data);
            }
        }
        stream.finish();
        if (pending.size() > 0) {
            expected.add(new ReceivedRecord(pending.toByteArray(), false));
        }
        return expected;
    }

    private static List<ReceivedRecord> readRecords(Stream stream) {
        List<ReceivedRecord> records = new ArrayList<>();
        for (ReceivedRecord record = await(stream.readRecord()); record != null; record = await(stream.readRecord())) {
            records.add(record);
        }
        return records;
    }

    @Test
    @DisplayName("TST-ECHO-1: every byte comes back in order, at the offset it was received at")
    void echoesBytesAtTheirOffsets() {
        SplittableRandom random = new SplittableRandom(TestSeed.forTest("echoesBytesAtTheirOffsets"));
        Pair pair = serve(pipe, new EchoService());
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[1 + random.nextInt(4000)];
            random.nextBytes(data);
            sent.write(data, 0, data.length);
            pair.opener().write(data);
        }
        pair.opener().finish();
        assertThat(readToEnd(pair.opener())).isEqualTo(sent.toByteArray());
    }

    @Test
    @DisplayName("TST-ECHO-1: bytes come back as they arrive, before any record boundary or FIN")
    void echoesBytesBeforeFin() {
        Pair pair = serve(pipe, new EchoService());
        pair.opener().write(new byte[] {7, 8, 9});
        assertThat(await(pair.opener().read(10))).containsExactly(7, 8, 9);
        pair.opener().finish();
        assertThat(await(pair.opener().readRecord())).isNull();
    }

    @Test
    @DisplayName("TST-ECHO-2: a record boundary comes back at every offset where the received data has one")
    void echoesRecordBoundaries() {
        SplittableRandom random = new SplittableRandom(TestSeed.forTest("echoesRecordBoundaries"));
        Pair pair = serve(pipe, new EchoService());
        List<ReceivedRecord> expected = sendMix(pair.opener(), random, 300);
        assertThat(readRecords(pair.opener())).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("TST-ECHO-3: FIN comes back after every byte, at the received final size")
    void finAtTheReceivedFinalSize() {
        Pair pair = serve(pipe, new EchoService());
        pair.opener().writeRecord(new byte[] {1, 2, 3});
        pair.opener().write(new byte[] {4, 5});
        pipe.settle();
        assertThat(pair.opener().finReceived()).as("no FIN before the opener's FIN").isFalse();
        pair.opener().finish();
        assertThat(await(pair.opener().readRecord())).isEqualTo(new ReceivedRecord(new byte[] {1, 2, 3}, true));
        assertThat(await(pair.opener().readRecord())).isEqualTo(new ReceivedRecord(new byte[] {4, 5}, false));
        assertThat(await(pair.opener().readRecord())).isNull();
        assertThat(pair.opener().bytesReceived()).isEqualTo(5);
        assertThat(await(pair.opener().closed())).isNull();
        assertThat(await(pair.acceptor().closed())).isNull();
    }

    @Test
    @DisplayName("TST-ECHO-4: every substream at any depth is echoed on itself, offsets from 0")
    void echoesATreeOfSubstreams() {
        SplittableRandom random = new SplittableRandom(TestSeed.forTest("echoesATreeOfSubstreams"));
        Pair pair = serve(pipe, new EchoService());
        Stream child = pair.opener().openSubstream();
        Stream grandchild = child.openSubstream();
        Stream greatGrandchild = grandchild.openSubstream();
        Stream sibling = pair.opener().openSubstream();
        List<Stream> streams = List.of(pair.opener(), child, grandchild, greatGrandchild, sibling);
        List<List<ReceivedRecord>> expected = new ArrayList<>();
        for (Stream stream : streams) {
            expected.add(sendMix(stream, random, 20));
        }
        for (int i = streams.size() - 1; i >= 0; i--) {
            assertThat(readRecords(streams.get(i))).as("stream %d", i).containsExactlyElementsOf(expected.get(i));
        }
        assertThat(greatGrandchild.parent()).containsSame(grandchild);
    }

    @Test
    @DisplayName("TST-ECHO-4: a datagram opened under an echo stream is a substream like any other, echoed on itself")
    void echoesADatagramOnItself() {
        Pair pair = serve(pipe, new EchoService());
        // a datagram in reliable mode: a substream carrying the whole message and FIN (SPEC.md 8.7)
        Stream datagram = pair.opener().openSubstream();
        datagram.write(new byte[] {7, 8, 9});
        datagram.finish();
        // a best-effort one, whose sender forgets it: its echo goes back on it, not on the stream
        pair.opener().sendDatagram(new byte[] {10, 11});
        assertThat(readToEnd(datagram)).containsExactly(7, 8, 9);
        pipe.settle();
        assertThat(pair.opener().bytesReceived()).isZero();
        assertThat(pair.opener().unacceptedSubstreams()).isZero();
    }

    @Test
    @DisplayName("TST-ECHO-5: a reset stops the echo on that stream only and resets no other stream")
    void resetStopsOnlyThatStream() {
        Pair pair = serve(pipe, new EchoService());
        Stream doomed = pair.opener().openSubstream();
        Stream survivor = pair.opener().openSubstream();
        doomed.writeRecord(new byte[] {1});
        assertThat(await(doomed.readRecord())).isEqualTo(new ReceivedRecord(new byte[] {1}, true));
        doomed.reset(ErrorCode.CANCELLED.code(), "enough");
        Throwable failure = failure(doomed.readRecord());
        assertThat(((StreamResetException) failure).byPeer()).as("only this end reset it").isFalse();
        survivor.writeRecord(new byte[] {2});
        survivor.finish();
        pair.opener().writeRecord(new byte[] {3});
        pair.opener().finish();
        assertThat(readRecords(survivor)).containsExactly(new ReceivedRecord(new byte[] {2}, true));
        assertThat(readRecords(pair.opener())).containsExactly(new ReceivedRecord(new byte[] {3}, true));
        assertThat(pair.acceptor().resetCodeSent()).isEmpty();
    }

    @Test
    @DisplayName("TST-ECHO-1 under back-pressure: the echo waits for each write, holding at most one record beyond the window")
    void echoRespectsBackPressure() {
        Pair pair = serve(pipe, new EchoService());
        byte[] record = new byte[1000];
        for (int i = 0; i < 2000; i++) {
            record[0] = (byte) i;
            pair.opener().writeRecord(record);
        }
        pair.opener().finish();
        pipe.settle();
        assertThat(pair.opener().maxUnreadBytes()).isLessThanOrEqualTo(WINDOW + record.length);
        List<ReceivedRecord> echoed = readRecords(pair.opener());
        assertThat(echoed).hasSize(2000);
        for (int i = 0; i < echoed.size(); i++) {
            assertThat(echoed.get(i).data()[0]).isEqualTo((byte) i);
        }
    }
}
