package org.sss.core.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction's outgoing bytes of a stream, from {@link #write} until acknowledged (SPEC.md
 * sections 8.4, 8.6 and 6.5). Offsets are stream offsets starting at 0.
 *
 * <p>Written buffers are kept as they came (no copy) until every byte below them is acknowledged.
 * {@link #next} cuts them into chunks: lost ranges first, then new data within the flow-control
 * limit, then a FIN alone. Record boundaries are remembered by offset, so a chunk ends at every
 * boundary whatever the chunk size, first transmission or retransmission (STR-REC-2). A boundary
 * placed by an empty write after its last byte was already sent without RECORD is conveyed by
 * sending that byte again, alone, with RECORD; to know exactly when that resend is acknowledged or
 * lost, pass the chunk's RECORD flag to {@link #onAcked(long, int, boolean, boolean)} and
 * {@link #onLost(long, int, boolean, boolean)}.
 *
 * <p>Not thread-safe (one event loop).
 */
final class SendBuffer {

    /**
     * One piece to send in a STREAM frame. The caller owns {@code data} and releases it.
     *
     * @param offset the stream offset of the first byte
     * @param data the bytes (empty only for a FIN alone)
     * @param fin whether the frame carries FIN (the chunk ends at the final size)
     * @param recordEnd whether the frame carries RECORD (FRM-STREAM-9)
     * @param retransmission whether any of it was sent before
     */
    record Chunk(long offset, ByteBuf data, boolean fin, boolean recordEnd, boolean retransmission) {
        /** The number of data bytes. */
        int length() {
            return data.readableBytes();
        }

        /** The stream offset just after the last byte. */
        long end() {
            return offset + data.readableBytes();
        }
    }

    private static final int INITIAL_SEGMENTS = 8;

    /** Written buffers not yet freed, a ring; {@code segmentStarts} holds each one's stream offset. */
    private ByteBuf[] segments = new ByteBuf[INITIAL_SEGMENTS];
    private long[] segmentStarts = new long[INITIAL_SEGMENTS];
    private int segmentHead;
    private int segmentCount;

    private final RangeSet acked = new RangeSet();
    private final RangeSet lost = new RangeSet();
    /** Record boundaries as unit ranges {@code [b, b + 1)}; those below the acknowledged prefix are dropped. */
    private final RangeSet boundaries = new RangeSet();
    private byte lastAckedByte;
    private boolean lastAckedEndsRecord;
    /**
     * Boundaries placed after their last byte had already been sent without RECORD, by offset, with
     * that byte: each is conveyed by resending the byte alone with RECORD (FRM-STREAM-9). Rare, so
     * both maps are created together, lazily.
     */
    private TreeMap<Long, Byte> pendingMarks;
    private TreeMap<Long, Byte> marksInFlight;

    private long written;
    private long sent;
    private long ackedPrefix;
    private long retransmitted;
    private byte lastByte;
    private boolean finished;
    private boolean finSent;
    private boolean finLost;
    private boolean finAcked;
    private boolean discarded;

    SendBuffer() {
    }

    /**
     * Appends data, taking ownership of {@code data} (released once acknowledged or discarded).
     * An empty write only places a record boundary at the current end, and is a no-op when there
     * is nothing to end (offset 0, or already a boundary) or {@code recordEnd} is false. After
     * {@link #discard()} data is released and ignored.
     *
     * @param data the bytes
     * @param recordEnd whether these bytes end a record (SPEC.md section 8.6)
     * @throws IllegalStateException after {@link #finish()}
     */
    void write(ByteBuf data, boolean recordEnd) {
        if (finished) {
            data.release();
            throw new IllegalStateException("write after finish");
        }
        if (discarded) {
            data.release();
            return;
        }
        int length = data.readableBytes();
        if (length == 0) {
            data.release();
            if (recordEnd && written > 0 && !boundaries.contains(written)) {
                boundaries.add(written, written + 1);
                if (sent == written) {
                    // SPEC FRM-STREAM-9: "RECORD on a frame exactly when the frame's last data byte
                    // ends a record" -- the last byte went out without RECORD, so it goes again with it.
                    addMark(written, lastByte);
                }
            }
            return;
        }
        lastByte = data.getByte(data.writerIndex() - 1);
        appendSegment(data, written);
        written += length;
        if (recordEnd) {
            boundaries.add(written, written + 1);
        }
    }

    /** Ends this direction after everything written: the FIN (idempotent). */
    void finish() {
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    /** The end of the written data; the final size once {@link #finished()}. */
    long writtenOffset() {
        return written;
    }

    /** The highest offset ever sent as new data (what flow control counts). */
    long sentOffset() {
        return sent;
    }

    /** Every byte below this offset is acknowledged. */
    long ackedPrefix() {
        return ackedPrefix;
    }

    /** Bytes written and not yet acknowledged (still buffered); 0 once discarded. */
    long unackedBytes() {
        return discarded ? 0 : written - acked.totalLength();
    }

    long bytesAcknowledged() {
        return acked.totalLength();
    }

    long bytesRetransmitted() {
        return retransmitted;
    }

    /** Whether lost ranges (or a lost FIN) wait to be sent again. */
    boolean hasRetransmission() {
        return !discarded && (!lost.isEmpty() || hasPendingMarks() || (finLost && !finAcked));
    }

    /** Whether bytes or a FIN were never sent. */
    boolean hasNewData() {
        return !discarded && (sent < written || (finished && !finSent));
    }

    /**
     * Whether {@link #next} would return a chunk: a retransmission, new data below
     * {@code flowLimit}, or a due FIN after all data (a FIN alone needs no credit).
     */
    boolean hasSendable(long flowLimit) {
        if (discarded) {
            return false;
        }
        return !lost.isEmpty()
                || hasPendingMarks()
                || (sent < written && sent < flowLimit)
                || (finDue() && sent == written);
    }

    /**
     * The next chunk to send, or null when nothing is sendable.
     *
     * @param maxBytes the most data bytes the chunk may hold, at least 1
     * @param flowLimit the stream offset new data must not reach beyond (SPEC.md section 6.7)
     */
    Chunk next(int maxBytes, long flowLimit) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (discarded) {
            return null;
        }
        if (!lost.isEmpty()) {
            long start = lost.firstStart();
            long end = Math.min(Math.min(lost.firstEnd(), start + maxBytes), boundaries.nextValueAfter(start));
            lost.remove(start, end);
            retransmitted += end - start;
            return chunk(start, end, true);
        }
        if (hasPendingMarks()) {
            Map.Entry<Long, Byte> mark = pendingMarks.pollFirstEntry();
            marksInFlight.put(mark.getKey(), mark.getValue());
            retransmitted++;
            ByteBuf data = Unpooled.wrappedBuffer(new byte[] {mark.getValue()});
            return new Chunk(mark.getKey() - 1, data, false, true, true);
        }
        if (sent < written && sent < flowLimit) {
            long start = sent;
            // SPEC STR-FIN-1: never beyond the final size; FC: never beyond the peer's limit.
            long end = Math.min(Math.min(written, start + maxBytes), Math.min(flowLimit, boundaries.nextValueAfter(start)));
            sent = end;
            return chunk(start, end, false);
        }
        if (finDue() && sent == written) {
            boolean again = finSent;
            finSent = true;
            finLost = false;
            // SPEC FRM-STREAM-9: a FIN with no data carries RECORD when the final byte ends a record.
            boolean recordEnd = written > 0 && boundaries.contains(written);
            return new Chunk(written, Unpooled.EMPTY_BUFFER, true, recordEnd, again);
        }
        return null;
    }

    /**
     * Records that a sent chunk was acknowledged; frees the bytes below the new acknowledged
     * prefix. Without the chunk's RECORD flag, a boundary placed after its byte had been sent (see
     * {@link #write}) counts as delivered when a one-byte chunk ending at it is acknowledged; prefer
     * {@link #onAcked(long, int, boolean, boolean)}, which is exact.
     */
    void onAcked(long offset, int length, boolean fin) {
        onAcked(offset, length, fin, length == 1);
    }

    /**
     * Records that a sent chunk was acknowledged; frees the bytes below the new acknowledged
     * prefix.
     *
     * @param recordEnd the chunk's {@link Chunk#recordEnd()}
     */
    void onAcked(long offset, int length, boolean fin, boolean recordEnd) {
        if (discarded) {
            return;
        }
        long end = Math.min(offset + length, written);
        if (offset < end) {
            acked.add(offset, end);
            lost.remove(offset, end);
        }
        if (recordEnd) {
            removeMark(offset + length);
        }
        if (fin && finSent) {
            finAcked = true;
            finLost = false;
            // Every FIN goes out after the last boundary was placed, so it carried RECORD for it.
            removeMark(written);
        }
        advancePrefix();
    }

    /** Records that a sent chunk was lost; see {@link #onLost(long, int, boolean, boolean)}. */
    void onLost(long offset, int length, boolean fin) {
        onLost(offset, length, fin, length == 1);
    }

    /**
     * Records that a sent chunk was lost: its parts not acknowledged since are sent again, and the
     * FIN when it carried one.
     *
     * @param recordEnd the chunk's {@link Chunk#recordEnd()}
     */
    void onLost(long offset, int length, boolean fin, boolean recordEnd) {
        if (discarded) {
            return;
        }
        requeue(offset, offset + length);
        if (recordEnd && marksInFlight != null) {
            Byte value = marksInFlight.remove(offset + length);
            if (value != null) {
                pendingMarks.put(offset + length, value);
            }
        }
        if (fin && finSent && !finAcked) {
            finLost = true;
        }
    }

    /** Finished, and every byte, boundary and the FIN acknowledged (the sending side's DataRecvd). */
    boolean allAcknowledged() {
        return !discarded && finished && finAcked && ackedPrefix == written
                && !hasPendingMarks() && (marksInFlight == null || marksInFlight.isEmpty());
    }

    /** Releases everything (SPEC STR-RESET-2); nothing is sendable afterwards. */
    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        while (segmentCount > 0) {
            releaseFirstSegment();
        }
        lost.clear();
        boundaries.clear();
        pendingMarks = null;
        marksInFlight = null;
    }

    boolean discarded() {
        return discarded;
    }

    /**
     * Makes everything sent but not acknowledged due again, the FIN included (used when the stream
     * moves to another channel, STR-ATTACH-5).
     */
    void requeueUnacknowledged() {
        if (discarded) {
            return;
        }
        requeue(ackedPrefix, sent);
        if (marksInFlight != null && !marksInFlight.isEmpty()) {
            pendingMarks.putAll(marksInFlight);
            marksInFlight.clear();
        }
        if (finSent && !finAcked) {
            finLost = true;
        }
    }

    private boolean finDue() {
        return finished && !finAcked && (!finSent || finLost);
    }

    private boolean hasPendingMarks() {
        return pendingMarks != null && !pendingMarks.isEmpty();
    }

    private void addMark(long boundary, byte value) {
        if (pendingMarks == null) {
            pendingMarks = new TreeMap<>();
            marksInFlight = new TreeMap<>();
        }
        pendingMarks.put(boundary, value);
    }

    private void removeMark(long boundary) {
        if (pendingMarks != null) {
            pendingMarks.remove(boundary);
            marksInFlight.remove(boundary);
        }
    }

    /** Marks the sent, unacknowledged parts of {@code [from, to)} lost. */
    private void requeue(long from, long to) {
        long end = Math.min(to, sent);
        long position = Math.max(from, ackedPrefix);
        while (position < end) {
            long covered = acked.coveredFrom(position);
            if (covered > position) {
                position = covered;
                continue;
            }
            long gapEnd = Math.min(acked.nextStartAtOrAfter(position), end);
            lost.add(position, gapEnd);
            position = gapEnd;
        }
    }

    private Chunk chunk(long start, long end, boolean retransmission) {
        boolean fin = finDue() && end == written;
        if (fin) {
            finSent = true;
            finLost = false;
        }
        // SPEC FRM-STREAM-9 / STR-REC-2: RECORD exactly when the chunk ends at a boundary; chunks
        // are cut at every boundary, so boundaries keep their offsets on retransmission.
        boolean recordEnd = boundaries.contains(end);
        return new Chunk(start, slice(start, end), fin, recordEnd, retransmission);
    }

    private void advancePrefix() {
        long prefix = acked.coveredFrom(0);
        if (prefix <= ackedPrefix) {
            return;
        }
        // the last acknowledged byte is kept, so that an attach can re-send it (see attachChunk)
        lastAckedByte = byteAt(prefix - 1);
        lastAckedEndsRecord = boundaries.contains(prefix);
        ackedPrefix = prefix;
        while (segmentCount > 0) {
            ByteBuf first = segments[segmentHead];
            if (segmentStarts[segmentHead] + first.readableBytes() > ackedPrefix) {
                break;
            }
            releaseFirstSegment();
        }
        boundaries.remove(0, ackedPrefix);
    }

    private byte byteAt(long offset) {
        int index = (segmentHead + segmentIndexOf(offset)) & (segments.length - 1);
        ByteBuf segment = segments[index];
        return segment.getByte(segment.readerIndex() + (int) (offset - segmentStarts[index]));
    }

    /**
     * A frame's worth that lets a stream be attached to another channel when it has nothing to send
     * (SPEC STR-ATTACH-1: an attach carries data or FIN at the stream's own offsets): the last
     * acknowledged byte again (STR-DATA-3: the same byte at the same offset; it needs no new credit),
     * or a FIN alone for a finished empty stream.
     *
     * @return the chunk, which the caller releases, or null when nothing was ever acknowledged
     */
    Chunk attachChunk() {
        if (discarded) {
            return null;
        }
        if (ackedPrefix == 0) {
            return finished ? new Chunk(0, Unpooled.EMPTY_BUFFER, true, false, true) : null;
        }
        long offset = ackedPrefix - 1;
        boolean fin = finished && ackedPrefix == written;
        return new Chunk(offset, Unpooled.wrappedBuffer(new byte[] {lastAckedByte}), fin, lastAckedEndsRecord, true);
    }

    /** Whether {@link #attachChunk()} has something to offer. */
    boolean canAttachWithoutData() {
        return !discarded && (ackedPrefix > 0 || finished);
    }

    private void appendSegment(ByteBuf data, long start) {
        if (segmentCount == segments.length) {
            ByteBuf[] grownSegments = new ByteBuf[segmentCount * 2];
            long[] grownStarts = new long[segmentCount * 2];
            for (int i = 0; i < segmentCount; i++) {
                int from = (segmentHead + i) & (segments.length - 1);
                grownSegments[i] = segments[from];
                grownStarts[i] = segmentStarts[from];
            }
            segments = grownSegments;
            segmentStarts = grownStarts;
            segmentHead = 0;
        }
        int at = (segmentHead + segmentCount) & (segments.length - 1);
        segments[at] = data;
        segmentStarts[at] = start;
        segmentCount++;
    }

    private void releaseFirstSegment() {
        segments[segmentHead].release();
        segments[segmentHead] = null;
        segmentHead = (segmentHead + 1) & (segments.length - 1);
        segmentCount--;
    }

    /** The ring index of the segment holding {@code offset}, which must be buffered. */
    private int segmentIndexOf(long offset) {
        int low = 0;
        int high = segmentCount - 1;
        int mask = segments.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (segmentStarts[(segmentHead + mid) & mask] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The bytes {@code [start, end)}: a retained slice of one buffer, or a copy when they span several. */
    private ByteBuf slice(long start, long end) {
        int length = (int) (end - start);
        int mask = segments.length - 1;
        int index = segmentIndexOf(start);
        ByteBuf segment = segments[(segmentHead + index) & mask];
        int within = (int) (start - segmentStarts[(segmentHead + index) & mask]);
        if (segment.readableBytes() - within >= length) {
            return segment.retainedSlice(segment.readerIndex() + within, length);
        }
        ByteBuf copy = segment.alloc().buffer(length);
        int remaining = length;
        while (remaining > 0) {
            int take = Math.min(remaining, segment.readableBytes() - within);
            copy.writeBytes(segment, segment.readerIndex() + within, take);
            remaining -= take;
            index++;
            within = 0;
            if (remaining > 0) {
                segment = segments[(segmentHead + index) & mask];
            }
        }
        return copy;
    }
}
