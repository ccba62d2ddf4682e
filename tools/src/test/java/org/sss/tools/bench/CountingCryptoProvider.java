package org.sss.tools.bench;

import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyAgreement;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;

/** Bouncy Castle, counting the X25519 multiplications: base-point ones and variable-base ones. */
final class CountingCryptoProvider implements CryptoProvider {
    private final CryptoProvider delegate = CryptoProvider.bouncyCastle();
    private long basePoint;
    private long variableBase;

    private final KeyAgreement counting = new KeyAgreement() {
        @Override
        public PublicKey publicKey(SecretKey secretKey) {
            basePoint++;
            return delegate.keyAgreement().publicKey(secretKey);
        }

        @Override
        public boolean agree(SecretKey own, PublicKey peer, byte[] out, int offset) {
            variableBase++;
            return delegate.keyAgreement().agree(own, peer, out, offset);
        }
    };

    @Override
    public String name() {
        return "counting " + delegate.name();
    }

    @Override
    public KeyAgreement keyAgreement() {
        return counting;
    }

    @Override
    public SecretBox newSecretBox() {
        return delegate.newSecretBox();
    }

    /** The multiplications since the last call, as a {@link HandshakeX25519.Work}; the counters restart. */
    HandshakeX25519.Work takeCount(String name) {
        HandshakeX25519.Work work = new HandshakeX25519.Work(name, (int) basePoint, (int) variableBase);
        basePoint = 0;
        variableBase = 0;
        return work;
    }
}
