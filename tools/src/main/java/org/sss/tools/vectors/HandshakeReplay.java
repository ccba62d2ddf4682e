package org.sss.tools.vectors;

import static org.sss.tools.vectors.VectorJson.hex;
import static org.sss.tools.vectors.VectorJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.wire.BoxPlaintextCodec;
import org.sss.core.wire.CookieBoxPlaintext;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketType;

/**
 * Both ends of one handshake.json negotiation, fresh for each test: every datagram is decoded with
 * {@link PacketCodec} and handed to the side the test names as {@code receiver}, which keeps its
 * state (channels, replay windows, used cookies) for the datagrams that follow.
 */
final class HandshakeReplay {
    private final HandshakeInputs inputs;
    private final ResponderReceiver responder;
    private final InitiatorReceiver initiator;

    HandshakeReplay(CryptoProvider crypto, HandshakeInputs inputs) {
        this.inputs = inputs;
        this.responder = new ResponderReceiver(crypto, inputs.responderLongTermPrivate(), inputs.minuteKey());
        this.initiator = new InitiatorReceiver(crypto, inputs.initiatorShortTermPrivate(), inputs.responderLongTerm());
    }

    /** Delivers the {@code packet} of test {@code t} from its source to its receiver. */
    Reception deliver(JsonNode t) {
        byte[] datagram = hex(t, "packet");
        InetSocketAddress source = HandshakeInputs.socketAddress(t, "sourceAddress", "sourcePort");
        String receiver = text(t, "receiver");
        if (!receiver.equals("responder") && !receiver.equals("initiator")) {
            throw new MalformedVectorException("field receiver is neither responder nor initiator: " + receiver);
        }
        Reception r = new Reception();
        if (datagram.length >= PacketType.MAGIC_LENGTH) {
            r.packetType(PacketType.fromMagic(ByteBuffer.wrap(datagram).getLong()));
        }
        DecodeResult<Packet> decoded = PacketCodec.decode(Unpooled.wrappedBuffer(datagram));
        if (!decoded.isOk()) {
            return r.drop(decoded);
        }
        if (receiver.equals("initiator")) {
            return initiator.receive(decoded.value(), source, r);
        }
        if (decoded.value().type() == PacketType.HELLO) {
            // The initiator sent it, to the responder: its negotiation now awaits the COOKIE.
            initiator.helloSent(inputs.responderAddress());
        }
        return responder.receive(decoded.value(), source, r);
    }

    /**
     * The values of an accepted COOKIE that only its maker can compute ({@code addressBytes},
     * {@code addressBoundMinuteKey}, {@code cookieNonce}, {@code cookiePlaintext}): the responder
     * opens the cookie it sent, as it will when the INITIATE returns it from {@code helloSource}.
     */
    void openCookieAsResponder(Reception cookie, InetSocketAddress helloSource) {
        Object boxPlaintext = cookie.values().get("boxPlaintext");
        if (!(boxPlaintext instanceof byte[] bytes)) {
            return;
        }
        DecodeResult<CookieBoxPlaintext> plaintext = BoxPlaintextCodec.decodeCookieBox(Unpooled.wrappedBuffer(bytes));
        if (plaintext.isOk()) {
            Reception opened = new Reception();
            responder.openCookie(plaintext.value().cookie(), helloSource, opened);
            cookie.merge(opened);
        }
    }
}
