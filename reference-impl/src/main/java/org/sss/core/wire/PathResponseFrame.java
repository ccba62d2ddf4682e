package org.sss.core.wire;

/**
 * PATH_RESPONSE (type 16): echoes a PATH_CHALLENGE's 8 bytes, held here as a big-endian {@code long}.
 *
 * @param data the 8 echoed bytes
 */
public record PathResponseFrame(long data) implements Frame {
    @Override
    public FrameType type() {
        return FrameType.PATH_RESPONSE;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onPathResponse(this);
    }
}
