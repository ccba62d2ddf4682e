package org.sss.core.wire;

/**
 * DETACH (type 5): the sender stops sending on this LSID on this channel. Layout: type, u32 LSID.
 *
 * @param lsid the stream's LSID
 */
public record DetachFrame(long lsid) implements Frame {
    /** Checks the field width. */
    public DetachFrame {
        Wire.u32(lsid, "lsid");
    }

    @Override
    public FrameType type() {
        return FrameType.DETACH;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onDetach(this);
    }
}
