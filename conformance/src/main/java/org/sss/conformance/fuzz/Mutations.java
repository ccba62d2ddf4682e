package org.sss.conformance.fuzz;

import java.util.Arrays;
import java.util.Random;

/**
 * Byte-level mutations of an encoded packet or plaintext: bit flips, boundary values written over
 * fields of 1, 2, 4 or 8 bytes, truncation, extension, insertion, deletion and duplication of ranges.
 */
final class Mutations {
    private static final int[] BYTE_BOUNDARIES = {0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff};

    private Mutations() {
    }

    /** One to three mutations of {@code in} (never changed itself). */
    static byte[] mutate(byte[] in, Random random) {
        byte[] out = in.clone();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out = once(out, random);
        }
        return out;
    }

    /** One mutation of {@code in}. */
    static byte[] once(byte[] in, Random random) {
        if (in.length == 0) {
            return extend(in, random);
        }
        return switch (random.nextInt(8)) {
            case 0 -> flipBit(in, random);
            case 1 -> setByte(in, random);
            case 2 -> overwriteField(in, random);
            case 3 -> Arrays.copyOf(in, random.nextInt(in.length));
            case 4 -> extend(in, random);
            case 5 -> insert(in, random);
            case 6 -> delete(in, random);
            default -> duplicate(in, random);
        };
    }

    /** A boundary value of an unsigned field of {@code width} bytes: 0, 1, max, max − 1, the top bit, or random. */
    static long boundary(int width, Random random) {
        long max = width >= 8 ? -1L : (1L << (8 * width)) - 1;
        return switch (random.nextInt(7)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> max;
            case 3 -> max - 1;
            case 4 -> 1L << (8 * width - 1);
            case 5 -> (1L << (8 * width - 1)) - 1;
            default -> random.nextLong() & max;
        };
    }

    private static byte[] flipBit(byte[] in, Random random) {
        byte[] out = in.clone();
        int bit = random.nextInt(out.length * 8);
        out[bit / 8] ^= (byte) (1 << (bit % 8));
        return out;
    }

    private static byte[] setByte(byte[] in, Random random) {
        byte[] out = in.clone();
        out[random.nextInt(out.length)] = (byte) BYTE_BOUNDARIES[random.nextInt(BYTE_BOUNDARIES.length)];
        return out;
    }

    private static byte[] overwriteField(byte[] in, Random random) {
        int width = new int[] {1, 2, 4, 8}[random.nextInt(4)];
        if (in.length < width) {
            return setByte(in, random);
        }
        byte[] out = in.clone();
        int at = random.nextInt(in.length - width + 1);
        long value = boundary(width, random);
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    private static byte[] extend(byte[] in, Random random) {
        int extra = 1 + random.nextInt(random.nextBoolean() ? 16 : 256);
        byte[] out = Arrays.copyOf(in, in.length + extra);
        if (random.nextBoolean()) {
            byte[] tail = new byte[extra];
            random.nextBytes(tail);
            System.arraycopy(tail, 0, out, in.length, extra);
        }
        return out;
    }

    private static byte[] insert(byte[] in, Random random) {
        int at = random.nextInt(in.length + 1);
        byte[] extra = new byte[1 + random.nextInt(16)];
        random.nextBytes(extra);
        return splice(in, at, at, extra);
    }

    private static byte[] delete(byte[] in, Random random) {
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(16));
        return splice(in, from, to, new byte[0]);
    }

    private static byte[] duplicate(byte[] in, Random random) {
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(32));
        return splice(in, to, to, Arrays.copyOfRange(in, from, to));
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] replacement) {
        byte[] out = new byte[in.length - (to - from) + replacement.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(replacement, 0, out, from, replacement.length);
        System.arraycopy(in, to, out, from + replacement.length, in.length - to);
        return out;
    }
}
