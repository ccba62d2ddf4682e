package org.sss.core.crypto;

import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** X25519 on Bouncy Castle's {@code rfc7748.X25519}; rejects the all-zero shared value. */
final class BcKeyAgreement implements KeyAgreement {
    static final BcKeyAgreement INSTANCE = new BcKeyAgreement();

    private BcKeyAgreement() {
    }

    @Override
    public PublicKey publicKey(SecretKey secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        byte[] pk = new byte[PublicKey.LENGTH];
        X25519.scalarMultBase(secretKey.array(), 0, pk, 0);
        return PublicKey.wrap(pk);
    }

    @Override
    public boolean agree(SecretKey own, PublicKey peer, byte[] out, int offset) {
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(peer, "peer");
        Objects.checkFromIndexSize(offset, 32, out.length);
        // calculateAgreement returns false for an all-zero result, as crypto_scalarmult does.
        return X25519.calculateAgreement(own.array(), 0, peer.array(), 0, out, offset);
    }
}
