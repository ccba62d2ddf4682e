package org.sss.conformance.peer.responder;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * The initiator's direction of one stream: its bytes in offset order without gaps, the record
 * boundaries it placed, its final size once FIN arrived, and whether it was reset.
 */
final class IncomingStream {
    final long lsid;
    final long parent;
    final boolean bestEffort;
    private final ByteArrayOutputStream contiguous = new ByteArrayOutputStream();
    private final TreeMap<Long, byte[]> held = new TreeMap<>();
    private final TreeSet<Long> recordEnds = new TreeSet<>();
    private Long finalSize;
    private boolean reset;
    private int frames;
    private boolean singleFrameDatagram;
    private long highestEnd;

    IncomingStream(long lsid, long parent, boolean bestEffort) {
        this.lsid = lsid;
        this.parent = parent;
        this.bestEffort = bestEffort;
    }

    void onFrame(PeerFrame.Stream frame) {
        frames++;
        singleFrameDatagram = frames == 1 && frame.offset() == 0 && frame.has(PeerFrame.Stream.INIT)
                && frame.has(PeerFrame.Stream.NOACK) && frame.has(PeerFrame.Stream.FIN);
        long end = frame.offset() + frame.data().length;
        highestEnd = Math.max(highestEnd, end);
        if (frame.has(PeerFrame.Stream.RECORD)) {
            recordEnds.add(end);
        }
        if (frame.has(PeerFrame.Stream.FIN)) {
            finalSize = end;
        }
        if (frame.data().length > 0 && end > contiguous.size()) {
            held.merge(frame.offset(), frame.data(), (a, b) -> a.length >= b.length ? a : b);
        }
        while (!held.isEmpty() && held.firstKey() <= contiguous.size()) {
            Map.Entry<Long, byte[]> first = held.pollFirstEntry();
            long skip = contiguous.size() - first.getKey();
            byte[] data = first.getValue();
            if (skip < data.length) {
                contiguous.write(data, (int) skip, (int) (data.length - skip));
            }
        }
    }

    /** Whether the stream came as exactly one STREAM frame with INIT, NOACK and FIN at offset 0 (STR-DGRAM-1). */
    boolean isSingleFrameDatagram() {
        return singleFrameDatagram;
    }

    void onReset() {
        reset = true;
    }

    boolean isReset() {
        return reset;
    }

    byte[] bytes() {
        return contiguous.toByteArray();
    }

    /** The largest offset end of any STREAM frame received, gaps or not. */
    long highestEnd() {
        return highestEnd;
    }

    int length() {
        return contiguous.size();
    }

    TreeSet<Long> recordEnds() {
        return new TreeSet<>(recordEnds);
    }

    /** FIN arrived and every byte before it. */
    boolean isFinished() {
        return finalSize != null && contiguous.size() == finalSize;
    }
}
