package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes message plaintexts: header, frames, then zero bytes (EMPTY frames) up to a multiple of 16.
 * Stateless.
 */
public final class PlaintextWriter {
    private PlaintextWriter() {
    }

    /**
     * The plaintext length for {@code unpaddedLength} bytes of header and frames: the next multiple
     * of 16, at least 16.
     */
    public static int paddedLength(int unpaddedLength) {
        if (unpaddedLength < 0) {
            throw new IllegalArgumentException("unpaddedLength must not be negative, got " + unpaddedLength);
        }
        int block = WireLimits.PLAINTEXT_BLOCK;
        return Math.max(WireLimits.MIN_PLAINTEXT, (unpaddedLength + block - 1) / block * block);
    }

    /**
     * Appends zero bytes so that the plaintext starting at {@code plaintextStart} in {@code out}
     * reaches {@link #paddedLength(int)}. A zero byte is an EMPTY frame, so the padding parses.
     *
     * @return the padded plaintext length
     */
    public static int pad(ByteBuf out, int plaintextStart) {
        int written = out.writerIndex() - plaintextStart;
        if (written < 0) {
            throw new IllegalArgumentException("plaintextStart " + plaintextStart + " is after the writer index");
        }
        int padded = paddedLength(written);
        out.writeZero(padded - written);
        return padded;
    }

    /** The unpadded length of a header and frames. */
    public static int unpaddedLength(PacketHeader header, List<? extends Frame> frames) {
        int length = header.encodedLength();
        for (Frame frame : frames) {
            length += FrameCodec.encodedLength(frame);
        }
        return length;
    }

    /**
     * Writes a padded plaintext.
     *
     * @param maxPlaintext the limit for this packet: 1168 for MESSAGE, 976 inside INITIATE, or the peer's MAX_PLAINTEXT
     * @return the plaintext length
     * @throws IllegalArgumentException if the padded plaintext would exceed {@code maxPlaintext}, or
     *     if a CLOSE frame is not the last frame (receivers would ignore what follows it)
     */
    public static int write(PacketHeader header, List<? extends Frame> frames, ByteBuf out, int maxPlaintext) {
        for (int i = 0; i < frames.size() - 1; i++) {
            if (frames.get(i) instanceof CloseFrame) {
                throw new IllegalArgumentException("frames: CLOSE must be the last frame, found at " + i);
            }
        }
        int padded = paddedLength(unpaddedLength(header, frames));
        if (padded > maxPlaintext) {
            throw new IllegalArgumentException("frames need a " + padded + "-byte plaintext; maxPlaintext is " + maxPlaintext);
        }
        int start = out.writerIndex();
        PacketHeaderCodec.encode(header, out);
        for (Frame frame : frames) {
            FrameCodec.encode(frame, out);
        }
        return pad(out, start);
    }

    /** Writes {@code plaintext} exactly as it is (header, frames, ignored bytes), without padding. */
    public static void writeExactly(MessagePlaintext plaintext, ByteBuf out) {
        PacketHeaderCodec.encode(plaintext.header(), out);
        for (Frame frame : plaintext.frames()) {
            FrameCodec.encode(frame, out);
        }
        Wire.writeBytes(out, plaintext.ignoredAfterClose());
    }
}
