package org.sss.core.channel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.PacketType;
import org.sss.core.wire.PaddingFrame;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.WireLimits;

/**
 * Lays out an unsealed MESSAGE datagram: magic, this end's short-term key, be64 counter, room for
 * the tag, then the padded message plaintext (SPEC.md sections 6.1 and 6.2), ready to be sealed in
 * place at {@link #BOX_OFFSET}.
 */
final class MessageWriter {
    /** Where the box (tag, then ciphertext) starts in a MESSAGE datagram. */
    static final int BOX_OFFSET = 48;

    private final ByteBufAllocator allocator;
    private final byte[] ownKey;
    private boolean wrotePaddingFrame;

    MessageWriter(ByteBufAllocator allocator, PublicKey ownKey) {
        this.allocator = allocator;
        this.ownKey = ownKey.bytes();
    }

    /** The length of a header and frames before padding. */
    static int unpaddedLength(PacketHeader header, List<? extends Frame> frames) {
        int length = header.encodedLength();
        for (int i = 0; i < frames.size(); i++) {
            length += FrameCodec.encodedLength(frames.get(i));
        }
        return length;
    }

    /**
     * SPEC CHN-PLAIN-1: M = max(16, 16 · ⌈n / 16⌉) for n bytes of header and frames.
     */
    static int plaintextLength(int unpadded) {
        int block = WireLimits.PLAINTEXT_BLOCK;
        return Math.max(WireLimits.MIN_PLAINTEXT, (unpadded + block - 1) / block * block);
    }

    /**
     * A new datagram holding the plaintext, not yet sealed; the caller has checked that it fits.
     *
     * @return a buffer of {@code 64 + M} readable bytes
     */
    ByteBuf write(long packetNumber, PacketHeader header, List<? extends Frame> frames) {
        int unpadded = unpaddedLength(header, frames);
        int m = plaintextLength(unpadded);
        int padding = m - unpadded;
        int length = WireLimits.MESSAGE_OVERHEAD + m;
        // no maximum capacity: the UTF-8 writer reserves room for the worst case before it writes
        ByteBuf out = allocator.buffer(length);
        out.writeLong(PacketType.MESSAGE.magic());
        out.writeBytes(ownKey);
        out.writeLong(packetNumber);
        out.writeZero(SecretBox.TAG_LENGTH);
        PacketHeaderCodec.encode(header, out);
        int last = frames.size() - 1;
        wrotePaddingFrame = false;
        boolean lengthlessLast = last >= 0 && frames.get(last) instanceof StreamFrame stream && !stream.explicitLength();
        for (int i = 0; i <= last; i++) {
            if (i == last && lengthlessLast) {
                // SPEC CHN-PLAIN-3: padding goes before a final STREAM frame that has no length field
                wrotePaddingFrame |= writePadding(out, padding);
                padding = 0;
            }
            Frame frame = frames.get(i);
            wrotePaddingFrame |= frame.type() == FrameType.PADDING;
            FrameCodec.encode(frame, out);
        }
        out.writeZero(padding);
        return out;
    }

    /**
     * Whether the last datagram {@link #write} laid out holds a PADDING frame, given or added before a
     * final length-less STREAM frame; such a packet counts in bytes in flight (CHN-CC-3).
     */
    boolean wrotePaddingFrame() {
        return wrotePaddingFrame;
    }

    /**
     * {@code g} bytes of padding that parse: EMPTY frames for g < 3, else one PADDING frame of L = g − 3.
     *
     * @return whether a PADDING frame was written
     */
    private static boolean writePadding(ByteBuf out, int g) {
        if (g < 3) {
            out.writeZero(g);
            return false;
        }
        FrameCodec.encode(PaddingFrame.zeros(g - 3), out);
        return true;
    }
}
