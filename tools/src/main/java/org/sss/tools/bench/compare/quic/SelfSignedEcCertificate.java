package org.sss.tools.bench.compare.quic;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fresh ECDSA P-256 key and a self-signed certificate for {@code CN=localhost}, valid for a day,
 * made with Bouncy Castle (Netty's own {@code SelfSignedCertificate} is deprecated).
 *
 * @param keyPair the key pair
 * @param certificate the certificate of its public key, signed with SHA256withECDSA
 */
record SelfSignedEcCertificate(KeyPair keyPair, X509Certificate certificate) {

    static SelfSignedEcCertificate generate() throws GeneralSecurityException {
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
            return new SelfSignedEcCertificate(keyPair, certificate);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("self-signed certificate for the QUIC contender", e);
        }
    }
}
