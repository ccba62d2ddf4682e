package org.sss.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * What the target sent on one LSID: the bytes in offset order without gaps (STR-DATA-1), the record
 * boundaries where the target placed them (STR-REC-1), the final size once FIN arrived, and a RESET
 * if one came, and how the target opened it (parent, USID, NOACK). Out-of-order data is held until the gap
 * before it fills (STR-DATA-2).
 */
public final class StreamInbox {
    private final long lsid;
    private final ByteArrayOutputStream contiguous = new ByteArrayOutputStream();
    private final TreeMap<Long, byte[]> held = new TreeMap<>();
    private final TreeSet<Long> recordEnds = new TreeSet<>();
    private long highestOffset;
    private Long finalSize;
    private Long resetCode;
    private String resetReason;
    private boolean conflictingFin;
    private Long parentLsid;
    private byte[] usid;
    private int noackFrames;
    private int initFrames;
    private int streamFrames;

    StreamInbox(long lsid) {
        this.lsid = lsid;
    }

    /**
     * What the target sent for one stream over several attachments (section 8.9), merged by offset as
     * STR-ATTACH-6 merges them: {@code frames} replayed in order into a fresh inbox.
     *
     * @param lsid the LSID to name the merged stream by
     */
    public static StreamInbox merged(long lsid, List<PeerFrame.Stream> frames) {
        StreamInbox inbox = new StreamInbox(lsid);
        frames.forEach(inbox::onStream);
        return inbox;
    }

    /** The LSID. */
    public long lsid() {
        return lsid;
    }

    void onStream(PeerFrame.Stream frame) {
        long offset = frame.offset();
        byte[] data = frame.data();
        long end = offset + data.length;
        highestOffset = Math.max(highestOffset, end);
        streamFrames++;
        if (frame.has(PeerFrame.Stream.NOACK)) {
            noackFrames++;
        }
        if (frame.has(PeerFrame.Stream.INIT)) {
            initFrames++;
        }
        if (frame.has(PeerFrame.Stream.INIT) && parentLsid == null) {
            parentLsid = frame.parentLsid();
        }
        if (frame.has(PeerFrame.Stream.USID) && usid == null) {
            usid = frame.usid();
        }
        if (frame.has(PeerFrame.Stream.RECORD)) {
            // FRM-STREAM-9: the frame's last data byte ends a record; with FIN and no data, the final byte
            recordEnds.add(end);
        }
        if (frame.has(PeerFrame.Stream.FIN)) {
            if (finalSize != null && finalSize != end) {
                conflictingFin = true;
            }
            finalSize = end;
        }
        if (end > contiguous.size() && data.length > 0) {
            held.merge(offset, data, (a, b) -> a.length >= b.length ? a : b);
        }
        drain();
    }

    void onReset(PeerFrame.Reset reset) {
        resetCode = reset.errorCode();
        resetReason = reset.reason();
    }

    private void drain() {
        while (!held.isEmpty()) {
            Map.Entry<Long, byte[]> first = held.firstEntry();
            long have = contiguous.size();
            if (first.getKey() > have) {
                return;
            }
            held.pollFirstEntry();
            byte[] data = first.getValue();
            long skip = have - first.getKey();
            if (skip < data.length) {
                contiguous.write(data, (int) skip, (int) (data.length - skip));
            }
        }
    }

    /** The bytes received from offset 0 without a gap. */
    public byte[] bytes() {
        return contiguous.toByteArray();
    }

    /** How many bytes arrived in order so far. */
    public long contiguousLength() {
        return contiguous.size();
    }

    /** The highest {@code offset + length} seen (what flow control counts, section 6.7). */
    public long highestOffset() {
        return highestOffset;
    }

    /** The final size once a FIN arrived, else null. */
    public Long finalSize() {
        return finalSize;
    }

    /** Whether two FINs disagreed on the final size (a FINAL_SIZE_ERROR by the target). */
    public boolean sawConflictingFin() {
        return conflictingFin;
    }

    /** Whether FIN arrived and every byte before it. */
    public boolean isFinished() {
        return finalSize != null && contiguous.size() == finalSize;
    }

    /** The stream offsets at which records end. */
    public NavigableSet<Long> recordBoundaries() {
        return new TreeSet<>(recordEnds);
    }

    /**
     * The contiguous bytes cut at every record boundary; bytes after the last boundary form a final
     * partial record (section 8.6).
     */
    public List<byte[]> records() {
        byte[] all = bytes();
        List<byte[]> out = new ArrayList<>();
        long start = 0;
        for (long end : recordEnds) {
            if (end > all.length) {
                break;
            }
            out.add(Arrays.copyOfRange(all, (int) start, (int) end));
            start = end;
        }
        if (start < all.length) {
            out.add(Arrays.copyOfRange(all, (int) start, all.length));
        }
        return out;
    }

    /** Whether a RESET arrived. */
    public boolean isReset() {
        return resetCode != null;
    }

    /** The RESET's error code, or null. */
    public Long resetCode() {
        return resetCode;
    }

    /** The RESET's reason, or null. */
    public String resetReason() {
        return resetReason;
    }

    /** The parent named by the first frame with INIT, or null when none had INIT (a stream the peer opened). */
    public Long parentLsid() {
        return parentLsid;
    }

    /** The USID of the first frame with INIT and USID (an attach, section 8.9), or null. */
    public byte[] usid() {
        return usid == null ? null : usid.clone();
    }

    /** How many STREAM frames arrived on the LSID, retransmissions included. */
    public int streamFrames() {
        return streamFrames;
    }

    /** How many of them had INIT set. */
    public int initFrames() {
        return initFrames;
    }

    /** How many of them had NOACK set (section 8.7: all or none, STR-DGRAM-3). */
    public int noackFrames() {
        return noackFrames;
    }

    @Override
    public String toString() {
        return "StreamInbox[lsid=" + lsid + ", contiguous=" + contiguous.size() + ", highest=" + highestOffset
                + ", records=" + recordEnds + ", final=" + finalSize + ", reset=" + resetCode + ", parent=" + parentLsid
                + ", frames=" + streamFrames + ", noack=" + noackFrames + "]";
    }
}
