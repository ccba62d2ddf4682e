package org.sss.core.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The "random" inputs of the vector files, reproducible in any language:
 * {@code SHA-512("SSS test vector: " || label || u8 block)} blocks concatenated and cut to length.
 */
final class DeterministicBytes {
    static final String PREFIX = "SSS test vector: ";

    private DeterministicBytes() {
    }

    static byte[] of(String label, int length) {
        byte[] in = (PREFIX + label).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        byte[] block = new byte[64];
        SHA512Digest sha512 = new SHA512Digest();
        for (int done = 0, counter = 0; done < length; counter++) {
            sha512.update(in, 0, in.length);
            sha512.update((byte) counter);
            sha512.doFinal(block, 0);
            int n = Math.min(64, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    static KeyPair keyPair(String label) {
        return KeyPair.fromSecretKey(SecretKey.of(of(label, 32)));
    }
}
