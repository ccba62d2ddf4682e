package org.sss.core.wire;

import static org.sss.core.wire.StreamFrame.FLAG_FIN;
import static org.sss.core.wire.StreamFrame.FLAG_INIT;
import static org.sss.core.wire.StreamFrame.FLAG_LENGTH;
import static org.sss.core.wire.StreamFrame.FLAG_NOACK;
import static org.sss.core.wire.StreamFrame.FLAG_RECORD;
import static org.sss.core.wire.StreamFrame.FLAG_USID;
import static org.sss.core.wire.StreamFrame.MASK_OFFSET_SIZE;
import static org.sss.core.wire.StreamFrame.MASK_RESERVED;
import static org.sss.core.wire.StreamFrame.SHIFT_OFFSET_SIZE;

import io.netty.buffer.ByteBuf;

/** Body codec of {@link StreamFrame}. */
final class StreamFrameCodec {
    private StreamFrameCodec() {
    }

    static int encodedLength(StreamFrame frame) {
        return 1 + 2 + 4 + (frame.init() ? 4 : 0) + (frame.usid() != null ? Usid.LENGTH : 0)
                + frame.offsetWidth() + (frame.explicitLength() ? 2 : 0) + frame.dataLength();
    }

    static void encode(StreamFrame frame, ByteBuf out) {
        out.writeByte(FrameType.STREAM.code());
        out.writeShort(frame.flags());
        out.writeInt((int) frame.lsid());
        if (frame.init()) {
            out.writeInt((int) frame.parentLsid());
        }
        if (frame.usid() != null) {
            frame.usid().writeTo(out);
        }
        Wire.writeUnsigned(out, frame.offset(), frame.offsetWidth());
        if (frame.explicitLength()) {
            out.writeShort(frame.dataLength());
        }
        Wire.writeBytes(out, frame.data());
    }

    /**
     * Decodes the body; {@code in} is positioned after the type byte and ends where the plaintext ends.
     * SPEC FRM-GEN-8: fields are checked in layout order, flags from the most significant bit down,
     * and the rules on the whole frame (empty data, then offset overflow) after all fields.
     */
    static DecodeResult<Frame> decode(ByteBuf in) {
        if (in.readableBytes() < 2) {
            return truncated("flags", 2, in);
        }
        int flags = in.readUnsignedShort();
        boolean init = (flags & FLAG_INIT) != 0;
        boolean hasUsid = (flags & FLAG_USID) != 0;
        // SPEC FRM-STREAM-1: USID without INIT is STREAM_USID_WITHOUT_INIT
        if (hasUsid && !init) {
            return DecodeResult.failed(DropReason.STREAM_USID_WITHOUT_INIT,
                    "STREAM: flags 0x%04x have USID without INIT", flags);
        }
        // SPEC FRM-STREAM-5: bits 0x00FE are reserved
        if ((flags & MASK_RESERVED) != 0) {
            return DecodeResult.failed(DropReason.FRAME_RESERVED_BITS,
                    "STREAM: flags 0x%04x have reserved bits 0x%04x set", flags, flags & MASK_RESERVED);
        }
        if (in.readableBytes() < 4) {
            return truncated("LSID", 4, in);
        }
        long lsid = in.readUnsignedInt();
        // SPEC FRM-STREAM-2: LSID 0 is STREAM_LSID_ZERO
        if (lsid == 0) {
            return DecodeResult.failed(DropReason.STREAM_LSID_ZERO, "STREAM: LSID is 0");
        }
        long parent = 0;
        if (init) {
            if (in.readableBytes() < 4) {
                return truncated("parent LSID", 4, in);
            }
            parent = in.readUnsignedInt();
        }
        Usid usid = null;
        if (hasUsid) {
            if (in.readableBytes() < Usid.LENGTH) {
                return truncated("USID", Usid.LENGTH, in);
            }
            byte[] channelId = new byte[Usid.CHANNEL_ID_LENGTH];
            in.readBytes(channelId);
            usid = new Usid(channelId, in.readLong());
        }
        int offsetWidth = FieldWidths.offsetWidth((flags & MASK_OFFSET_SIZE) >>> SHIFT_OFFSET_SIZE);
        if (in.readableBytes() < offsetWidth) {
            return truncated("offset", offsetWidth, in);
        }
        long offset = Wire.readUnsigned(in, offsetWidth);
        boolean explicitLength = (flags & FLAG_LENGTH) != 0;
        int length;
        if (explicitLength) {
            if (in.readableBytes() < 2) {
                return truncated("data length", 2, in);
            }
            length = in.readUnsignedShort();
            // SPEC FRM-STREAM-6: len_data beyond the plaintext is FRAME_TRUNCATED
            if (in.readableBytes() < length) {
                return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                        "STREAM: data length %d but %d bytes remain", length, in.readableBytes());
            }
        } else {
            length = in.readableBytes();
        }
        boolean fin = (flags & FLAG_FIN) != 0;
        // SPEC FRM-STREAM-3: no data and no FIN is STREAM_EMPTY_WITHOUT_FIN
        if (length == 0 && !fin) {
            return DecodeResult.failed(DropReason.STREAM_EMPTY_WITHOUT_FIN, "STREAM: no data and no FIN");
        }
        // SPEC FRM-STREAM-4: offset + length above 2^62 - 1 (an 8-byte offset can carry more)
        if (offset < 0 || offset > WireLimits.MAX_STREAM_OFFSET - length) {
            return DecodeResult.failed(DropReason.STREAM_OFFSET_OVERFLOW,
                    "STREAM: offset %s + length %d exceeds 2^62-1", Long.toUnsignedString(offset), length);
        }
        ByteBuf data = in.readSlice(length);
        return DecodeResult.ok(new StreamFrame((flags & FLAG_NOACK) != 0, init, usid, offsetWidth, explicitLength,
                fin, (flags & FLAG_RECORD) != 0, lsid, parent, offset, data));
    }

    private static DecodeResult<Frame> truncated(String field, int needed, ByteBuf in) {
        return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "STREAM: %s needs %d bytes, %d remain", field, needed,
                in.readableBytes());
    }
}
