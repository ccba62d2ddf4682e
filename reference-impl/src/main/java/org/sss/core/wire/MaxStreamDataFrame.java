package org.sss.core.wire;

/**
 * MAX_STREAM_DATA (type 11): raises one stream's flow-control limit. Layout: type, u32 LSID, u64 limit.
 *
 * @param lsid the stream's LSID
 * @param maxStreamData the new highest allowed offset (u64, unsigned bit pattern)
 */
public record MaxStreamDataFrame(long lsid, long maxStreamData) implements Frame {
    /** Checks the field width. */
    public MaxStreamDataFrame {
        Wire.u32(lsid, "lsid");
    }

    @Override
    public FrameType type() {
        return FrameType.MAX_STREAM_DATA;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onMaxStreamData(this);
    }
}
