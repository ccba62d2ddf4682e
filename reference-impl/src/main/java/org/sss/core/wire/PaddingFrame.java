package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * PADDING (type 3): filler of exactly L bytes, ignored by the receiver. Layout: type, u16 L, L bytes.
 * The content is kept (as a slice, see the package rules) so that received frames re-encode exactly;
 * senders use {@link #zeros(int)}.
 *
 * @param padding the filler bytes, at most 65535
 */
public record PaddingFrame(ByteBuf padding) implements Frame {
    private static final ByteBuf ZEROS = Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(new byte[WireLimits.MAX_U16]).asReadOnly());

    /** Checks the length. */
    public PaddingFrame {
        Wire.present(padding, "padding");
        if (padding.readableBytes() > WireLimits.MAX_U16) {
            throw new IllegalArgumentException("padding is " + padding.readableBytes() + " bytes; at most 65535");
        }
    }

    /** A PADDING frame of {@code length} zero bytes (3 + length bytes on the wire). */
    public static PaddingFrame zeros(int length) {
        if (length < 0 || length > WireLimits.MAX_U16) {
            throw new IllegalArgumentException("length must be in [0, 65535], got " + length);
        }
        return new PaddingFrame(ZEROS.slice(0, length));
    }

    /** The padding length L. */
    public int length() {
        return padding.readableBytes();
    }

    @Override
    public FrameType type() {
        return FrameType.PADDING;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onPadding(this);
    }

    @Override
    public String toString() {
        return "PaddingFrame[length=" + length() + "]";
    }
}
