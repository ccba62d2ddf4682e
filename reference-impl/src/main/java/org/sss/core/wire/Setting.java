package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One SETTINGS entry: u16 tag, u16 value length, value. The value stays in its wire form so that
 * unknown tags (legal, skipped by receivers) round-trip; known tags read it with {@link #numericValue()}.
 *
 * @param tag the tag (u16); see {@link SettingsTag}
 * @param value the value bytes, at most 65535; for a known tag exactly its length
 */
public record Setting(int tag, ByteBuf value) {
    /** Checks the field widths and, for known tags, the value's length and range. */
    public Setting {
        Wire.u16(tag, "tag");
        Wire.present(value, "value");
        if (value.readableBytes() > WireLimits.MAX_U16) {
            throw new IllegalArgumentException("value is " + value.readableBytes() + " bytes; at most 65535");
        }
        String problem = valueProblem(tag, value);
        if (problem != null) {
            throw new IllegalArgumentException("value: " + problem);
        }
    }

    /** A known tag with a numeric value, encoded in the tag's width. */
    public static Setting of(SettingsTag tag, long value) {
        ByteBuf bytes = Unpooled.buffer(tag.valueLength(), tag.valueLength());
        if (!FieldWidths.fits(value, tag.valueLength())) {
            throw new IllegalArgumentException("value " + value + " does not fit " + tag + "'s "
                    + tag.valueLength() + " bytes");
        }
        Wire.writeUnsigned(bytes, value, tag.valueLength());
        return new Setting(tag.code(), bytes);
    }

    /** An entry with any tag and raw value, e.g. a tag from a later version. */
    public static Setting raw(int tag, byte[] value) {
        return new Setting(tag, Unpooled.wrappedBuffer(value));
    }

    /** The tag when version 1 defines it, or {@code null}. */
    public SettingsTag knownTag() {
        return SettingsTag.fromCode(tag);
    }

    /**
     * The value as an unsigned number.
     *
     * @throws IllegalStateException for an unknown tag
     */
    public long numericValue() {
        if (knownTag() == null) {
            throw new IllegalStateException("tag " + tag + " is unknown; its value is opaque");
        }
        return numeric(value);
    }

    private static long numeric(ByteBuf value) {
        long result = 0;
        for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
            result = (result << 8) | value.getUnsignedByte(i);
        }
        return result;
    }

    /**
     * What is wrong with a known tag's value, or {@code null}.
     * SPEC FRM-SET-4: a known tag's value has exactly its type's size and lies within the valid
     * values: FEC 0; INITIAL_MAX_DATA and INITIAL_MAX_STREAM_DATA at most 2^62 - 1; MAX_PLAINTEXT
     * 256 to 1168; MAX_ACK_DELAY_MS at most 16383; the others any value.
     */
    static String valueProblem(int tag, ByteBuf value) {
        SettingsTag known = SettingsTag.fromCode(tag);
        if (known == null) {
            return null;
        }
        if (value.readableBytes() != known.valueLength()) {
            return known + " needs " + known.valueLength() + " value bytes, got " + value.readableBytes();
        }
        long number = numeric(value);
        if (Long.compareUnsigned(number, known.minValue()) < 0 || Long.compareUnsigned(number, known.maxValue()) > 0) {
            return known + " must be in [" + known.minValue() + ", " + Long.toUnsignedString(known.maxValue())
                    + "], got " + Long.toUnsignedString(number);
        }
        return null;
    }

    @Override
    public String toString() {
        SettingsTag known = knownTag();
        return known != null
                ? known + "=" + Long.toUnsignedString(numeric(value))
                : "Setting[tag=" + tag + ", value=" + Wire.hex(value) + "]";
    }
}
