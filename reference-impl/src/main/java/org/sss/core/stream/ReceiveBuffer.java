package org.sss.core.stream;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction's incoming bytes of a stream: reassembly, record boundaries and the final size
 * (SPEC.md sections 8.4 and 8.6).
 *
 * <p>Received bytes are copied once into segments keyed by stream offset; a byte already held (or
 * already read) is never stored again, so duplicates and overlaps cost nothing but the check.
 * Memory is bounded by the caller's flow control, which checks {@link #highestOffset()} against its
 * limit before passing data in. Not thread-safe (one event loop).
 */
final class ReceiveBuffer {

    /** What {@link #onData} made of a frame. */
    enum Verdict {
        /** Accepted (duplicates included). */
        OK,
        /** SPEC STR-FIN-2: the frame contradicts the final size; nothing was changed. */
        FINAL_SIZE_ERROR
    }

    /**
     * A record read whole, or the bytes after the last boundary at the end of the stream.
     *
     * @param data the record's bytes
     * @param complete false for the final partial record (bytes before FIN with no boundary after them)
     */
    record Record(byte[] data, boolean complete) {
    }

    private static final byte[] NO_BYTES = new byte[0];

    /** Received, unread bytes by stream offset; segments never overlap. */
    private final TreeMap<Long, byte[]> segments = new TreeMap<>();
    /** Every offset received, read bytes included ({@code [0, readOffset)} is one range). */
    private final RangeSet received = new RangeSet();
    /** Record boundaries above the read offset, as unit ranges {@code [b, b + 1)}. */
    private final RangeSet boundaries = new RangeSet();
    private long highest;
    private long readOffset;
    /** The highest boundary reported to the application, so that a repeated RECORD is reported once. */
    private long lastReportedBoundary;
    /** A boundary at the read offset that arrived after its bytes were read (see {@link #onData}). */
    private boolean lateBoundary;
    private long finalSize = -1;
    private boolean discarded;

    ReceiveBuffer() {
    }

    /**
     * Takes in one frame's data. {@code data} is only borrowed: the bytes needed are copied and its
     * indices are left alone.
     *
     * @param offset the stream offset of the first byte
     * @param data the bytes, from its reader index
     * @param fin whether the frame carries FIN
     * @param recordEnd whether the frame carries RECORD
     * @return {@link Verdict#FINAL_SIZE_ERROR}, with no state change, when the frame contradicts the
     *     final size
     */
    Verdict onData(long offset, ByteBuf data, boolean fin, boolean recordEnd) {
        int length = data.readableBytes();
        long end = offset + length;
        if (finalSize >= 0) {
            // SPEC STR-FIN-2: "data beyond a known final size, a FIN with a final size that differs
            // from an earlier one"
            if (end > finalSize || (fin && end != finalSize)) {
                return Verdict.FINAL_SIZE_ERROR;
            }
        } else if (fin && end < highest) {
            // SPEC STR-FIN-2: "a FIN whose final size is below data already received"
            return Verdict.FINAL_SIZE_ERROR;
        }
        if (discarded) {
            return Verdict.OK;
        }
        if (fin) {
            finalSize = end;
        }
        highest = Math.max(highest, end);
        // SPEC FRM-STREAM-9: RECORD marks the end of the frame's data, or the final size for a FIN
        // alone; boundaries at or below the read offset concern records already delivered.
        if (recordEnd && (length > 0 || fin)) {
            if (end > readOffset) {
                boundaries.add(end, end + 1);
            } else if (end == readOffset && end > lastReportedBoundary) {
                // SPEC STR-REC-1: the bytes were read before the boundary arrived (a FIN alone carried
                // RECORD); it is still reported, at its offset, as an empty complete part
                lateBoundary = true;
            }
        }
        store(offset, data);
        return Verdict.OK;
    }

    /** The highest offset plus length received (what flow control counts). */
    long highestOffset() {
        return highest;
    }

    /** Every byte below this offset has arrived. */
    long contiguousOffset() {
        return received.coveredFrom(0);
    }

    /** The bytes delivered to the application so far. */
    long readOffset() {
        return readOffset;
    }

    /** Contiguous bytes not yet read, capped at {@link Integer#MAX_VALUE}. */
    int readableBytes() {
        if (discarded) {
            return 0;
        }
        return (int) Math.min(contiguousOffset() - readOffset, Integer.MAX_VALUE);
    }

    boolean finReceived() {
        return finalSize >= 0;
    }

    /** The final size, or -1 while no FIN has arrived. */
    long finalSize() {
        return finalSize;
    }

    /** FIN received and every byte up to the final size arrived (the receiving side's DataRecvd). */
    boolean complete() {
        return finalSize >= 0 && contiguousOffset() >= finalSize;
    }

    /** {@link #complete()} and everything read. */
    boolean atEnd() {
        return complete() && readOffset == finalSize;
    }

    /**
     * Reads up to {@code maxBytes} contiguous bytes, ignoring record boundaries (SPEC STR-DATA-1:
     * in offset order, each byte once).
     *
     * @return the bytes, an empty array when none is readable
     */
    byte[] read(int maxBytes) {
        if (discarded) {
            return NO_BYTES;
        }
        int count = (int) Math.min(Math.max(maxBytes, 0), contiguousOffset() - readOffset);
        byte[] bytes = count > 0 ? take(count) : NO_BYTES;
        // a reader of plain bytes is told of no boundary, late ones included
        lastReportedBoundary = readOffset;
        lateBoundary = false;
        return bytes;
    }

    /**
     * Reads the next record once all its bytes have arrived (SPEC STR-REC-1): the bytes up to the
     * next boundary; at the end of the stream the bytes after the last boundary, if any, as a
     * partial record.
     *
     * @return the record, or null when none is ready
     */
    Record readRecord() {
        if (discarded) {
            return null;
        }
        if (lateBoundary) {
            return takeLateBoundary();
        }
        long boundary = boundaries.nextValueAfter(readOffset);
        if (boundary != Long.MAX_VALUE) {
            if (boundary > contiguousOffset()) {
                return null;
            }
            lastReportedBoundary = boundary;
            // Flow control keeps a stream's buffered bytes far below 2 GiB.
            return new Record(take(Math.toIntExact(boundary - readOffset)), true);
        }
        if (complete() && readOffset < finalSize) {
            return new Record(take(Math.toIntExact(finalSize - readOffset)), false);
        }
        return null;
    }

    /** Whether {@link #readRecord()} would return a record. */
    /**
     * Reads up to {@code maxBytes} in-order bytes, stopping at the next record boundary.
     *
     * @return the bytes, with {@code complete} true when they end at a record boundary; null when
     *     nothing is readable
     */
    Record readPart(int maxBytes) {
        if (lateBoundary && !discarded) {
            return takeLateBoundary();
        }
        if (discarded || readableBytes() == 0) {
            return null;
        }
        long limit = Math.min(readOffset + maxBytes, contiguousOffset());
        long boundary = boundaries.nextValueAfter(readOffset);
        boolean complete = boundary != Long.MAX_VALUE && boundary <= limit;
        if (complete) {
            limit = boundary;
            lastReportedBoundary = boundary;
        }
        return new Record(take((int) (limit - readOffset)), complete);
    }

    boolean recordReady() {
        if (discarded) {
            return false;
        }
        if (lateBoundary) {
            return true;
        }
        long boundary = boundaries.nextValueAfter(readOffset);
        if (boundary != Long.MAX_VALUE) {
            return boundary <= contiguousOffset();
        }
        return complete() && readOffset < finalSize;
    }

    private Record takeLateBoundary() {
        lateBoundary = false;
        lastReportedBoundary = readOffset;
        return new Record(NO_BYTES, true);
    }

    /** Frees everything (RESET, or a discarded datagram); later data is ignored and nothing is readable. */
    void discard() {
        discarded = true;
        segments.clear();
        boundaries.clear();
    }

    /** Copies the parts of {@code [offset, offset + length)} not yet received. */
    private void store(long offset, ByteBuf data) {
        long end = offset + data.readableBytes();
        long position = Math.max(offset, readOffset);
        while (position < end) {
            long covered = received.coveredFrom(position);
            if (covered > position) {
                position = covered;
                continue;
            }
            long gapEnd = Math.min(received.nextStartAtOrAfter(position), end);
            byte[] bytes = new byte[(int) (gapEnd - position)];
            data.getBytes(data.readerIndex() + (int) (position - offset), bytes);
            segments.put(position, bytes);
            received.add(position, gapEnd);
            position = gapEnd;
        }
    }

    /** Removes and returns the next {@code count} bytes, which must all have arrived. */
    private byte[] take(int count) {
        byte[] out = new byte[count];
        int copied = 0;
        while (copied < count) {
            Map.Entry<Long, byte[]> first = segments.firstEntry();
            byte[] segment = first.getValue();
            int within = (int) (readOffset - first.getKey());
            int chunk = Math.min(segment.length - within, count - copied);
            System.arraycopy(segment, within, out, copied, chunk);
            copied += chunk;
            readOffset += chunk;
            if (within + chunk == segment.length) {
                segments.pollFirstEntry();
            }
        }
        boundaries.remove(0, readOffset + 1);
        return out;
    }
}
