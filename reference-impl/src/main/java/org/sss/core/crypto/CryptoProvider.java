package org.sss.core.crypto;

import java.util.Optional;

/**
 * The source of the NaCl primitives. Bouncy Castle ({@link #bouncyCastle()}) is the portable
 * default; a native provider can stand behind the same interface, and the two cross-check each
 * other in tests.
 */
public interface CryptoProvider {

    /** The Bouncy Castle lightweight-API provider. */
    static CryptoProvider bouncyCastle() {
        return BcCryptoProvider.INSTANCE;
    }

    /** A short name for logs and benchmarks. */
    String name();

    /** X25519; thread-safe. */
    KeyAgreement keyAgreement();

    /** A new secretbox; not thread-safe, so one per thread or channel. */
    SecretBox newSecretBox();

    /** NaCl {@code crypto_box_beforenm} with this provider's X25519; see {@link BoxKey#beforenm}. */
    default Optional<BoxKey> beforenm(PublicKey peer, SecretKey own) {
        return BoxKey.beforenm(keyAgreement(), peer, own);
    }
}
