package org.sss.tools.vectors;

import static org.sss.tools.vectors.Buffers.bytes;
import static org.sss.tools.vectors.Buffers.publicKey;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.MinuteKey;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;
import org.sss.core.wire.BoxPlaintextCodec;
import org.sss.core.wire.CookiePlaintext;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.HelloPacket;
import org.sss.core.wire.InitiateBoxPlaintext;
import org.sss.core.wire.InitiatePacket;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;
import org.sss.core.wire.ResponderCookie;
import org.sss.core.wire.VouchPlaintext;

/**
 * The responder's side of handshake.json: HELLO, INITIATE and the initiator's MESSAGEs, processed
 * in the order of SPEC.md section 5.5 (NEG-RPROC-1, NEG-RPROC-3) and 6.1 (CHN-RECV-1) with the
 * production codecs of {@code org.sss.core.wire} and the crypto of {@code org.sss.core.crypto}.
 * It holds what a responder holds: {@code r}, the minute key {@code t}, its channels by {@code I'}
 * and the cookies already used. Not the negotiation layer: no timers, no policy, no sending.
 */
final class ResponderReceiver {
    private final CryptoProvider crypto;
    private final SecretBox secretBox;
    private final SecretKey longTerm;
    private final MinuteKey minuteKey;
    private final Map<PublicKey, ReceiveChannel> channels = new HashMap<>();
    private final Set<String> usedCookies = new HashSet<>();

    ResponderReceiver(CryptoProvider crypto, SecretKey longTerm, MinuteKey minuteKey) {
        this.crypto = crypto;
        this.secretBox = crypto.newSecretBox();
        this.longTerm = longTerm;
        this.minuteKey = minuteKey;
    }

    /** The verdict on a datagram {@code packet} (already decoded) from {@code source}. */
    Reception receive(Packet packet, InetSocketAddress source, Reception r) {
        if (packet instanceof HelloPacket hello) {
            return hello(hello, r);
        }
        if (packet instanceof InitiatePacket initiate) {
            return initiate(initiate, source, r);
        }
        if (packet instanceof MessagePacket message) {
            return ReceiveChannel.receiveMessage(channels, message, secretBox, r);
        }
        // SPEC PKT-DEMUX-2: a COOKIE goes only to a pending negotiation, and a responder has none
        return r.drop(DropReason.UNKNOWN_CHANNEL, "a COOKIE at the responder, which has no pending negotiation");
    }

    /** NEG-RPROC-1: the length was checked by the codec; open the box with I' and r. */
    private Reception hello(HelloPacket p, Reception r) {
        long counter = p.nonceCounter();
        r.record("nonceCounter", counter);
        r.record("box", p.box());
        Nonce nonce = Nonce.counter(NoncePrefix.HELLO, counter);
        r.record("nonce", nonce);
        Optional<BoxKey> key = crypto.beforenm(publicKey(p.initiatorShortTermPk()), longTerm);
        if (key.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "I' is a small-order key: X25519(r, I') is all zero");
        }
        r.record("boxKey", key.get());
        Optional<byte[]> plaintext = secretBox.open(key.get(), nonce, bytes(p.box()));
        if (plaintext.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "the HELLO box does not open");
        }
        // SPEC NEG-HELLO-2: non-zero bytes in the padding or the plaintext are not a reason to drop
        r.record("boxPlaintext", plaintext.get());
        return r;
    }

    /** NEG-RPROC-3, steps 2 to 11, or R1 to R4 for an INITIATE of a live channel. */
    private Reception initiate(InitiatePacket p, InetSocketAddress source, Reception r) {
        PublicKey initiatorShortTerm = publicKey(p.initiatorShortTermPk());
        long counter = p.nonceCounter();
        r.record("nonceCounter", counter);
        r.record("box", p.box());
        Nonce nonce = Nonce.counter(NoncePrefix.INITIATE, counter);
        r.record("nonce", nonce);
        ReceiveChannel live = channels.get(initiatorShortTerm);
        if (live != null) {
            return retransmission(live, p, nonce, r);
        }
        Optional<CookiePlaintext> cookie = openCookie(p.cookie(), source, r);
        if (cookie.isEmpty()) {
            return r.drop(DropReason.COOKIE_INVALID, "the cookie does not open under t_addr of %s", source);
        }
        if (!initiatorShortTerm.equals(publicKey(cookie.get().initiatorShortTermPk()))) {
            return r.drop(DropReason.COOKIE_MISMATCH, "the cookie holds I' %s, the packet %s",
                    Buffers.hex(cookie.get().initiatorShortTermPk()), Buffers.hex(p.initiatorShortTermPk()));
        }
        String cookieId = Buffers.hex(p.cookie().box());
        if (usedCookies.contains(cookieId)) {
            return r.drop(DropReason.COOKIE_REPLAYED, "the cookie was used by an accepted INITIATE");
        }
        SecretKey responderShortTerm = SecretKey.of(bytes(cookie.get().responderShortTermSk()));
        Optional<BoxKey> key = crypto.beforenm(initiatorShortTerm, responderShortTerm);
        if (key.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "I' is a small-order key: X25519(r', I') is all zero");
        }
        r.record("boxKey", key.get());
        Optional<byte[]> opened = secretBox.open(key.get(), nonce, bytes(p.box()));
        if (opened.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "the INITIATE box does not open under beforenm(I', r')");
        }
        r.record("boxPlaintext", opened.get());
        DecodeResult<InitiateBoxPlaintext> plaintext = BoxPlaintextCodec.decodeInitiateBox(Unpooled.wrappedBuffer(opened.get()));
        if (!plaintext.isOk()) {
            return r.drop(plaintext);
        }
        InitiateBoxPlaintext boxPlaintext = plaintext.value();
        r.record("messagePlaintext", boxPlaintext.message());
        PublicKey initiatorLongTerm = publicKey(boxPlaintext.initiatorLongTermPk());
        if (!vouchHolds(boxPlaintext, initiatorLongTerm, initiatorShortTerm, r)) {
            return r.drop(DropReason.VOUCH_INVALID, "the vouch does not open under beforenm(I, r) or does not hold I'");
        }
        // Step 9: only a well-formed header is compared; a malformed one closes the new channel at step 11.
        DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(boxPlaintext.message().duplicate());
        if (header.isOk() && !header.value().matchesCounter(counter)) {
            return r.drop(DropReason.PACKET_NUMBER_MISMATCH, "header packet number %s, nonce counter %s",
                    Long.toUnsignedString(header.value().packetNumberLow()), Long.toUnsignedString(counter));
        }
        // Step 10: the channel exists from here on, even if its first plaintext then closes it.
        ReceiveChannel channel = new ReceiveChannel(key, NoncePrefix.MESSAGE_FROM_INITIATOR, initiatorLongTerm);
        channel.accept(counter);
        channels.put(initiatorShortTerm, channel);
        usedCookies.add(cookieId);
        PublicKey responderShortTermPublic = crypto.keyAgreement().publicKey(responderShortTerm);
        r.record("channelId", KeyDerivation.channelId(key.get(), initiatorShortTerm, responderShortTermPublic));
        if (header.isOk()) {
            r.record("packetNumber", counter);
        }
        // Step 11: the message is processed as any plaintext of the channel.
        DecodeResult<MessagePlaintext> message = FrameReader.decode(boxPlaintext.message().duplicate());
        return message.isOk() ? r : r.drop(message);
    }

    /** R1 to R4: replay window, the channel's key, the same identity I, then the plaintext. */
    private Reception retransmission(ReceiveChannel channel, InitiatePacket p, Nonce nonce, Reception r) {
        long counter = p.nonceCounter();
        if (!channel.isFresh(counter)) {
            return r.drop(DropReason.PACKET_REPLAYED, "counter %s was seen on the channel of this I'",
                    Long.toUnsignedString(counter));
        }
        Optional<byte[]> opened = channel.open(nonce, p.box(), secretBox, r);
        if (opened.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "the INITIATE box does not open under the channel key");
        }
        r.record("boxPlaintext", opened.get());
        DecodeResult<InitiateBoxPlaintext> plaintext = BoxPlaintextCodec.decodeInitiateBox(Unpooled.wrappedBuffer(opened.get()));
        if (!plaintext.isOk()) {
            return r.drop(plaintext);
        }
        r.record("messagePlaintext", plaintext.value().message());
        if (!channel.peerLongTerm().equals(publicKey(plaintext.value().initiatorLongTermPk()))) {
            return r.drop(DropReason.VOUCH_INVALID, "I differs from the identity of the live channel");
        }
        return channel.processPlaintext(counter, plaintext.value().message(), r);
    }

    /** Step 7: the vouch opens with beforenm(I, r) and holds the packet's I'. */
    private boolean vouchHolds(InitiateBoxPlaintext plaintext, PublicKey initiatorLongTerm, PublicKey initiatorShortTerm,
            Reception r) {
        Nonce nonce = Nonce.random(NoncePrefix.VOUCH, bytes(plaintext.vouchNonceRandom()), 0);
        r.record("vouchNonce", nonce);
        r.record("vouch", plaintext.vouch());
        Optional<BoxKey> key = crypto.beforenm(initiatorLongTerm, longTerm);
        if (key.isEmpty()) {
            return false;
        }
        r.record("vouchKey", key.get());
        Optional<byte[]> opened = secretBox.open(key.get(), nonce, bytes(plaintext.vouch()));
        if (opened.isEmpty()) {
            return false;
        }
        DecodeResult<VouchPlaintext> vouch = BoxPlaintextCodec.decodeVouch(Unpooled.wrappedBuffer(opened.get()));
        if (!vouch.isOk()) {
            return false;
        }
        r.record("vouchPlaintext", vouch.value().initiatorShortTermPk());
        return initiatorShortTerm.equals(publicKey(vouch.value().initiatorShortTermPk()));
    }

    /**
     * Opens a cookie as this responder does for an INITIATE from {@code initiator}: the secretbox
     * under {@code t_addr} (CRY-COOKIE-6; only the current minute key, the vectors have no other),
     * recording the address bytes, {@code t_addr}, the nonce and the plaintext.
     */
    Optional<CookiePlaintext> openCookie(ResponderCookie cookie, InetSocketAddress initiator, Reception r) {
        r.record("addressBytes", KeyDerivation.normalizeAddress(initiator.getAddress().getAddress()));
        BoxKey tAddr = KeyDerivation.addressBoundMinuteKey(minuteKey, initiator);
        r.record("addressBoundMinuteKey", tAddr);
        Nonce nonce = Nonce.random(NoncePrefix.MINUTE_KEY, bytes(cookie.nonceRandom()), 0);
        r.record("cookieNonce", nonce);
        Optional<byte[]> opened = secretBox.open(tAddr, nonce, bytes(cookie.box()));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        r.record("cookiePlaintext", opened.get());
        DecodeResult<CookiePlaintext> plaintext = BoxPlaintextCodec.decodeCookie(Unpooled.wrappedBuffer(opened.get()));
        return plaintext.isOk() ? Optional.of(plaintext.value()) : Optional.empty();
    }
}
