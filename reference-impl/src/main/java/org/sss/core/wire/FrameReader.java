package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a message plaintext (the contents of a MESSAGE box, or the message inside INITIATE):
 * checks its length, decodes the header, then every frame up to the end or up to a CLOSE frame.
 *
 * <p>A plaintext is processed whole or not at all: every frame is decoded and checked before the
 * first visitor call, so a visitor never sees frames of a plaintext that turns out to be malformed.
 * Frames are then delivered in wire order, including each EMPTY frame of the padding.
 *
 * <p>Byte fields of delivered frames are slices of the plaintext buffer, valid while it is: in
 * practice during the visitor call, after which the channel releases the buffer. A visitor that
 * keeps data copies it or retains a slice.
 *
 * <p>An instance reuses one frame list between calls, so it is not thread-safe: use one per channel
 * (or per event loop). {@link #decode(ByteBuf)} is a stateless alternative that returns the frames.
 */
public final class FrameReader {
    private final List<Frame> frames = new ArrayList<>();
    private boolean dispatching;

    /**
     * Reads {@code plaintext}'s readable bytes and calls {@code visitor} once per frame if all of
     * them are valid.
     *
     * @return the header, or why the plaintext is dropped (the channel then closes with the reason's error code)
     */
    public DecodeResult<PacketHeader> read(ByteBuf plaintext, FrameVisitor visitor) {
        List<Frame> sink = dispatching ? new ArrayList<>() : frames;
        try {
            DecodeResult<PacketHeader> header = decodeInto(plaintext, sink);
            if (!header.isOk()) {
                return header;
            }
            dispatching = true;
            for (int i = 0; i < sink.size(); i++) {
                sink.get(i).accept(visitor);
            }
            return header;
        } finally {
            if (sink == frames) {
                dispatching = false;
                frames.clear();
            }
        }
    }

    /**
     * Decodes {@code plaintext}'s readable bytes into a {@link MessagePlaintext}. Stateless.
     */
    public static DecodeResult<MessagePlaintext> decode(ByteBuf plaintext) {
        List<Frame> sink = new ArrayList<>();
        DecodeResult<PacketHeader> header = decodeInto(plaintext, sink);
        if (!header.isOk()) {
            return header.asFailure();
        }
        return DecodeResult.ok(new MessagePlaintext(header.value(), sink, plaintext.readSlice(plaintext.readableBytes())));
    }

    /**
     * Checks the length, decodes the header and the frames into {@code sink}; leaves the reader
     * index after the last frame processed (at the end, or after CLOSE).
     */
    private static DecodeResult<PacketHeader> decodeInto(ByteBuf in, List<Frame> sink) {
        int length = in.readableBytes();
        // SPEC CHN-PLAIN-1, PKT-SIZE-4: the plaintext length M is a multiple of 16 between 16 and 1168
        if (length % WireLimits.PLAINTEXT_BLOCK != 0 || length < WireLimits.MIN_PLAINTEXT
                || length > WireLimits.MAX_PLAINTEXT) {
            return DecodeResult.failed(DropReason.BAD_PACKET_LENGTH,
                    "plaintext of %d bytes; M must be a multiple of 16 in [16, 1168]", length);
        }
        DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(in);
        if (!header.isOk()) {
            sink.clear();
            return header;
        }
        while (in.isReadable()) {
            int start = in.readerIndex();
            DecodeResult<Frame> frame = FrameCodec.decode(in);
            if (!frame.isOk()) {
                int index = sink.size();
                sink.clear();
                return DecodeResult.failed(frame.dropReason(), "frame %d at offset %d: %s", index, start,
                        frame.detail());
            }
            sink.add(frame.value());
            // SPEC FRM-CLOSE-2: no byte that follows a well-formed CLOSE is processed or checked
            if (frame.value() instanceof CloseFrame) {
                break;
            }
        }
        return header;
    }
}
