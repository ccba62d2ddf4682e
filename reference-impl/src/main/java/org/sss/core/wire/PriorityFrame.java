package org.sss.core.wire;

/**
 * PRIORITY (type 9): changes a stream's priority. Layout: type, u32 LSID, u32 priority.
 *
 * @param lsid the stream's LSID
 * @param priority the new priority; 0 is the highest
 */
public record PriorityFrame(long lsid, long priority) implements Frame {
    /** Checks the field widths. */
    public PriorityFrame {
        Wire.u32(lsid, "lsid");
        Wire.u32(priority, "priority");
    }

    @Override
    public FrameType type() {
        return FrameType.PRIORITY;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onPriority(this);
    }
}
