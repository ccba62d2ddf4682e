package org.sss.conformance.peer.crypto;

import java.util.HexFormat;
import java.util.List;

/**
 * X25519 public keys of small order and the box key that an implementation skipping the check of
 * SPEC.md CRY-PRIM-4 would derive from them. {@code X25519(sk, P)} is 32 zero bytes for each such
 * {@code P} and every clamped {@code sk}, so {@code beforenm(P, sk) = HSalsa20(0^32, 0^16)} whatever
 * the secret: a tester can seal a box "from" a small-order key that such an implementation opens,
 * while a conforming one treats it as a box that does not open.
 */
public final class SmallOrderKeys {
    /**
     * The u-coordinates (little-endian) of points of order 1, 2, 4 and 8 and their non-canonical
     * encodings, as libsodium rejects them: 0, 1, the two points of order 8, p − 1, p and p + 1.
     */
    private static final List<String> POINTS = List.of(
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

    private SmallOrderKeys() {
    }

    /** The number of keys in {@link #key(int)}. */
    public static int count() {
        return POINTS.size();
    }

    /** The small-order public key number {@code index} (a copy). */
    public static byte[] key(int index) {
        return HexFormat.of().parseHex(POINTS.get(index));
    }

    /** {@code HSalsa20(0^32, 0^16)}: the box key derived from an all-zero X25519 result. */
    public static byte[] zeroSharedSecretBoxKey() {
        return Hsalsa20.hash(new byte[Nacl.KEY_BYTES], new byte[16]);
    }
}
