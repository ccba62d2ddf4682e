package org.sss.core.wire;

/**
 * Choice of the variable field widths: STREAM offsets and packet numbers.
 */
public final class FieldWidths {
    private FieldWidths() {
    }

    /**
     * The smallest STREAM offset width (0, 2, 3, 4, 5, 6, 7 or 8 bytes) that holds {@code offset}.
     * SPEC: an absent offset means 0; non-minimal widths are allowed but this picks the minimal one.
     */
    public static int minimalOffsetWidth(long offset) {
        if (offset == 0) {
            return 0;
        }
        int bytes = (Long.SIZE - Long.numberOfLeadingZeros(offset) + 7) / 8;
        return Math.max(2, bytes);
    }

    /**
     * The smallest packet-number width (2, 4, 6 or 8 bytes) that holds the whole of {@code packetNumber}
     * (unsigned), so that the field equals the full nonce counter.
     */
    public static int minimalPacketNumberWidth(long packetNumber) {
        int bytes = (Long.SIZE - Long.numberOfLeadingZeros(packetNumber) + 7) / 8;
        int width = Math.max(2, bytes);
        return (width + 1) & ~1;
    }

    /** Whether {@code width} is a legal STREAM offset width. */
    static boolean isOffsetWidth(int width) {
        return width == 0 || (width >= 2 && width <= 8);
    }

    /** The 3-bit STREAM offset size code for a width: 0 = absent, 1..7 = 2..8 bytes. */
    static int offsetSizeCode(int width) {
        return width == 0 ? 0 : width - 1;
    }

    /** The width of an offset size code. */
    static int offsetWidth(int sizeCode) {
        return sizeCode == 0 ? 0 : sizeCode + 1;
    }

    /** Whether the unsigned {@code value} fits in {@code width} bytes. */
    static boolean fits(long value, int width) {
        return width >= 8 || (value >>> (8 * width)) == 0;
    }
}
