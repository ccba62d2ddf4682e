package org.sss.core.wire;

/**
 * BLOCKED (type 12): the sender has data it cannot send because of a flow-control limit.
 * Layout: type, u32 LSID (0 = the channel-wide limit), u64 limit.
 *
 * @param lsid the blocked stream, or 0 for the channel
 * @param limit the limit that blocks (u64, unsigned bit pattern)
 */
public record BlockedFrame(long lsid, long limit) implements Frame {
    /** Checks the field width. */
    public BlockedFrame {
        Wire.u32(lsid, "lsid");
    }

    @Override
    public FrameType type() {
        return FrameType.BLOCKED;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onBlocked(this);
    }
}
