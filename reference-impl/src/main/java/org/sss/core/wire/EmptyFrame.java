package org.sss.core.wire;

/**
 * EMPTY (type 0): one byte of filler. Zero bytes at the end of a plaintext parse as EMPTY frames,
 * which is how padding to a multiple of 16 works.
 */
public record EmptyFrame() implements Frame {
    /** The only value there is. */
    public static final EmptyFrame INSTANCE = new EmptyFrame();

    @Override
    public FrameType type() {
        return FrameType.EMPTY;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onEmpty(this);
    }
}
