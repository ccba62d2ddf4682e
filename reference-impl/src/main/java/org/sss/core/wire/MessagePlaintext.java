package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * A whole message plaintext as a value: the header, the frames in wire order (trailing zero padding
 * appears as EMPTY frames) and any bytes after a CLOSE frame, which receivers ignore unparsed.
 * For dissectors, tests and tools; the channel hot path uses {@link FrameReader} with a visitor.
 *
 * @param header the packet header
 * @param frames the frames, in order
 * @param ignoredAfterClose the bytes after a CLOSE frame (empty when there is none); not parsed
 */
public record MessagePlaintext(PacketHeader header, List<Frame> frames, ByteBuf ignoredAfterClose) {
    /** Copies the frame list and checks that bytes after CLOSE only follow a CLOSE. */
    public MessagePlaintext {
        Wire.present(header, "header");
        frames = List.copyOf(Wire.present(frames, "frames"));
        Wire.present(ignoredAfterClose, "ignoredAfterClose");
        boolean endsWithClose = !frames.isEmpty() && frames.get(frames.size() - 1) instanceof CloseFrame;
        if (ignoredAfterClose.isReadable() && !endsWithClose) {
            throw new IllegalArgumentException("ignoredAfterClose needs a CLOSE frame as the last frame");
        }
        for (int i = 0; i < frames.size() - 1; i++) {
            if (frames.get(i) instanceof CloseFrame) {
                throw new IllegalArgumentException("frames: CLOSE must be the last frame, found at " + i);
            }
        }
    }

    /** A plaintext without bytes after CLOSE. */
    public MessagePlaintext(PacketHeader header, List<Frame> frames) {
        this(header, frames, Unpooled.EMPTY_BUFFER);
    }

    /** The encoded length: header, frames and ignored bytes, without further padding. */
    public int encodedLength() {
        int length = header.encodedLength() + ignoredAfterClose.readableBytes();
        for (Frame frame : frames) {
            length += FrameCodec.encodedLength(frame);
        }
        return length;
    }
}
