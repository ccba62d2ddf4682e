package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.host.StreamIo.assertSameBytes;
import static org.sss.core.host.StreamIo.await;
import static org.sss.core.host.StreamIo.randomBytes;
import static org.sss.core.host.StreamIo.readToEnd;
import static org.sss.core.host.StreamIo.utf8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.StreamPair.Ends;

/**
 * Records and datagrams over real UDP on loopback (SPEC.md sections 8.6 and 8.7): records of every
 * size read back whole, records mixed with plain bytes, and datagrams from empty to far more than
 * 16 fragments received whole on the right parent.
 */
class RecordsAndDatagramsTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    /**
     * Record sizes around the frame and packet sizes and up to 1 MB, which is four times the default
     * per-stream window (INITIAL_MAX_STREAM_DATA 256 KiB). An empty record is not among them: a
     * boundary follows a data byte (FRM-STREAM-9), so a record of no bytes cannot be sent.
     */
    private static final int[] RECORD_SIZES = {1, 2, 100, 1000, 1100, 1150, 1151, 1168, 1232, 4096, 16_384,
        65_535, 65_536, 262_143, 262_144, 300_001, 1_048_576};

    /** Datagram sizes: empty, one byte, one fragment, a few fragments, and far more than 16 fragments. */
    private static final int[] DATAGRAM_SIZES = {0, 1, 1024, 10 * 1024, 20 * 1024, 100 * 1024};

    @Test
    @DisplayName("STR-REC-1, FRM-STREAM-9: records of 1 byte to 1 MB are read back whole with readRecord, in both directions")
    void recordsOfEverySizeArriveWhole() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends ends = pair.open();

        List<byte[]> records = new ArrayList<>();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int size : RECORD_SIZES) {
            byte[] record = randomBytes(random, size);
            records.add(record);
            writes.add(ends.client().writeRecord(record));
        }
        writes.add(ends.client().finish());

        // the server echoes each record as a record; the client reads the echoes afterwards
        for (byte[] expected : records) {
            ReceivedRecord record = await(ends.server().readRecord(), "the record of " + expected.length + " bytes");
            assertThat(record).as("record of %d bytes at the server", expected.length).isNotNull();
            assertThat(record.complete()).isTrue();
            assertSameBytes(record.data(), expected, "the record of " + expected.length + " bytes at the server");
            writes.add(ends.server().writeRecord(record.data()));
        }
        assertThat(await(ends.server().readRecord())).as("readRecord at the end of the stream").isNull();
        writes.add(ends.server().finish());

        for (byte[] expected : records) {
            ReceivedRecord record = await(ends.client().readRecord(), "the echo of " + expected.length + " bytes");
            assertThat(record).as("echoed record of %d bytes", expected.length).isNotNull();
            assertThat(record.complete()).isTrue();
            assertSameBytes(record.data(), expected, "the echoed record of " + expected.length + " bytes");
        }
        assertThat(await(ends.client().readRecord())).isNull();
        writes.forEach(StreamIo::await);
    }

    @Test
    @DisplayName("STR-REC-1, FRM-STREAM-9: a record written right before finish() is read back complete, then the end")
    void recordEndingTheStreamIsComplete() {
        StreamPair pair = StreamPair.start(HOSTS);
        Ends ends = pair.open();

        ends.client().writeRecord(utf8("last words"));
        await(ends.client().finish());
        ends.server().writeRecord(utf8("first"));
        ends.server().writeRecord(utf8("and last"));
        ends.server().finish();

        assertThat(await(ends.server().readRecord())).isEqualTo(new ReceivedRecord(utf8("last words"), true));
        assertThat(await(ends.server().readRecord())).isNull();
        assertThat(await(ends.client().readRecord())).isEqualTo(new ReceivedRecord(utf8("first"), true));
        assertThat(await(ends.client().readRecord())).isEqualTo(new ReceivedRecord(utf8("and last"), true));
        assertThat(await(ends.client().readRecord())).isNull();
    }

    @Test
    @DisplayName("STR-REC-1, section 8.6: records mix with plain bytes; bytes after the last boundary come as a partial record before the end")
    void recordsMixWithPlainBytes() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends ends = pair.open();
        byte[] a = randomBytes(random, 10);
        byte[] b = randomBytes(random, 5000);
        byte[] c = randomBytes(random, 20);
        byte[] d = randomBytes(random, 3000);

        ends.client().writeRecord(a);
        ends.client().write(b);
        ends.client().writeRecord(c);
        ends.client().write(d);
        await(ends.client().finish());

        assertThat(await(ends.server().readRecord())).isEqualTo(new ReceivedRecord(a, true));
        // plain bytes followed by a record: the boundary ends both
        assertThat(await(ends.server().readRecord())).isEqualTo(new ReceivedRecord(concat(b, c), true));
        assertThat(await(ends.server().readRecord())).isEqualTo(new ReceivedRecord(d, false));
        assertThat(await(ends.server().readRecord())).isNull();
    }

    @Test
    @DisplayName("STR-REC-1, section 8.6: plain reads ignore record boundaries")
    void plainReadsIgnoreRecordBoundaries() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends ends = pair.open();
        byte[] a = randomBytes(random, 700);
        byte[] b = randomBytes(random, 70_000);
        byte[] c = randomBytes(random, 7);

        ends.server().writeRecord(a);
        ends.server().writeRecord(b);
        ends.server().write(c);
        CompletableFuture<Void> finished = ends.server().finish();

        assertThat(readToEnd(ends.client())).isEqualTo(concat(a, b, c));
        await(finished);
    }

    @Test
    @DisplayName("STR-DGRAM-1, STR-DGRAM-2, STR-DGRAM-4, STR-DGRAM-6, STR-DGRAM-8: datagrams of 0 B to 100 KB arrive whole, both ways")
    void datagramsOfAnySizeArriveWhole() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends ends = pair.open();

        // one at a time, so that a best-effort datagram meets an idle loopback
        for (int size : DATAGRAM_SIZES) {
            byte[] up = randomBytes(random, size);
            await(ends.client().sendDatagram(up));
            assertSameBytes(await(ends.server().receiveDatagram(), "a datagram of " + size + " bytes to the server"),
                    up, "the datagram of " + size + " bytes to the server");
            byte[] down = randomBytes(random, size);
            await(ends.server().sendDatagram(down));
            assertSameBytes(await(ends.client().receiveDatagram(), "a datagram of " + size + " bytes to the client"),
                    down, "the datagram of " + size + " bytes to the client");
        }
        // the stream itself is untouched by its datagrams
        await(ends.client().write(utf8("after the datagrams")));
        StreamIo.assertReads(ends.server(), "after the datagrams");
    }

    @Test
    @DisplayName("Section 8.7: a datagram is an ephemeral substream of its parent, taken with acceptSubstream or receiveDatagram")
    void datagramsAreSubstreamsOfTheirParent() {
        StreamPair pair = StreamPair.start(HOSTS);
        Random random = HOSTS.random();
        Ends first = pair.open();
        Ends second = pair.open();
        Stream childAtClient = second.client().openSubstream();
        await(childAtClient.write(utf8("child")));
        Stream childAtServer = await(second.server().acceptSubstream());
        StreamIo.assertReads(childAtServer, "child");

        byte[] toFirst = randomBytes(random, 3000);
        byte[] toChild = randomBytes(random, 300);
        await(first.client().sendDatagram(toFirst));
        await(childAtClient.sendDatagram(toChild));

        // taken as a substream: a child of the stream it was sent on, carrying the message and FIN
        Stream datagram = await(first.server().acceptSubstream());
        assertThat(datagram.parent().orElseThrow().usid()).isEqualTo(first.server().usid());
        assertThat(datagram.isLocallyOpened()).isFalse();
        assertThat(readToEnd(datagram)).isEqualTo(toFirst);
        datagram.finish(); // section 8.10: a receiver that does not answer a datagram finishes with no data
        // taken with receiveDatagram, on the substream it was sent on
        assertThat(await(childAtServer.receiveDatagram())).isEqualTo(toChild);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
