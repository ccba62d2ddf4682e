package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sss.core.stream.ReceiveBuffer.Verdict;
import org.sss.core.testing.TestSeed;

/**
 * Feeds a {@link ReceiveBuffer} a random stream cut into random frames (several different cuts of
 * the same bytes, as retransmissions would make), duplicated and reordered, with reads interleaved
 * and frames that contradict the final size mixed in; the bytes and records read back must equal
 * the original (SPEC STR-DATA-1, STR-REC-1, STR-FIN-2).
 */
class ReceiveBufferModelTest {

    private record Frame(long offset, byte[] data, boolean fin, boolean recordEnd) {
        long end() {
            return offset + data.length;
        }
    }

    /** Cuts the stream into frames as a sender may; FRM-STREAM-9 decides RECORD; the last frame has FIN. */
    private static List<Frame> cut(byte[] stream, TreeSet<Long> boundaries, SplittableRandom random) {
        List<Frame> frames = new ArrayList<>();
        int maxFrame = random.nextBoolean() ? 5 : 400;
        int offset = 0;
        while (offset < stream.length) {
            int end = Math.min(stream.length, offset + random.nextInt(1, maxFrame + 1));
            // SPEC STR-REC-2 / FRM-STREAM-9: a frame ends at every boundary it reaches
            Long boundary = boundaries.higher((long) offset);
            if (boundary != null && boundary < end) {
                end = (int) (long) boundary;
            }
            boolean fin = end == stream.length && random.nextInt(3) > 0;
            frames.add(new Frame(offset, Arrays.copyOfRange(stream, offset, end), fin,
                    boundaries.contains((long) end)));
            offset = end;
        }
        if (frames.isEmpty() || !frames.get(frames.size() - 1).fin()) {
            frames.add(new Frame(stream.length, new byte[0], true,
                    stream.length > 0 && boundaries.contains((long) stream.length)));
        }
        return frames;
    }

    /** A record as its kind, offset, length and content hash: short enough to read in a failure. */
    private static String describe(byte[] data, boolean complete, long offset) {
        return (complete ? "complete" : "partial") + " at " + offset + ", " + data.length + " bytes #"
                + Integer.toHexString(Arrays.hashCode(data));
    }

    private static Verdict feed(ReceiveBuffer buffer, long offset, byte[] bytes, boolean fin, boolean recordEnd) {
        ByteBuf data = Unpooled.wrappedBuffer(bytes);
        Verdict verdict = buffer.onData(offset, data, fin, recordEnd);
        // the plaintext buffer is reused by the caller: scribble over it
        Arrays.fill(bytes, (byte) 0x5A);
        return verdict;
    }

    @Test
    void readsBackTheOriginalBytesAndRecordsWhateverTheArrivalOrder() {
        long seed = TestSeed.forTest("ReceiveBufferModelTest.readsBackTheOriginalBytesAndRecordsWhateverTheArrivalOrder");
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 400; round++) {
            int size = random.nextInt(5) == 0 ? random.nextInt(0, 4) : random.nextInt(0, 5000);
            byte[] stream = new byte[size];
            random.nextBytes(stream);
            TreeSet<Long> boundaries = new TreeSet<>();
            int boundaryCount = random.nextInt(0, 1 + size / 50);
            for (int i = 0; i < boundaryCount && size > 0; i++) {
                boundaries.add((long) random.nextInt(1, size + 1));
            }
            List<Frame> frames = new ArrayList<>();
            int cuts = random.nextInt(1, 4);
            for (int i = 0; i < cuts; i++) {
                List<Frame> cut = cut(stream, boundaries, random);
                // the first cut is whole; later ones are partial retransmissions
                for (Frame frame : cut) {
                    if (i == 0 || random.nextInt(3) == 0) {
                        frames.add(frame);
                    }
                }
            }
            Collections.shuffle(frames, new Random(random.nextLong()));
            boolean readRecords = random.nextBoolean();
            run(random, stream, boundaries, frames, readRecords, seed, round);
        }
    }

    private static void run(SplittableRandom random, byte[] stream, TreeSet<Long> boundaries, List<Frame> frames,
            boolean readRecords, long seed, int round) {
        String context = "seed " + seed + ", round " + round;
        ReceiveBuffer buffer = new ReceiveBuffer();
        BitSet arrived = new BitSet();
        long highest = 0;
        long finalSize = -1;
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        List<String> records = new ArrayList<>();
        for (Frame frame : frames) {
            if (random.nextInt(8) == 0) {
                injectFinalSizeFault(buffer, random, highest, finalSize, context);
            }
            Verdict verdict = feed(buffer, frame.offset(), frame.data().clone(), frame.fin(), frame.recordEnd());
            assertThat(verdict).as(context).isEqualTo(Verdict.OK);
            arrived.set((int) frame.offset(), (int) frame.end());
            highest = Math.max(highest, frame.end());
            if (frame.fin()) {
                finalSize = frame.end();
            }
            assertThat(buffer.highestOffset()).as(context).isEqualTo(highest);
            assertThat(buffer.contiguousOffset()).as(context).isEqualTo(arrived.nextClearBit(0));
            assertThat(buffer.finalSize()).as(context).isEqualTo(finalSize);
            assertThat(buffer.readableBytes()).as(context).isEqualTo(arrived.nextClearBit(0) - read.size());
            if (random.nextInt(3) == 0) {
                if (readRecords) {
                    ReceiveBuffer.Record record = buffer.readRecord();
                    if (record != null) {
                        records.add(describe(record.data(), record.complete(), read.size()));
                        read.write(record.data(), 0, record.data().length);
                    }
                } else {
                    byte[] bytes = buffer.read(random.nextInt(1, 3000));
                    read.write(bytes, 0, bytes.length);
                }
                assertThat(buffer.readOffset()).as(context).isEqualTo(read.size());
            }
        }
        assertThat(buffer.complete()).as(context).isTrue();
        if (readRecords) {
            for (ReceiveBuffer.Record record = buffer.readRecord(); record != null; record = buffer.readRecord()) {
                records.add(describe(record.data(), record.complete(), read.size()));
                read.write(record.data(), 0, record.data().length);
            }
            List<String> expected = new ArrayList<>();
            long start = 0;
            for (long boundary : boundaries) {
                expected.add(describe(Arrays.copyOfRange(stream, (int) start, (int) boundary), true, start));
                start = boundary;
            }
            if (start < stream.length) {
                expected.add(describe(Arrays.copyOfRange(stream, (int) start, stream.length), false, start));
            }
            assertThat(records).as(context).isEqualTo(expected);
        } else {
            byte[] rest = buffer.read(Integer.MAX_VALUE);
            read.write(rest, 0, rest.length);
        }
        assertThat(read.toByteArray()).as(context).isEqualTo(stream);
        assertThat(buffer.atEnd()).as(context).isTrue();
        assertThat(buffer.readRecord()).as(context).isNull();
        assertThat(buffer.read(10)).as(context).isEmpty();
    }

    /** Sends a frame that STR-FIN-2 forbids in the current state, and checks nothing changed. */
    private static void injectFinalSizeFault(ReceiveBuffer buffer, SplittableRandom random, long highest,
            long finalSize, String context) {
        long offset;
        byte[] data;
        boolean fin;
        if (finalSize >= 0) {
            if (random.nextBoolean()) {
                // data beyond the known final size
                offset = Math.max(0, finalSize - random.nextInt(0, 5));
                data = new byte[(int) (finalSize - offset) + random.nextInt(1, 5)];
                fin = random.nextBoolean();
            } else {
                // a FIN with another final size
                long other = random.nextBoolean() ? finalSize + random.nextInt(1, 5) : finalSize - random.nextInt(1, 5);
                if (other < 0) {
                    other = finalSize + 1;
                }
                offset = Math.max(0, other - random.nextInt(0, 3));
                data = new byte[(int) (other - offset)];
                fin = true;
            }
        } else if (highest > 0) {
            // a FIN below data already received
            long below = random.nextLong(0, highest);
            offset = Math.max(0, below - random.nextInt(0, 3));
            data = new byte[(int) (below - offset)];
            fin = true;
        } else {
            return;
        }
        long contiguous = buffer.contiguousOffset();
        boolean ready = buffer.recordReady();
        Verdict verdict = feed(buffer, offset, data, fin, random.nextBoolean());
        assertThat(verdict).as(context + ": fault at " + offset + "+" + data.length + " fin " + fin)
                .isEqualTo(Verdict.FINAL_SIZE_ERROR);
        assertThat(buffer.highestOffset()).as(context).isEqualTo(highest);
        assertThat(buffer.finalSize()).as(context).isEqualTo(finalSize);
        assertThat(buffer.contiguousOffset()).as(context).isEqualTo(contiguous);
        assertThat(buffer.recordReady()).as(context).isEqualTo(ready);
    }
}
