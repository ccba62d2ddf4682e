package org.sss.core.wire;

/**
 * MAX_DATA (type 10): raises the channel-wide flow-control limit. Layout: type, u64 limit.
 *
 * @param maxData the new limit in bytes (u64, unsigned bit pattern)
 */
public record MaxDataFrame(long maxData) implements Frame {
    @Override
    public FrameType type() {
        return FrameType.MAX_DATA;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onMaxData(this);
    }
}
