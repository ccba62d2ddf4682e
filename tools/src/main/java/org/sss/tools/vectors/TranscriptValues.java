package org.sss.tools.vectors;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;
import org.sss.core.wire.CookiePacket;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.HelloPacket;
import org.sss.core.wire.InitiatePacket;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;

/**
 * The intermediate values of an accepted handshake.json packet that the real classes do not
 * expose, recomputed from the group's keys by the formulas of SPEC.md sections 4 and 5 with
 * {@code org.sss.core.crypto}: nonces, box keys, box plaintexts, and the cookie's and vouch's
 * contents. A spec-side recomputation, not a receiver: it decides no verdict and keeps no state.
 */
final class TranscriptValues {
    private static final int KEY = PublicKey.LENGTH;
    private static final int NONCE_RANDOM = 16;

    private final CryptoProvider crypto;
    private final SecretBox secretBox;
    private final HandshakeInputs in;
    private final Map<String, Object> values;

    /**
     * @param values the values the real classes exposed; the ones computed here are added where absent
     */
    private TranscriptValues(CryptoProvider crypto, HandshakeInputs in, Map<String, Object> values) {
        this.crypto = crypto;
        this.secretBox = crypto.newSecretBox();
        this.in = in;
        this.values = values;
    }

    /**
     * Adds to {@code values} what the accepted datagram {@code packet} holds for its receiver.
     *
     * @param toResponder whether the responder received it
     * @param helloSource the HELLO's source, to which the responder bound the cookie
     */
    static void complete(CryptoProvider crypto, HandshakeInputs in, byte[] packet, boolean toResponder,
            InetSocketAddress helloSource, Map<String, Object> values) {
        DecodeResult<Packet> decoded = PacketCodec.decode(Unpooled.wrappedBuffer(packet));
        if (!decoded.isOk()) {
            return;
        }
        TranscriptValues v = new TranscriptValues(crypto, in, values);
        Packet p = decoded.value();
        if (p instanceof HelloPacket hello) {
            v.hello(hello);
        } else if (p instanceof CookiePacket cookie) {
            v.cookie(cookie, helloSource);
        } else if (p instanceof InitiatePacket initiate) {
            v.initiate(initiate);
        } else if (p instanceof MessagePacket message) {
            v.message(message, toResponder);
        }
    }

    /** NEG-HELLO-1: box(0^64, "cUVVYcp-CLIENT-h" || c, R, i'). */
    private void hello(HelloPacket p) {
        Nonce nonce = Nonce.counter(NoncePrefix.HELLO, p.nonceCounter());
        box(p.nonceCounter(), nonce, ByteBufUtil.getBytes(p.box()), beforenm(in.initiatorShortTerm(),
                in.responderLongTermPrivate()));
    }

    /** NEG-COOKIE-1, CRY-COOKIE-5: box(R' || cookie, "cUVVYcpk" || n, I', r); cookie = n' || secretbox(I' || r'). */
    private void cookie(CookiePacket p, InetSocketAddress helloSource) {
        Nonce nonce = Nonce.random(NoncePrefix.COOKIE, ByteBufUtil.getBytes(p.nonceRandom()), 0);
        byte[] plaintext = box(null, nonce, ByteBufUtil.getBytes(p.box()),
                beforenm(in.responderLongTerm(), in.initiatorShortTermPrivate()));
        if (plaintext == null) {
            return;
        }
        byte[] cookie = Arrays.copyOfRange(plaintext, KEY, plaintext.length);
        values.putIfAbsent("cookie", cookie);
        Nonce cookieNonce = Nonce.random(NoncePrefix.MINUTE_KEY, cookie, 0);
        values.putIfAbsent("cookieNonce", cookieNonce.bytes());
        values.putIfAbsent("addressBytes", KeyDerivation.normalizeAddress(helloSource.getAddress().getAddress()));
        BoxKey tAddr = KeyDerivation.addressBoundMinuteKey(in.minuteKey(), helloSource);
        values.putIfAbsent("addressBoundMinuteKey", tAddr.bytes());
        secretBox.open(tAddr, cookieNonce, Arrays.copyOfRange(cookie, NONCE_RANDOM, cookie.length))
                .ifPresent(opened -> values.putIfAbsent("cookiePlaintext", opened));
    }

    /** NEG-INITIATE-1, NEG-INITIATE-2: box(I || v || vouch || M) under K; vouch = box(I', "cUVVYcpv" || v, R, i). */
    private void initiate(InitiatePacket p) {
        Nonce nonce = Nonce.counter(NoncePrefix.INITIATE, p.nonceCounter());
        byte[] plaintext = box(p.nonceCounter(), nonce, ByteBufUtil.getBytes(p.box()), channelKey(true));
        if (plaintext == null) {
            return;
        }
        Nonce vouchNonce = Nonce.random(NoncePrefix.VOUCH, plaintext, KEY);
        values.putIfAbsent("vouchNonce", vouchNonce.bytes());
        byte[] vouch = Arrays.copyOfRange(plaintext, KEY + NONCE_RANDOM, KEY + NONCE_RANDOM + KEY + SecretBox.TAG_LENGTH);
        values.putIfAbsent("vouch", vouch);
        BoxKey vouchKey = beforenm(PublicKey.of(Arrays.copyOf(plaintext, KEY)), in.responderLongTermPrivate());
        values.putIfAbsent("vouchKey", vouchKey.bytes());
        secretBox.open(vouchKey, vouchNonce, vouch).ifPresent(opened -> values.putIfAbsent("vouchPlaintext", opened));
    }

    /** CHN-RECV-1 step 4: the box under K and the sender's MESSAGE prefix. */
    private void message(MessagePacket p, boolean toResponder) {
        NoncePrefix prefix = toResponder ? NoncePrefix.MESSAGE_FROM_INITIATOR : NoncePrefix.MESSAGE_FROM_RESPONDER;
        byte[] plaintext = box(p.nonceCounter(), Nonce.counter(prefix, p.nonceCounter()),
                ByteBufUtil.getBytes(p.box()), channelKey(toResponder));
        if (plaintext != null) {
            values.putIfAbsent("messagePlaintext", plaintext);
        }
    }

    /** nonceCounter, nonce, box, boxKey and the opened boxPlaintext (null when it does not open). */
    private byte[] box(Long counter, Nonce nonce, byte[] box, BoxKey key) {
        if (counter != null) {
            values.putIfAbsent("nonceCounter", counter);
        }
        values.putIfAbsent("nonce", nonce.bytes());
        values.putIfAbsent("box", box);
        values.putIfAbsent("boxKey", key.bytes());
        byte[] boxKey = (byte[]) values.get("boxKey");
        Optional<byte[]> plaintext = secretBox.open(BoxKey.of(boxKey), nonce, box);
        plaintext.ifPresent(opened -> values.putIfAbsent("boxPlaintext", opened));
        return plaintext.orElse(null);
    }

    /** K = beforenm(I', r') = beforenm(R', i'), as the receiving side computes it. */
    private BoxKey channelKey(boolean toResponder) {
        return toResponder ? beforenm(in.initiatorShortTerm(), in.responderShortTermPrivate())
                : beforenm(in.responderShortTerm(), in.initiatorShortTermPrivate());
    }

    private BoxKey beforenm(PublicKey peer, SecretKey own) {
        return crypto.beforenm(peer, own).orElseThrow(
                () -> new MalformedVectorException("the group's keys give an all-zero X25519 result"));
    }
}
