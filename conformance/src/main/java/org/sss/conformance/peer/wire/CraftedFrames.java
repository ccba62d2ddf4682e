package org.sss.conformance.peer.wire;

import java.util.Arrays;

/**
 * Frames that {@link PeerFrame} records cannot express because a length or count field disagrees
 * with what follows it, built byte by byte as {@link PeerFrame.Raw}: a STREAM frame whose
 * {@code len_data} or offset width is chosen freely, a frame cut short, a string whose length field
 * overstates it, a DECONGESTION body of any subtype and count. Nothing is validated; the point is
 * to send what SPEC.md section 7 forbids and watch the receiver's verdict.
 */
public final class CraftedFrames {
    private CraftedFrames() {
    }

    /**
     * A STREAM frame with every field given: {@code flags} is written as it is except that its
     * offset-width bits are replaced by {@code offsetWidth} (0 or 2 to 8 bytes), the parent with INIT,
     * the USID (24 zero bytes when null) with USID, {@code declaredLength} as {@code len_data} with
     * LENGTH, then {@code data}.
     */
    public static PeerFrame.Raw stream(int flags, long lsid, long parent, byte[] usid, int offsetWidth, long offset,
            int declaredLength, byte[] data) {
        if (offsetWidth == 1 || offsetWidth < 0 || offsetWidth > 8) {
            throw new IllegalArgumentException("offset widths are 0 or 2 to 8 bytes, not " + offsetWidth);
        }
        int code = offsetWidth == 0 ? 0 : offsetWidth - 1;
        int wireFlags = (flags & ~PeerFrame.Stream.OFFSET_MASK) | code << 10;
        ByteWriter w = new ByteWriter().u8(PeerFrame.STREAM).u16(wireFlags).u32(lsid);
        if ((wireFlags & PeerFrame.Stream.INIT) != 0) {
            w.u32(parent);
        }
        if ((wireFlags & PeerFrame.Stream.USID) != 0) {
            w.bytes(usid == null ? new byte[24] : usid);
        }
        if (offsetWidth > 0) {
            w.uN(offset, offsetWidth);
        }
        if ((wireFlags & PeerFrame.Stream.LENGTH) != 0) {
            w.u16(declaredLength);
        }
        return new PeerFrame.Raw(w.bytes(data).toByteArray());
    }

    /** A STREAM frame with a LENGTH field equal to the data length and the offset in {@code offsetWidth} bytes. */
    public static PeerFrame.Raw stream(int flags, long lsid, long parent, int offsetWidth, long offset, byte[] data) {
        return stream(flags | PeerFrame.Stream.LENGTH, lsid, parent, null, offsetWidth, offset, data.length, data);
    }

    /** The first {@code keep} bytes of {@code frame}'s encoding: a frame that ends too early. */
    public static PeerFrame.Raw truncated(PeerFrame frame, int keep) {
        byte[] all = FrameEncoder.encode(frame);
        if (keep >= all.length) {
            throw new IllegalArgumentException("keeping " + keep + " of " + all.length + " bytes cuts nothing");
        }
        return new PeerFrame.Raw(Arrays.copyOf(all, keep));
    }

    /**
     * A RESET frame whose reason length field claims {@code claimedLength} bytes while only the bytes
     * of {@code reason} follow.
     */
    public static PeerFrame.Raw resetOverstatingReason(long lsid, long errorCode, byte[] reason, int claimedLength) {
        return new PeerFrame.Raw(new ByteWriter().u8(PeerFrame.RESET).u32(lsid).u32(errorCode).u16(claimedLength)
                .bytes(reason).toByteArray());
    }

    /** A PADDING frame whose {@code len_padding} claims {@code claimedLength} while only {@code content} follows. */
    public static PeerFrame.Raw paddingOverstatingLength(int claimedLength, byte[] content) {
        return new PeerFrame.Raw(new ByteWriter().u8(PeerFrame.PADDING).u16(claimedLength).bytes(content)
                .toByteArray());
    }

    /** A DECONGESTION frame with any subtype byte and any body after it. */
    public static PeerFrame.Raw decongestion(int subtype, byte[] body) {
        return new PeerFrame.Raw(new ByteWriter().u8(PeerFrame.DECONGESTION).u8(subtype).bytes(body).toByteArray());
    }

    /** A CLOSE frame that ends right after its reason: no ack type byte and no final ACK. */
    public static PeerFrame.Raw closeWithoutAck(long errorCode, String reason) {
        return new PeerFrame.Raw(new ByteWriter().u8(PeerFrame.CLOSE).u32(errorCode).utf8(reason).toByteArray());
    }

    /** A frame of any type byte followed by {@code body}, for types the registry does not define. */
    public static PeerFrame.Raw ofType(int type, byte[] body) {
        return new PeerFrame.Raw(new ByteWriter().u8(type).bytes(body).toByteArray());
    }
}
