package org.sss.conformance.peer.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds message plaintexts (SPEC.md section 6.2): a header followed by frames, padded to a multiple
 * of 16 and at least 16 bytes. Sizes are not checked against the limits of section 3.3, so a scenario
 * can build a plaintext that is too large on purpose.
 */
public final class PlaintextEncoder {
    /** The smallest plaintext and the padding granule. */
    public static final int GRANULE = 16;

    private PlaintextEncoder() {
    }

    /**
     * A padded plaintext (CHN-PLAIN-1, CHN-PLAIN-3). Let {@code n} be the length of the header and
     * frames; {@code M = max(16, 16 · ⌈n / 16⌉)} and {@code g = M − n}. When the last frame delimits
     * itself, {@code g} zero bytes (EMPTY frames) are appended; when it is a STREAM frame without a
     * length field, the padding goes before it: {@code g} EMPTY frames for {@code g < 3}, otherwise
     * one PADDING frame of {@code 3 + L = g} bytes.
     */
    public static byte[] padded(PacketHeader header, List<? extends PeerFrame> frames) {
        return concat(header.encode(), FrameEncoder.encodeAll(paddedFrames(header, frames)));
    }

    /** The frames of {@link #padded}, padding included, so that callers can see what is sent. */
    public static List<PeerFrame> paddedFrames(PacketHeader header, List<? extends PeerFrame> frames) {
        int n = header.encode().length + FrameEncoder.encodeAll(frames).length;
        int m = Math.max(GRANULE, (n + GRANULE - 1) / GRANULE * GRANULE);
        int g = m - n;
        List<PeerFrame> out = new ArrayList<>(frames);
        if (g == 0) {
            return out;
        }
        PeerFrame last = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        boolean runsToEnd = last instanceof PeerFrame.Stream s && !s.has(PeerFrame.Stream.LENGTH);
        int at = runsToEnd ? out.size() - 1 : out.size();
        if (runsToEnd && g >= 3) {
            out.add(at, PeerFrame.Padding.zeros(g - 3));
        } else {
            for (int i = 0; i < g; i++) {
                out.add(at, new PeerFrame.Empty());
            }
        }
        return out;
    }

    /**
     * A plaintext padded like {@link #padded} but with the padding always placed before the last
     * frame, so that the last frame's bytes end the plaintext: for frames that run to the end on
     * purpose (truncated ones, unknown types, a STREAM frame without a length field).
     */
    public static byte[] paddedBeforeLast(PacketHeader header, List<? extends PeerFrame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no last frame to pad before");
        }
        int n = header.encode().length + FrameEncoder.encodeAll(frames).length;
        int g = Math.max(GRANULE, (n + GRANULE - 1) / GRANULE * GRANULE) - n;
        List<PeerFrame> out = new ArrayList<>(frames);
        if (g >= 3) {
            out.add(out.size() - 1, PeerFrame.Padding.zeros(g - 3));
        } else {
            for (int i = 0; i < g; i++) {
                out.add(out.size() - 1, new PeerFrame.Empty());
            }
        }
        return concat(header.encode(), FrameEncoder.encodeAll(out));
    }

    /** Header and frames with no padding at all (for plaintexts that are wrong on purpose). */
    public static byte[] unpadded(PacketHeader header, List<? extends PeerFrame> frames) {
        return concat(header.encode(), FrameEncoder.encodeAll(frames));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
