package org.sss.core.wire;

/**
 * DECONGESTION (type 4): congestion feedback from a receiver; layout: type, u8 subtype, body.
 *
 * @param feedback the subtype-specific body
 */
public record DecongestionFrame(FeedbackBody feedback) implements Frame {
    /** Checks that the body is present. */
    public DecongestionFrame {
        Wire.present(feedback, "feedback");
    }

    /** The subtype byte. */
    public CongestionFeedback subtype() {
        return feedback.subtype();
    }

    @Override
    public FrameType type() {
        return FrameType.DECONGESTION;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onDecongestion(this);
    }
}
