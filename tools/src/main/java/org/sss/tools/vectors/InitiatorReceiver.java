package org.sss.tools.vectors;

import static org.sss.tools.vectors.Buffers.bytes;
import static org.sss.tools.vectors.Buffers.publicKey;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;
import org.sss.core.wire.BoxPlaintextCodec;
import org.sss.core.wire.CookieBoxPlaintext;
import org.sss.core.wire.CookiePacket;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.Packet;

/**
 * The initiator's side of handshake.json: the COOKIE and the responder's MESSAGEs, processed in
 * the order of SPEC.md section 5.5 (NEG-IPROC-1) and 6.1 (CHN-RECV-1) with the production codecs
 * and crypto. It holds what an initiator holds: {@code i'}, the responder's {@code R}, the
 * negotiation its HELLO opened, and then its channel by {@code R'}.
 */
final class InitiatorReceiver {
    private final CryptoProvider crypto;
    private final SecretBox secretBox;
    private final SecretKey shortTerm;
    private final PublicKey responderLongTerm;
    private final Map<PublicKey, ReceiveChannel> channels = new HashMap<>();
    private InetSocketAddress pendingNegotiation;

    InitiatorReceiver(CryptoProvider crypto, SecretKey shortTerm, PublicKey responderLongTerm) {
        this.crypto = crypto;
        this.secretBox = crypto.newSecretBox();
        this.shortTerm = shortTerm;
        this.responderLongTerm = responderLongTerm;
    }

    /** The initiator sent a HELLO to {@code responder}: its negotiation now awaits a COOKIE from there. */
    void helloSent(InetSocketAddress responder) {
        if (channels.isEmpty()) {
            pendingNegotiation = responder;
        }
    }

    /** The verdict on a datagram {@code packet} (already decoded) from {@code source}. */
    Reception receive(Packet packet, InetSocketAddress source, Reception r) {
        if (packet instanceof CookiePacket cookie) {
            return cookie(cookie, source, r);
        }
        if (packet instanceof MessagePacket message) {
            return ReceiveChannel.receiveMessage(channels, message, secretBox, r);
        }
        // SPEC PKT-DEMUX-1: an endpoint that accepts no incoming channels drops HELLO and INITIATE
        return r.drop(DropReason.UNKNOWN_MAGIC, "%s at an initiator, which accepts no incoming channels", packet.type());
    }

    /** NEG-IPROC-1: the length was checked by the codec; find the negotiation, open the box, keep R'. */
    private Reception cookie(CookiePacket p, InetSocketAddress source, Reception r) {
        r.record("box", p.box());
        Nonce nonce = Nonce.random(NoncePrefix.COOKIE, bytes(p.nonceRandom()), 0);
        r.record("nonce", nonce);
        // SPEC PKT-DEMUX-2: only a negotiation that sent a HELLO to the COOKIE's source and has no COOKIE yet
        if (pendingNegotiation == null || !pendingNegotiation.equals(source)) {
            return r.drop(DropReason.UNKNOWN_CHANNEL, "no negotiation awaits a COOKIE from %s", source);
        }
        Optional<BoxKey> key = crypto.beforenm(responderLongTerm, shortTerm);
        if (key.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "R is a small-order key");
        }
        r.record("boxKey", key.get());
        Optional<byte[]> opened = secretBox.open(key.get(), nonce, bytes(p.box()));
        if (opened.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "the COOKIE box does not open under beforenm(R, i')");
        }
        r.record("boxPlaintext", opened.get());
        DecodeResult<CookieBoxPlaintext> plaintext = BoxPlaintextCodec.decodeCookieBox(Unpooled.wrappedBuffer(opened.get()));
        if (!plaintext.isOk()) {
            return r.drop(plaintext);
        }
        r.record("cookie", Unpooled.wrappedBuffer(plaintext.value().cookie().nonceRandom(),
                plaintext.value().cookie().box()));
        PublicKey responderShortTerm = publicKey(plaintext.value().responderShortTermPk());
        channels.put(responderShortTerm, new ReceiveChannel(crypto.beforenm(responderShortTerm, shortTerm),
                NoncePrefix.MESSAGE_FROM_RESPONDER, null));
        pendingNegotiation = null;
        return r;
    }
}
