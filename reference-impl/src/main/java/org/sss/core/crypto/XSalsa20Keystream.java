package org.sss.core.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.util.Pack;

/**
 * The XSalsa20 keystream (Bernstein, "Extending the Salsa20 nonce", 2008) built on
 * {@link Salsa20Engine#salsaCore} into scratch arrays owned by this instance, so that keying and
 * producing it allocate nothing: Bouncy Castle's {@code XSalsa20Engine} copies key and nonce into
 * fresh arrays on every {@code init}. Not thread-safe; {@link #clear()} after each message.
 */
final class XSalsa20Keystream {
    private static final int BLOCK_LENGTH = 64;
    private static final int ROUNDS = 20;

    // "expand 32-byte k" as four little-endian words.
    private static final int SIGMA_0 = 0x61707865;
    private static final int SIGMA_1 = 0x3320646e;
    private static final int SIGMA_2 = 0x79622d32;
    private static final int SIGMA_3 = 0x6b206574;

    private final int[] state = new int[16];
    private final int[] mixed = new int[16];
    private final byte[] block = new byte[BLOCK_LENGTH];
    private int used = BLOCK_LENGTH;

    /** Keys the stream with a 32-byte key and a 24-byte nonce, positioned at keystream byte 0. */
    void init(byte[] key, byte[] nonce) {
        if (key.length != BoxKey.LENGTH || nonce.length != Nonce.LENGTH) {
            throw new IllegalArgumentException("XSalsa20 needs a 32-byte key and a 24-byte nonce");
        }
        // Subkey = HSalsa20(key, nonce[0..16)): words 0, 5, 10, 15, 6..9 of the rounds' output
        // before salsaCore's feed-forward addition of the input.
        setState(key, nonce);
        Salsa20Engine.salsaCore(ROUNDS, state, mixed);
        int k0 = mixed[0] - state[0];
        int k1 = mixed[5] - state[5];
        int k2 = mixed[10] - state[10];
        int k3 = mixed[15] - state[15];
        int k4 = mixed[6] - state[6];
        int k5 = mixed[7] - state[7];
        int k6 = mixed[8] - state[8];
        int k7 = mixed[9] - state[9];
        // Salsa20 state with the subkey, nonce[16..24) in words 6-7 and block counter 0 in 8-9.
        state[0] = SIGMA_0;
        state[1] = k0;
        state[2] = k1;
        state[3] = k2;
        state[4] = k3;
        state[5] = SIGMA_1;
        state[6] = Pack.littleEndianToInt(nonce, 16);
        state[7] = Pack.littleEndianToInt(nonce, 20);
        state[8] = 0;
        state[9] = 0;
        state[10] = SIGMA_2;
        state[11] = k4;
        state[12] = k5;
        state[13] = k6;
        state[14] = k7;
        state[15] = SIGMA_3;
        Arrays.fill(mixed, 0);
        used = BLOCK_LENGTH;
    }

    /** XORs the next {@code length} keystream bytes over {@code in} into {@code out}; the ranges may coincide. */
    void xor(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        int done = 0;
        while (done < length) {
            if (used == BLOCK_LENGTH) {
                nextBlock();
            }
            int n = Math.min(length - done, BLOCK_LENGTH - used);
            int from = inOffset + done;
            int to = outOffset + done;
            int at = used;
            for (int i = 0; i < n; i++) {
                out[to + i] = (byte) (in[from + i] ^ block[at + i]);
            }
            used = at + n;
            done += n;
        }
    }

    /** Wipes key, state and keystream. */
    void clear() {
        Arrays.fill(state, 0);
        Arrays.fill(mixed, 0);
        Arrays.fill(block, (byte) 0);
        used = BLOCK_LENGTH;
    }

    private void setState(byte[] key, byte[] nonce) {
        state[0] = SIGMA_0;
        Pack.littleEndianToInt(key, 0, state, 1, 4);
        state[5] = SIGMA_1;
        Pack.littleEndianToInt(nonce, 0, state, 6, 4);
        state[10] = SIGMA_2;
        Pack.littleEndianToInt(key, 16, state, 11, 4);
        state[15] = SIGMA_3;
    }

    private void nextBlock() {
        Salsa20Engine.salsaCore(ROUNDS, state, mixed);
        Pack.intToLittleEndian(mixed, block, 0);
        // 64-bit little-endian block counter in words 8 (low) and 9 (high).
        if (++state[8] == 0) {
            state[9]++;
        }
        used = 0;
    }
}
