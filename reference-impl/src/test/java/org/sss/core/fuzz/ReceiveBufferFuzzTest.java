package org.sss.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import java.util.BitSet;
import java.util.TreeSet;

/**
 * Stream reassembly (SPEC.md sections 8.4 and 8.6) against a plain model: the fuzzer chooses a
 * sequence of STREAM frame payloads (offset, length, FIN, RECORD) of one stream, whose byte at
 * offset {@code o} is always {@link #byteAt(long)}, interleaved with reads of bytes, records and
 * parts. Every read must hand out the next bytes of the stream in order, never one twice
 * (STR-DATA-1); a record ends only at an offset some frame marked (STR-REC-1); a frame is refused
 * exactly when it contradicts the final size (STR-FIN-2), and a refused frame changes nothing.
 * Frames stay within what the frame codec lets through: offset + length below 2^62, no empty frame
 * without FIN.
 */
class ReceiveBufferFuzzTest {
    /** The model tracks each byte below this offset; frames far above it only test the final-size rules. */
    private static final int NEAR = 1 << 16;
    private static final long MAX_END = (1L << 62) - 1;
    private static final int MAX_FRAME = 1200;
    private static final int MAX_STEPS = 300;

    private ReceiveBufferAccess buffer;
    private final BitSet received = new BitSet();
    private final TreeSet<Long> boundaries = new TreeSet<>();
    private long highest;
    private long finalSize;
    private long readOffset;

    @FuzzTest(maxDuration = "5m")
    void reassembly(FuzzedDataProvider in) {
        buffer = new ReceiveBufferAccess();
        received.clear();
        boundaries.clear();
        highest = 0;
        finalSize = -1;
        readOffset = 0;
        for (int step = 0; step < MAX_STEPS && in.remainingBytes() > 0; step++) {
            switch (in.consumeInt(0, 5)) {
                case 0, 1, 2 -> frame(in);
                case 3 -> read(in.consumeInt(0, 4096));
                case 4 -> readRecord();
                default -> readPart(in.consumeInt(1, 4096));
            }
            checkState();
        }
    }

    private void frame(FuzzedDataProvider in) {
        boolean far = in.consumeInt(0, 15) == 0;
        long offset;
        int length;
        if (far) {
            offset = in.consumeLong(MAX_END - (1 << 20), MAX_END);
            length = in.consumeInt(0, (int) Math.min(MAX_FRAME, MAX_END - offset));
        } else {
            offset = in.consumeLong(0, NEAR - 1);
            length = in.consumeInt(0, (int) Math.min(MAX_FRAME, NEAR - offset));
        }
        boolean fin = in.consumeBoolean() || length == 0;
        boolean recordEnd = in.consumeBoolean();
        long end = offset + length;
        boolean contradicts = finalSize >= 0 ? end > finalSize || (fin && end != finalSize) : fin && end < highest;

        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = byteAt(offset + i);
        }
        boolean accepted = buffer.onData(offset, Unpooled.wrappedBuffer(data), fin, recordEnd);
        // the caller reuses its plaintext buffer: the receive buffer must have copied what it keeps
        java.util.Arrays.fill(data, (byte) 0x5A);

        String what = String.format("frame [%d, %d) fin=%b record=%b, final size %d, highest %d", offset, end, fin,
                recordEnd, finalSize, highest);
        assertThat(accepted).as("STR-FIN-2 verdict for %s", what).isEqualTo(!contradicts);
        if (!accepted) {
            return;
        }
        if (fin) {
            finalSize = end;
        }
        highest = Math.max(highest, end);
        if (!far) {
            received.set((int) offset, (int) end);
        }
        if (recordEnd && (length > 0 || fin)) {
            boundaries.add(end);
        }
    }

    private void read(int maxBytes) {
        long expected = Math.min(maxBytes, contiguous() - readOffset);
        byte[] bytes = buffer.read(maxBytes);
        assertThat((long) bytes.length).as("read(%d) at %d", maxBytes, readOffset).isEqualTo(expected);
        delivered(bytes);
    }

    private void readRecord() {
        ReceiveBufferAccess.Part part = buffer.readRecord();
        if (part != null) {
            delivered(part.data());
            checkEnd(part);
        }
    }

    private void readPart(int maxBytes) {
        ReceiveBufferAccess.Part part = buffer.readPart(maxBytes);
        if (part != null) {
            assertThat(part.data().length).isLessThanOrEqualTo(maxBytes);
            delivered(part.data());
            // a part may stop anywhere (maxBytes, or the end of the contiguous bytes); a complete one at a boundary
            if (part.complete()) {
                assertThat(boundaries).as("a part completes a record where a frame put RECORD").contains(readOffset);
            }
        }
    }

    /** A complete record ends at a marked boundary; a partial one only at the final size (STR-REC-1). */
    private void checkEnd(ReceiveBufferAccess.Part part) {
        if (part.complete()) {
            assertThat(boundaries).as("a record ends where a frame put RECORD").contains(readOffset);
        } else {
            assertThat(readOffset).as("a partial record only at the end of the stream").isEqualTo(finalSize);
        }
    }

    /** STR-DATA-1: the bytes are the next ones of the stream, each once. */
    private void delivered(byte[] bytes) {
        assertThat(readOffset + bytes.length).as("only received bytes are read").isLessThanOrEqualTo(contiguous());
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != byteAt(readOffset + i)) {
                throw new AssertionError("byte at offset " + (readOffset + i) + " is " + bytes[i] + ", the stream has "
                        + byteAt(readOffset + i));
            }
        }
        readOffset += bytes.length;
    }

    /** The buffer's view of itself equals the model's (plain comparisons: this runs after every step). */
    private void checkState() {
        long contiguous = contiguous();
        boolean complete = finalSize >= 0 && contiguous >= finalSize;
        same("readOffset", buffer.readOffset(), readOffset);
        same("contiguousOffset", buffer.contiguousOffset(), contiguous);
        same("highestOffset", buffer.highestOffset(), highest);
        same("finalSize", buffer.finalSize(), finalSize);
        same("complete", buffer.complete() ? 1 : 0, complete ? 1 : 0);
        same("atEnd", buffer.atEnd() ? 1 : 0, complete && readOffset == finalSize ? 1 : 0);
        if (finalSize >= 0 && highest > finalSize) {
            throw new AssertionError("data above the final size " + finalSize + " was accepted: " + highest);
        }
    }

    private static void same(String what, long actual, long expected) {
        if (actual != expected) {
            throw new AssertionError(what + " is " + actual + ", the model says " + expected);
        }
    }

    private long contiguous() {
        return received.nextClearBit(0);
    }

    /** The stream's byte at {@code offset}: every copy of it, in any frame, is the same. */
    static byte byteAt(long offset) {
        long x = offset * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56);
    }
}
