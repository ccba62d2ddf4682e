package org.sss.conformance.peer.crypto;

import java.util.Objects;

/**
 * NaCl's {@code crypto_core_hsalsa20} (SPEC.md section 4.1): the Salsa20 core with 20 rounds and the
 * constant {@code "expand 32-byte k"}, returning words 0, 5, 10, 15, 6, 7, 8, 9 of the final state
 * without the feed-forward addition.
 */
public final class Hsalsa20 {
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private Hsalsa20() {
    }

    /**
     * Computes HSalsa20.
     *
     * @param key 32 bytes
     * @param input 16 bytes
     * @return 32 bytes
     */
    public static byte[] hash(byte[] key, byte[] input) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(input, "input");
        if (key.length != 32 || input.length != 16) {
            throw new IllegalArgumentException("HSalsa20 takes a 32-byte key and a 16-byte input, got "
                    + key.length + " and " + input.length);
        }
        int[] x = new int[16];
        x[0] = SIGMA[0];
        x[5] = SIGMA[1];
        x[10] = SIGMA[2];
        x[15] = SIGMA[3];
        for (int i = 0; i < 4; i++) {
            x[1 + i] = le32(key, 4 * i);
            x[11 + i] = le32(key, 16 + 4 * i);
            x[6 + i] = le32(input, 4 * i);
        }
        for (int round = 0; round < 20; round += 2) {
            // column round
            quarter(x, 0, 4, 8, 12);
            quarter(x, 5, 9, 13, 1);
            quarter(x, 10, 14, 2, 6);
            quarter(x, 15, 3, 7, 11);
            // row round
            quarter(x, 0, 1, 2, 3);
            quarter(x, 5, 6, 7, 4);
            quarter(x, 10, 11, 8, 9);
            quarter(x, 15, 12, 13, 14);
        }
        byte[] out = new byte[32];
        int[] pick = {0, 5, 10, 15, 6, 7, 8, 9};
        for (int i = 0; i < 8; i++) {
            int w = x[pick[i]];
            out[4 * i] = (byte) w;
            out[4 * i + 1] = (byte) (w >>> 8);
            out[4 * i + 2] = (byte) (w >>> 16);
            out[4 * i + 3] = (byte) (w >>> 24);
        }
        return out;
    }

    private static void quarter(int[] x, int a, int b, int c, int d) {
        x[b] ^= Integer.rotateLeft(x[a] + x[d], 7);
        x[c] ^= Integer.rotateLeft(x[b] + x[a], 9);
        x[d] ^= Integer.rotateLeft(x[c] + x[b], 13);
        x[a] ^= Integer.rotateLeft(x[d] + x[c], 18);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
