package org.sss.conformance.peer;

import io.kaitai.struct.ByteBufferKaitaiStream;
import java.util.Objects;
import java.util.Optional;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.crypto.SmallOrderKeyException;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;
import org.sss.spec.kaitai.Sss;

/**
 * The initiator's side of one negotiation (SPEC.md section 5) as pure functions of its keys and the
 * nonces it is given, so that a test can replay the handshake vectors byte for byte: HELLO
 * (NEG-HELLO-1), opening the COOKIE (NEG-COOKIE-3), INITIATE with its vouch (NEG-INITIATE-1,
 * NEG-INITIATE-2) and the channel's boxes (section 4.5). Counters and timers belong to the caller.
 */
public final class InitiatorNegotiation {
    private static final byte[] HELLO_PLAINTEXT = new byte[64];

    private final X25519KeyPair identity;
    private final X25519KeyPair shortTerm;
    private final byte[] responderIdentity;
    private final byte[] helloKey;

    /**
     * @param identity the initiator's long-term pair (i, I)
     * @param shortTerm the fresh short-term pair (i', I') of this negotiation (CRY-KEY-1)
     * @param responderIdentity R
     * @throws SmallOrderKeyException when R has small order
     */
    public InitiatorNegotiation(X25519KeyPair identity, X25519KeyPair shortTerm, byte[] responderIdentity) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.shortTerm = Objects.requireNonNull(shortTerm, "shortTerm");
        this.responderIdentity = responderIdentity.clone();
        // beforenm(R, i') seals the HELLO box and opens the COOKIE box (beforenm(I', r) at the responder)
        this.helloKey = Nacl.beforenm(this.responderIdentity, shortTerm.secretKey());
    }

    /** I'. */
    public byte[] shortTermPublic() {
        return shortTerm.publicKey();
    }

    /**
     * i', the short-term secret key: for the evidence bundles' keylog only (a capture with it opens the
     * HELLO and INITIATE boxes too). The suite's peer is a test tool; SEC-FS-2 binds implementations.
     */
    public byte[] shortTermSecret() {
        return shortTerm.secretKey();
    }

    /** I. */
    public byte[] identityPublic() {
        return identity.publicKey();
    }

    /** NEG-HELLO-1: magic, I', 0^64, be64(c), box(0^64, "cUVVYcp-CLIENT-h" ‖ be64(c), R, i'). */
    public byte[] hello(long counter) {
        return helloSealing(counter, HELLO_PLAINTEXT, NoncePrefix.HELLO);
    }

    /**
     * A HELLO whose box seals {@code plaintext} (64 bytes in a well-formed HELLO, zeros per NEG-HELLO-1)
     * under {@code beforenm(R, i')} with the nonce {@code prefix ‖ be64(counter)}; {@link NoncePrefix#HELLO}
     * is the right prefix (CRY-NONCE-2). For HELLOs that are wrong, or unusual, on purpose.
     */
    public byte[] helloSealing(long counter, byte[] plaintext, NoncePrefix prefix) {
        byte[] box = Nacl.secretbox(plaintext, prefix.withCounter(counter), helloKey);
        return Packets.hello(shortTerm.publicKey(), counter, box);
    }

    /**
     * NEG-COOKIE-3: opens a COOKIE with {@code box_open(…, "cUVVYcpk" ‖ n, R, i')}. The datagram is
     * read with the Kaitai parser and must be exactly 168 bytes (PKT-SIZE-2).
     *
     * @return R' and the cookie, or empty when the datagram is not a COOKIE or its box does not open
     */
    public Optional<CookieContents> openCookie(byte[] datagram) {
        if (datagram.length != Packets.COOKIE_SIZE || !Magic.COOKIE.starts(datagram)) {
            return Optional.empty();
        }
        Sss.CookiePacket packet = (Sss.CookiePacket) new Sss(new ByteBufferKaitaiStream(datagram)).body();
        Optional<byte[]> plain = Nacl.secretboxOpen(packet.box(), NoncePrefix.COOKIE.withRandom(packet.nonceRandom()),
                helloKey);
        if (plain.isEmpty() || plain.get().length != 128) {
            return Optional.empty();
        }
        Sss.CookieBoxPlaintext contents = new Sss.CookieBoxPlaintext(new ByteBufferKaitaiStream(plain.get()));
        Sss.ResponderCookie cookie = contents.cookie();
        byte[] cookieBytes = new byte[96];
        System.arraycopy(cookie.nonceRandom(), 0, cookieBytes, 0, 16);
        System.arraycopy(cookie.box(), 0, cookieBytes, 16, 80);
        return Optional.of(new CookieContents(contents.responderShortTermPk(), cookieBytes));
    }

    /** NEG-INITIATE-2: {@code box(I', "cUVVYcpv" ‖ v, R, i)}, 48 bytes. */
    public byte[] vouch(byte[] vouchRandom) {
        return Nacl.box(shortTerm.publicKey(), NoncePrefix.VOUCH.withRandom(vouchRandom), responderIdentity,
                identity.secretKey());
    }

    /** The INITIATE box plaintext {@code P = I ‖ v ‖ vouch ‖ message} (NEG-INITIATE-1). */
    public byte[] initiatePlaintext(byte[] vouchRandom, byte[] messagePlaintext) {
        byte[] vouch = vouch(vouchRandom);
        byte[] p = new byte[32 + 16 + 48 + messagePlaintext.length];
        System.arraycopy(identity.publicKey(), 0, p, 0, 32);
        System.arraycopy(vouchRandom, 0, p, 32, 16);
        System.arraycopy(vouch, 0, p, 48, 48);
        System.arraycopy(messagePlaintext, 0, p, 96, messagePlaintext.length);
        return p;
    }

    /**
     * NEG-INITIATE-1: magic, I', cookie, be64(c), {@code box(P, "cUVVYcp-CLIENT-i" ‖ be64(c), R', i')}.
     * The message's header must carry packet number {@code counter} (NEG-INITIATE-3); that is the
     * caller's to get right, or wrong on purpose.
     */
    public byte[] initiate(long counter, CookieContents cookie, byte[] vouchRandom, byte[] messagePlaintext) {
        return initiateSealing(counter, cookie, initiatePlaintext(vouchRandom, messagePlaintext), NoncePrefix.INITIATE);
    }

    /**
     * An INITIATE whose box seals {@code plaintext} exactly as given (a {@code P} that is wrong on
     * purpose: another identity, a garbled vouch) under {@code K = beforenm(R', i')} with the nonce
     * {@code prefix ‖ be64(counter)}; {@link NoncePrefix#INITIATE} is the right prefix (CRY-NONCE-2).
     */
    public byte[] initiateSealing(long counter, CookieContents cookie, byte[] plaintext, NoncePrefix prefix) {
        byte[] box = Nacl.secretbox(plaintext, prefix.withCounter(counter), channel(cookie).channelKey());
        return Packets.initiate(shortTerm.publicKey(), cookie.cookie(), counter, box);
    }

    /**
     * The channel's boxes once R' is known: {@code K = beforenm(R', i')} (section 4.5).
     *
     * @throws SmallOrderKeyException when R' has small order
     */
    public ChannelBoxes channel(CookieContents cookie) {
        byte[] rPrime = cookie.responderShortTermPublic();
        return ChannelBoxes.forInitiator(Nacl.beforenm(rPrime, shortTerm.secretKey()), shortTerm.publicKey(), rPrime);
    }

    @Override
    public String toString() {
        return "InitiatorNegotiation[I'=" + Hex.of(shortTerm.publicKey()) + "]";
    }
}
