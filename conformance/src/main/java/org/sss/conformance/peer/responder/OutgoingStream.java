package org.sss.conformance.peer.responder;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.TreeSet;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * The responder's direction of one stream: bytes queued with their record boundaries and FIN, cut
 * into STREAM frames (with LENGTH, split at record boundaries so that RECORD marks each one) as room
 * and credit allow. A stream the responder opens carries INIT and its parent (STR-OPEN-1); a
 * best-effort datagram, the only kind it opens, also NOACK on every frame (STR-DGRAM-1, STR-DGRAM-2).
 */
final class OutgoingStream {
    /** The largest STREAM frame header: type, flags, LSID, parent, 8-byte offset, length. */
    static final int MAX_FRAME_OVERHEAD = 1 + 2 + 4 + 4 + 8 + 2;

    final long lsid;
    final long parent;
    final boolean opened;
    final boolean bestEffort;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final TreeSet<Long> recordEnds = new TreeSet<>();
    private boolean fin;
    private boolean finSent;
    private long sent;

    /**
     * @param opened whether the responder opens the stream (INIT with {@code parent})
     * @param bestEffort whether every frame carries NOACK
     */
    OutgoingStream(long lsid, long parent, boolean opened, boolean bestEffort) {
        this.lsid = lsid;
        this.parent = parent;
        this.opened = opened;
        this.bestEffort = bestEffort;
    }

    void write(byte[] bytes, boolean endsRecord) {
        data.write(bytes, 0, bytes.length);
        if (endsRecord && bytes.length > 0) {
            recordEnds.add((long) data.size());
        }
    }

    void finish() {
        fin = true;
    }

    /** The offset up to which data has been framed. */
    long sentOffset() {
        return sent;
    }

    boolean hasPending() {
        return sent < data.size() || fin && !finSent;
    }

    /**
     * The next frame: at most {@code room} bytes of frame and at most {@code credit} new bytes, or null
     * when nothing fits.
     */
    PeerFrame.Stream next(int room, long credit) {
        int space = (int) Math.min(room - MAX_FRAME_OVERHEAD, credit);
        if (space < 0 || (space == 0 && sent < data.size())) {
            return null;
        }
        long end = Math.min((long) data.size(), sent + space);
        Long boundary = recordEnds.higher(sent);
        if (boundary != null && boundary < end) {
            end = boundary;
        }
        byte[] chunk = Arrays.copyOfRange(data.toByteArray(), (int) sent, (int) end);
        PeerFrame.Stream frame = PeerFrame.Stream.data(lsid, sent, chunk);
        if (recordEnds.contains(end) && end > sent) {
            frame = frame.with(PeerFrame.Stream.RECORD);
        }
        if (fin && end == data.size()) {
            frame = frame.with(PeerFrame.Stream.FIN);
            finSent = true;
        }
        if (opened) {
            frame = frame.opening(parent);
        }
        if (bestEffort) {
            frame = frame.with(PeerFrame.Stream.NOACK);
        }
        sent = end;
        return frame;
    }
}
