package org.sss.tools.bench.compare;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed server certificate of every TLS-based contender (QUIC and TLS 1.3/TCP), so that
 * both sign their handshakes with the same kind of key: a fresh ECDSA P-256 key and a certificate
 * for {@code CN=localhost}, signed with SHA256withECDSA and valid for a day, made with Bouncy Castle
 * (Netty's own {@code SelfSignedCertificate} is deprecated and makes RSA 2048 keys).
 *
 * @param key the private key
 * @param certificate the certificate of its public key
 */
public record ServerCertificate(PrivateKey key, X509Certificate certificate) {
    /** The key that signs each handshake, as the contenders' descriptions name it. */
    public static final String SIGNING_KEY = "ECDSA P-256";

    /** A new key pair and its certificate. */
    public static ServerCertificate generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keyPair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                            keyPair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new ServerCertificate(keyPair.getPrivate(), certificate);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("self-signed server certificate", e);
        }
    }

    /** The certificate's key as {@link #SIGNING_KEY} names it: "ECDSA P-256", "RSA 2048". */
    public String keyDescription() {
        var publicKey = certificate.getPublicKey();
        if (publicKey instanceof ECPublicKey ec) {
            return "ECDSA P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        if (publicKey instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        return publicKey.getAlgorithm();
    }
}
