package org.sss.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sss.core.testing.TestSeed;

/**
 * Drives a {@link SendBuffer} with random writes, records, chunk sizes, flow limits, losses,
 * spurious losses, duplicates and acknowledgement orders, delivering what is acknowledged to a
 * {@link ReceiveBuffer} as the peer would, and checks every chunk against a model of the written
 * bytes.
 */
class SendBufferModelTest {

    private record Sent(long offset, byte[] data, boolean fin, boolean recordEnd) {
    }

    private static final class Round {
        final SplittableRandom random;
        final SendBuffer sender = new SendBuffer();
        final ReceiveBuffer peer = new ReceiveBuffer();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final TreeSet<Long> boundaries = new TreeSet<>();
        final List<ByteBuf> writes = new ArrayList<>();
        final List<Sent> inFlight = new ArrayList<>();
        long flowLimit;
        boolean finished;
        byte[] bytes = new byte[0];

        Round(SplittableRandom random) {
            this.random = random;
            this.flowLimit = random.nextInt(0, 3000);
        }

        void write() {
            int size = random.nextInt(6) == 0 ? 0 : random.nextInt(1, random.nextBoolean() ? 8 : 700);
            boolean recordEnd = random.nextInt(3) == 0;
            byte[] data = new byte[size];
            random.nextBytes(data);
            int skip = random.nextInt(3);
            ByteBuf buffer = random.nextBoolean() ? Unpooled.buffer(size + skip) : Unpooled.directBuffer(size + skip);
            buffer.writeZero(skip).writeBytes(data).skipBytes(skip);
            writes.add(buffer);
            sender.write(buffer, recordEnd);
            written.write(data, 0, size);
            bytes = written.toByteArray();
            if (recordEnd && bytes.length > 0) {
                boundaries.add((long) bytes.length);
            }
        }

        boolean send(int maxBytes) {
            boolean sendable = sender.hasSendable(flowLimit);
            SendBuffer.Chunk chunk = sender.next(maxBytes, flowLimit);
            assertThat(chunk != null).as("hasSendable agrees with next").isEqualTo(sendable);
            if (chunk == null) {
                return false;
            }
            byte[] data = ByteBufUtil.getBytes(chunk.data());
            chunk.data().release();
            long offset = chunk.offset();
            long end = offset + data.length;
            assertThat(data.length).isLessThanOrEqualTo(maxBytes);
            // STR-DATA-3: the same bytes at the same offset
            assertThat(data).isEqualTo(Arrays.copyOfRange(bytes, (int) offset, (int) end));
            // FRM-STREAM-9 / STR-REC-2: no boundary inside a chunk, RECORD exactly at a boundary
            Long inside = boundaries.higher(offset);
            assertThat(inside == null || inside >= end).as("boundary inside [%d, %d)", offset, end).isTrue();
            assertThat(chunk.recordEnd()).as("RECORD of [%d, %d)", offset, end).isEqualTo(boundaries.contains(end));
            if (chunk.fin()) {
                assertThat(finished).isTrue();
                assertThat(end).isEqualTo(bytes.length);
            }
            if (data.length == 0) {
                assertThat(chunk.fin()).as("an empty chunk carries FIN").isTrue();
            }
            assertThat(sender.sentOffset()).isLessThanOrEqualTo(Math.max(flowLimit, 0));
            inFlight.add(new Sent(offset, data, chunk.fin(), chunk.recordEnd()));
            return true;
        }

        void resolve(double lossRate) {
            Sent sent = inFlight.remove(random.nextInt(inFlight.size()));
            double draw = random.nextDouble();
            if (draw < lossRate) {
                sender.onLost(sent.offset, sent.data.length, sent.fin, sent.recordEnd);
            } else if (draw < lossRate * 1.3) {
                // declared lost, yet it arrived (spurious loss)
                deliver(sent);
                sender.onLost(sent.offset, sent.data.length, sent.fin, sent.recordEnd);
            } else {
                deliver(sent);
                if (random.nextInt(10) == 0) {
                    deliver(sent);
                }
                sender.onAcked(sent.offset, sent.data.length, sent.fin, sent.recordEnd);
            }
            assertThat(sender.unackedBytes()).isEqualTo(sender.writtenOffset() - sender.bytesAcknowledged());
            assertThat(sender.bytesAcknowledged()).isLessThanOrEqualTo(sender.writtenOffset());
        }

        void deliver(Sent sent) {
            ByteBuf data = Unpooled.wrappedBuffer(sent.data);
            assertThat(peer.onData(sent.offset, data, sent.fin, sent.recordEnd)).isEqualTo(ReceiveBuffer.Verdict.OK);
        }

        List<String> expectedRecords() {
            List<String> records = new ArrayList<>();
            long start = 0;
            for (long boundary : boundaries) {
                records.add(describe(Arrays.copyOfRange(bytes, (int) start, (int) boundary), true, start));
                start = boundary;
            }
            if (start < bytes.length) {
                records.add(describe(Arrays.copyOfRange(bytes, (int) start, bytes.length), false, start));
            }
            return records;
        }
    }

    /** A record as its kind, offset, length and content hash: short enough to read in a failure. */
    private static String describe(byte[] data, boolean complete, long offset) {
        return (complete ? "complete" : "partial") + " at " + offset + ", " + data.length + " bytes #"
                + Integer.toHexString(Arrays.hashCode(data));
    }

    @Test
    void everyByteIsDeliveredAndAcknowledgedWithItsRecordBoundaries() {
        long seed = TestSeed.forTest("SendBufferModelTest.everyByteIsDeliveredAndAcknowledgedWithItsRecordBoundaries");
        SplittableRandom random = new SplittableRandom(seed);
        for (int roundNumber = 0; roundNumber < 300; roundNumber++) {
            Round round = new Round(random.split());
            int steps = random.nextInt(1, 400);
            for (int step = 0; step < steps; step++) {
                int action = round.random.nextInt(100);
                if (action < 20 && !round.finished) {
                    round.write();
                } else if (action < 22 && round.written.size() > 0 && !round.finished) {
                    round.sender.finish();
                    round.finished = true;
                } else if (action < 60) {
                    round.send(round.random.nextInt(1, round.random.nextBoolean() ? 10 : 1400));
                } else if (action < 90) {
                    if (!round.inFlight.isEmpty()) {
                        round.resolve(0.25);
                    }
                } else if (action < 98) {
                    round.flowLimit += round.random.nextInt(0, 2000);
                } else {
                    round.sender.requeueUnacknowledged();
                }
            }
            if (!round.finished) {
                round.sender.finish();
                round.finished = true;
            }
            round.flowLimit = Long.MAX_VALUE;
            int guard = 0;
            while (!round.sender.allAcknowledged()) {
                if (++guard > 1_000_000) {
                    fail("no progress, seed " + seed + ", round " + roundNumber);
                }
                if (!round.send(round.random.nextInt(1, 1400)) && round.inFlight.isEmpty()) {
                    fail("nothing in flight, nothing to send, and not all acknowledged; seed " + seed
                            + ", round " + roundNumber);
                }
                while (!round.inFlight.isEmpty() && round.random.nextBoolean()) {
                    round.resolve(0.1);
                }
            }
            while (!round.inFlight.isEmpty()) {
                round.resolve(0.1);
            }
            SendBuffer sender = round.sender;
            assertThat(sender.bytesAcknowledged()).isEqualTo(round.bytes.length);
            assertThat(sender.ackedPrefix()).isEqualTo(round.bytes.length);
            assertThat(sender.unackedBytes()).isZero();
            assertThat(sender.hasSendable(Long.MAX_VALUE)).isFalse();
            assertThat(sender.next(1000, Long.MAX_VALUE)).isNull();
            for (ByteBuf write : round.writes) {
                assertThat(write.refCnt()).as("written buffers are all released").isZero();
            }
            ReceiveBuffer peer = round.peer;
            assertThat(peer.complete()).isTrue();
            assertThat(peer.finalSize()).isEqualTo(round.bytes.length);
            List<String> records = new ArrayList<>();
            long start = 0;
            for (ReceiveBuffer.Record record = peer.readRecord(); record != null; record = peer.readRecord()) {
                records.add(describe(record.data(), record.complete(), start));
                start += record.data().length;
            }
            assertThat(records).as("records, seed %d round %d", seed, roundNumber).isEqualTo(round.expectedRecords());
            assertThat(peer.atEnd()).isTrue();
        }
    }

    @Test
    void discardReleasesEveryBufferWhateverTheState() {
        long seed = TestSeed.forTest("SendBufferModelTest.discardReleasesEveryBufferWhateverTheState");
        SplittableRandom random = new SplittableRandom(seed);
        for (int roundNumber = 0; roundNumber < 200; roundNumber++) {
            Round round = new Round(random.split());
            int steps = random.nextInt(1, 200);
            for (int step = 0; step < steps; step++) {
                int action = round.random.nextInt(10);
                if (action < 3) {
                    round.write();
                } else if (action < 7) {
                    round.send(round.random.nextInt(1, 900));
                } else if (!round.inFlight.isEmpty()) {
                    round.resolve(0.3);
                }
            }
            round.sender.discard();
            for (ByteBuf write : round.writes) {
                assertThat(write.refCnt()).isZero();
            }
            assertThat(round.sender.next(1000, Long.MAX_VALUE)).isNull();
        }
    }
}
