package org.sss.core.crypto;

/**
 * X25519 (RFC 7748), NaCl's {@code crypto_scalarmult}. Implementations are thread-safe.
 */
public interface KeyAgreement {

    /** NaCl {@code crypto_scalarmult_base}: the public key of {@code secretKey}. */
    PublicKey publicKey(SecretKey secretKey);

    /**
     * NaCl {@code crypto_scalarmult}: writes {@code X25519(own, peer)} (32 bytes) to {@code out} at
     * {@code offset}.
     *
     * @return false when the result is all zero (a small-order {@code peer} key); the output must
     *     then not be used
     */
    boolean agree(SecretKey own, PublicKey peer, byte[] out, int offset);
}
