package org.sss.core.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A 32-byte XSalsa20-Poly1305 key: either the precomputed crypto_box key of a pair of peers,
 * {@code beforenm(pk, sk) = HSalsa20(X25519(sk, pk), 0^16)}, which both peers compute alike and
 * keep for as long as they talk, or a plain secretbox key such as the address-bound minute key.
 * {@link #destroy()} overwrites it; any later use throws {@link IllegalStateException}.
 */
public final class BoxKey extends SecretBytes {
    /** Length of the key in bytes. */
    public static final int LENGTH = 32;

    private static final byte[] ZERO_16 = new byte[16];

    private BoxKey(byte[] bytes) {
        super(bytes, "box key");
    }

    /** A secretbox key from 32 bytes (copied). */
    public static BoxKey of(byte[] key) {
        return new BoxKey(copyOf(key, LENGTH));
    }

    static BoxKey wrap(byte[] key) {
        return new BoxKey(key);
    }

    /**
     * NaCl {@code crypto_box_beforenm}: the shared box key of {@code own}'s holder and {@code peer}'s
     * holder. Empty when X25519 yields the all-zero value (a small-order {@code peer} key), which a
     * receiver treats as a box that does not open.
     */
    public static Optional<BoxKey> beforenm(KeyAgreement agreement, PublicKey peer, SecretKey own) {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(own, "own");
        byte[] shared = new byte[32];
        try {
            if (!agreement.agree(own, peer, shared, 0)) {
                return Optional.empty();
            }
            byte[] key = new byte[LENGTH];
            HSalsa20.hsalsa20(key, 0, ZERO_16, 0, shared, 0);
            return Optional.of(new BoxKey(key));
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }
}
