package org.sss.conformance.peer.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The NaCl constructions exactly as SPEC.md section 4.1 defines them (CRY-PRIM-1, CRY-PRIM-2):
 * X25519, {@code beforenm}, and box / secretbox in libsodium's {@code easy} layout
 * {@code tag(16) ‖ ciphertext}. Opening never returns a byte of a plaintext whose tag did not
 * verify, and compares tags in constant time (CRY-PRIM-3).
 */
public final class Nacl {
    /** Size of keys, shared secrets and box keys. */
    public static final int KEY_BYTES = 32;
    /** Size of a full nonce. */
    public static final int NONCE_BYTES = 24;
    /** Size of the Poly1305 tag that precedes every ciphertext. */
    public static final int TAG_BYTES = 16;

    private static final byte[] BASE_POINT = basePoint();

    private Nacl() {
    }

    /** X25519(sk, 9): the public key of a secret key (RFC 7748 clamping applies). */
    public static byte[] publicKey(byte[] secretKey) {
        requireLength(secretKey, KEY_BYTES, "secretKey");
        byte[] out = new byte[KEY_BYTES];
        X25519.scalarMult(secretKey, 0, BASE_POINT, 0, out, 0);
        return out;
    }

    /**
     * X25519(sk, pk).
     *
     * @throws SmallOrderKeyException when the result is all zero (CRY-PRIM-4)
     */
    public static byte[] x25519(byte[] secretKey, byte[] publicKey) {
        requireLength(secretKey, KEY_BYTES, "secretKey");
        requireLength(publicKey, KEY_BYTES, "publicKey");
        byte[] out = new byte[KEY_BYTES];
        X25519.scalarMult(secretKey, 0, publicKey, 0, out, 0);
        if (isAllZero(out)) {
            throw new SmallOrderKeyException();
        }
        return out;
    }

    /**
     * {@code beforenm(pk, sk) = HSalsa20(X25519(sk, pk), 0^16)}.
     *
     * @throws SmallOrderKeyException when the X25519 result is all zero (CRY-PRIM-4)
     */
    public static byte[] beforenm(byte[] publicKey, byte[] secretKey) {
        return Hsalsa20.hash(x25519(secretKey, publicKey), new byte[16]);
    }

    /** {@code secretbox(m, n, k)} = {@code tag ‖ c}, 16 + |m| bytes. */
    public static byte[] secretbox(byte[] message, byte[] nonce, byte[] key) {
        Objects.requireNonNull(message, "message");
        byte[] stream = keystream(key, nonce, 32 + message.length);
        byte[] out = new byte[TAG_BYTES + message.length];
        for (int i = 0; i < message.length; i++) {
            out[TAG_BYTES + i] = (byte) (message[i] ^ stream[32 + i]);
        }
        byte[] tag = poly1305(Arrays.copyOf(stream, 32), out, TAG_BYTES, message.length);
        System.arraycopy(tag, 0, out, 0, TAG_BYTES);
        return out;
    }

    /** {@code secretbox_open(b, n, k)}: the plaintext, or empty when the tag does not verify or b is under 16 bytes. */
    public static Optional<byte[]> secretboxOpen(byte[] box, byte[] nonce, byte[] key) {
        Objects.requireNonNull(box, "box");
        if (box.length < TAG_BYTES) {
            return Optional.empty();
        }
        int length = box.length - TAG_BYTES;
        byte[] stream = keystream(key, nonce, 32 + length);
        byte[] expected = poly1305(Arrays.copyOf(stream, 32), box, TAG_BYTES, length);
        if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(TAG_BYTES, expected, 0, box, 0)) {
            return Optional.empty();
        }
        byte[] plain = new byte[length];
        for (int i = 0; i < length; i++) {
            plain[i] = (byte) (box[TAG_BYTES + i] ^ stream[32 + i]);
        }
        return Optional.of(plain);
    }

    /** {@code box(m, n, pk, sk) = secretbox(m, n, beforenm(pk, sk))}. */
    public static byte[] box(byte[] message, byte[] nonce, byte[] recipientPublic, byte[] senderSecret) {
        return secretbox(message, nonce, beforenm(recipientPublic, senderSecret));
    }

    /** The inverse of {@link #box}; empty on a bad tag or a small-order key. */
    public static Optional<byte[]> boxOpen(byte[] box, byte[] nonce, byte[] senderPublic, byte[] recipientSecret) {
        byte[] key;
        try {
            key = beforenm(senderPublic, recipientSecret);
        } catch (SmallOrderKeyException e) {
            return Optional.empty();
        }
        return secretboxOpen(box, nonce, key);
    }

    /** The first {@code length} bytes of XSalsa20(key, nonce). */
    static byte[] keystream(byte[] key, byte[] nonce, int length) {
        requireLength(key, KEY_BYTES, "key");
        requireLength(nonce, NONCE_BYTES, "nonce");
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] out = new byte[length];
        engine.processBytes(new byte[length], 0, length, out, 0);
        return out;
    }

    private static byte[] poly1305(byte[] oneTimeKey, byte[] data, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(oneTimeKey));
        mac.update(data, offset, length);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }

    private static boolean isAllZero(byte[] b) {
        int acc = 0;
        for (byte value : b) {
            acc |= value;
        }
        return acc == 0;
    }

    private static void requireLength(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + value.length);
        }
    }

    private static byte[] basePoint() {
        byte[] nine = new byte[KEY_BYTES];
        nine[0] = 9;
        return nine;
    }
}
