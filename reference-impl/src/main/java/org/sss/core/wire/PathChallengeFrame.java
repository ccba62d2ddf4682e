package org.sss.core.wire;

/**
 * PATH_CHALLENGE (type 15): asks the peer to echo 8 bytes from its new address.
 * Layout: type, 8 bytes, held here as a big-endian {@code long}.
 *
 * @param data the 8 challenge bytes
 */
public record PathChallengeFrame(long data) implements Frame {
    @Override
    public FrameType type() {
        return FrameType.PATH_CHALLENGE;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onPathChallenge(this);
    }
}
