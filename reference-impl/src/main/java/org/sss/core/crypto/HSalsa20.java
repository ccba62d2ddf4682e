package org.sss.core.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.util.Pack;

/**
 * HSalsa20 (Bernstein, "Extending the Salsa20 nonce", 2008), NaCl's {@code crypto_core_hsalsa20}
 * with the constant "expand 32-byte k". Bouncy Castle has no public HSalsa20, so it is built here
 * on {@link Salsa20Engine#salsaCore}, which returns the 20-round output plus the input; HSalsa20
 * takes eight words of the output before that addition.
 */
public final class HSalsa20 {
    /** Key length in bytes. */
    public static final int KEY_LENGTH = 32;
    /** Input length in bytes. */
    public static final int INPUT_LENGTH = 16;
    /** Output length in bytes. */
    public static final int OUTPUT_LENGTH = 32;

    // "expand 32-byte k" as four little-endian words.
    private static final int SIGMA_0 = 0x61707865;
    private static final int SIGMA_1 = 0x3320646e;
    private static final int SIGMA_2 = 0x79622d32;
    private static final int SIGMA_3 = 0x6b206574;

    private static final int[] OUTPUT_WORDS = {0, 5, 10, 15, 6, 7, 8, 9};

    private HSalsa20() {
    }

    /**
     * Writes {@code HSalsa20(key, input)} (32 bytes) to {@code out} at {@code outOffset}.
     *
     * @param input 16 bytes at {@code inOffset}
     * @param key 32 bytes at {@code keyOffset}
     */
    public static void hsalsa20(byte[] out, int outOffset, byte[] input, int inOffset, byte[] key, int keyOffset) {
        Objects.checkFromIndexSize(outOffset, OUTPUT_LENGTH, out.length);
        Objects.checkFromIndexSize(inOffset, INPUT_LENGTH, input.length);
        Objects.checkFromIndexSize(keyOffset, KEY_LENGTH, key.length);
        int[] state = new int[16];
        int[] mixed = new int[16];
        try {
            state[0] = SIGMA_0;
            Pack.littleEndianToInt(key, keyOffset, state, 1, 4);
            state[5] = SIGMA_1;
            Pack.littleEndianToInt(input, inOffset, state, 6, 4);
            state[10] = SIGMA_2;
            Pack.littleEndianToInt(key, keyOffset + 16, state, 11, 4);
            state[15] = SIGMA_3;
            Salsa20Engine.salsaCore(20, state, mixed);
            for (int i = 0; i < OUTPUT_WORDS.length; i++) {
                int w = OUTPUT_WORDS[i];
                Pack.intToLittleEndian(mixed[w] - state[w], out, outOffset + 4 * i);
            }
        } finally {
            Arrays.fill(state, 0);
            Arrays.fill(mixed, 0);
        }
    }
}
