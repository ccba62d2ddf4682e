package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * STREAM (type 1): stream data; with INIT it also opens the stream, with INIT and USID it attaches
 * an existing stream to this channel.
 *
 * <p>Layout: type, u16 flags, u32 LSID, u32 parent LSID if INIT, 24-byte USID if USID, the offset
 * in 0/2/3/4/5/6/7/8 bytes, a u16 data length if {@code explicitLength}, then the data. Without the
 * length field the data runs to the end of the plaintext, so such a frame is the last of its packet.
 *
 * <p><b>Data ownership.</b> {@code data} is a {@link ByteBuf}, not a {@code byte[]}: a decoded frame
 * refers to the plaintext's bytes without copying (the hot path of every channel), exactly as
 * Netty's HTTP/2 reader hands DATA payloads to its listener. The frame does not own the buffer: a
 * decoded frame's data is a non-retained slice valid while the plaintext buffer is, i.e. during the
 * visitor callback; a consumer that keeps the data copies it or calls {@code retainedSlice()}.
 * A frame built for sending holds the caller's buffer; encoding reads it without moving its reader
 * index and never releases it. Equality compares the data by content.
 *
 * @param noAck flag 0x8000: best effort; never acknowledged or retransmitted
 * @param init flag 0x4000: opens the stream; {@code parentLsid} is on the wire
 * @param usid flag 0x2000 when not null: attaches the stream with this USID; requires {@code init}
 * @param offsetWidth width of the offset field: 0 (absent, offset 0), 2, 3, 4, 5, 6, 7 or 8 bytes;
 *     non-minimal widths are legal, so the width is part of the value
 * @param explicitLength flag 0x0200: a u16 data length is present
 * @param fin flag 0x0100: the data ends this direction of the stream
 * @param recordEnd flag 0x0001: the last data byte ends an application record
 * @param lsid the stream's local ID on this channel, 1..2^32-1
 * @param parentLsid the parent's LSID (0 = root) when {@code init}; 0 otherwise
 * @param offset stream byte offset of the first data byte
 * @param data the data; see "Data ownership" above
 */
public record StreamFrame(boolean noAck, boolean init, Usid usid, int offsetWidth, boolean explicitLength,
        boolean fin, boolean recordEnd, long lsid, long parentLsid, long offset, ByteBuf data) implements Frame {

    static final int FLAG_NOACK = 0x8000;
    static final int FLAG_INIT = 0x4000;
    static final int FLAG_USID = 0x2000;
    static final int MASK_OFFSET_SIZE = 0x1C00;
    static final int SHIFT_OFFSET_SIZE = 10;
    static final int FLAG_LENGTH = 0x0200;
    static final int FLAG_FIN = 0x0100;
    static final int MASK_RESERVED = 0x00FE;
    static final int FLAG_RECORD = 0x0001;

    /** Checks every field against the spec. */
    public StreamFrame {
        // SPEC FRM-STREAM-2: the LSID is never 0
        if (lsid < 1 || lsid > Wire.U32_MAX) {
            throw new IllegalArgumentException("lsid must be in [1, 2^32-1], got " + lsid);
        }
        Wire.u32(parentLsid, "parentLsid");
        if (!init && parentLsid != 0) {
            throw new IllegalArgumentException("parentLsid is only sent with init; must be 0 without it");
        }
        // SPEC FRM-STREAM-1: the USID flag requires INIT
        if (usid != null && !init) {
            throw new IllegalArgumentException("usid requires init");
        }
        if (!FieldWidths.isOffsetWidth(offsetWidth)) {
            throw new IllegalArgumentException("offsetWidth must be 0, 2, 3, 4, 5, 6, 7 or 8, got " + offsetWidth);
        }
        if (offset < 0 || !FieldWidths.fits(offset, offsetWidth)) {
            throw new IllegalArgumentException("offset " + offset + " does not fit offsetWidth " + offsetWidth);
        }
        Wire.present(data, "data");
        int length = data.readableBytes();
        if (length > WireLimits.MAX_STREAM_FRAME_DATA) {
            throw new IllegalArgumentException("data is " + length + " bytes; a STREAM frame carries at most "
                    + WireLimits.MAX_STREAM_FRAME_DATA);
        }
        // SPEC FRM-STREAM-3: empty data is allowed only with FIN
        if (length == 0 && !fin) {
            throw new IllegalArgumentException("data must not be empty without fin");
        }
        // SPEC FRM-STREAM-4: offset + length must not exceed 2^62-1
        if (offset > WireLimits.MAX_STREAM_OFFSET - length) {
            throw new IllegalArgumentException("offset + data length exceeds 2^62-1");
        }
    }

    /** Starts a builder; by default the offset width is minimal and the length field present. */
    public static Builder builder(long lsid) {
        return new Builder(lsid);
    }

    /** The u16 flags field as sent. */
    public int flags() {
        return (noAck ? FLAG_NOACK : 0)
                | (init ? FLAG_INIT : 0)
                | (usid != null ? FLAG_USID : 0)
                | (FieldWidths.offsetSizeCode(offsetWidth) << SHIFT_OFFSET_SIZE)
                | (explicitLength ? FLAG_LENGTH : 0)
                | (fin ? FLAG_FIN : 0)
                | (recordEnd ? FLAG_RECORD : 0);
    }

    /** The 3-bit offset size code (0 = absent, 1..7 = 2..8 bytes). */
    public int offsetSizeCode() {
        return FieldWidths.offsetSizeCode(offsetWidth);
    }

    /** Number of data bytes. */
    public int dataLength() {
        return data.readableBytes();
    }

    @Override
    public FrameType type() {
        return FrameType.STREAM;
    }

    @Override
    public void accept(FrameVisitor visitor) {
        visitor.onStream(this);
    }

    @Override
    public String toString() {
        return "StreamFrame[lsid=" + lsid + ", flags=0x" + Integer.toHexString(flags())
                + (init ? ", parent=" + parentLsid : "") + (usid != null ? ", " + usid : "")
                + ", offset=" + offset + "/" + offsetWidth + "B, data=" + dataLength() + "B]";
    }

    /** Builds a {@link StreamFrame}; the checks run in {@link #build()}. */
    public static final class Builder {
        private final long lsid;
        private boolean noAck;
        private boolean init;
        private long parentLsid;
        private Usid usid;
        private long offset;
        private int offsetWidth = -1;
        private boolean explicitLength = true;
        private boolean fin;
        private boolean recordEnd;
        private ByteBuf data = Unpooled.EMPTY_BUFFER;

        private Builder(long lsid) {
            this.lsid = lsid;
        }

        /** Sets NOACK. */
        public Builder noAck(boolean value) {
            this.noAck = value;
            return this;
        }

        /** Sets INIT with the parent's LSID. */
        public Builder init(long parent) {
            this.init = true;
            this.parentLsid = parent;
            return this;
        }

        /** Sets INIT and USID (parent 0): an attach. */
        public Builder attach(Usid value) {
            this.init = true;
            this.usid = value;
            return this;
        }

        /** Sets the offset. */
        public Builder offset(long value) {
            this.offset = value;
            return this;
        }

        /** Forces an offset width instead of the minimal one. */
        public Builder offsetWidth(int value) {
            this.offsetWidth = value;
            return this;
        }

        /** Whether the u16 length field is sent (default true). */
        public Builder explicitLength(boolean value) {
            this.explicitLength = value;
            return this;
        }

        /** Sets FIN. */
        public Builder fin(boolean value) {
            this.fin = value;
            return this;
        }

        /** Sets RECORD. */
        public Builder recordEnd(boolean value) {
            this.recordEnd = value;
            return this;
        }

        /** Sets the data (not copied). */
        public Builder data(ByteBuf value) {
            this.data = value;
            return this;
        }

        /** Sets the data (wrapped, not copied). */
        public Builder data(byte[] value) {
            this.data = Unpooled.wrappedBuffer(value);
            return this;
        }

        /** Builds the frame. */
        public StreamFrame build() {
            int width = offsetWidth >= 0 ? offsetWidth : FieldWidths.minimalOffsetWidth(offset);
            return new StreamFrame(noAck, init, usid, width, explicitLength, fin, recordEnd,
                    lsid, parentLsid, offset, data);
        }
    }
}
