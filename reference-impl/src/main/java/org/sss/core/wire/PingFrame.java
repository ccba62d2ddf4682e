package org.sss.core.wire;

/**
 * PING (type 14): a content-free, ack-eliciting frame used as keepalive and probe.
 */
public record PingFrame() implements Frame {
    /** The only value there is. */
    public static final PingFrame INSTANCE = new PingFrame();

    @Override
    public FrameType type() {
        return FrameType.PING;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onPing(this);
    }
}
