package org.sss.core.crypto;

/** {@link CryptoProvider} on Bouncy Castle's lightweight API. */
final class BcCryptoProvider implements CryptoProvider {
    static final BcCryptoProvider INSTANCE = new BcCryptoProvider();

    private BcCryptoProvider() {
    }

    @Override
    public String name() {
        return "bouncycastle";
    }

    @Override
    public KeyAgreement keyAgreement() {
        return BcKeyAgreement.INSTANCE;
    }

    @Override
    public SecretBox newSecretBox() {
        return new BcSecretBox();
    }
}
