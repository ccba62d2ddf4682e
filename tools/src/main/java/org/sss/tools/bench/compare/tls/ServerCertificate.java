package org.sss.tools.bench.compare.tls;

import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The server's self-signed certificate for "localhost", made the way the QUIC contender makes its
 * own (Netty's {@link SelfSignedCertificate} with its defaults), so both sign handshakes with the
 * same kind of key.
 *
 * @param key the private key
 * @param certificate the certificate
 */
record ServerCertificate(PrivateKey key, X509Certificate certificate) {

    /** A new key pair and certificate; the temporary files Netty writes are deleted at once. */
    static ServerCertificate create() throws CertificateException {
        SelfSignedCertificate selfSigned = new SelfSignedCertificate("localhost");
        try {
            return new ServerCertificate(selfSigned.key(), selfSigned.cert());
        } finally {
            selfSigned.delete();
        }
    }

    /** "RSA 2048", "EC 256": the key that signs each handshake. */
    String keyDescription() {
        var publicKey = certificate.getPublicKey();
        if (publicKey instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (publicKey instanceof ECPublicKey ec) {
            return "ECDSA P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        return publicKey.getAlgorithm();
    }
}
