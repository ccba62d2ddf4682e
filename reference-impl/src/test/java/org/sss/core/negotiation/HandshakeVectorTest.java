package org.sss.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sss.core.crypto.KeyPair;
import org.sss.core.time.ManualClock;
import org.sss.core.wire.EmptyFrame;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.SettingsFrame;

/**
 * The negotiation layer reproduces spec/vectors/handshake.json byte for byte when it is given the
 * transcript's keys, nonces and random bytes (SPEC NEG-HELLO-1, NEG-COOKIE-1, CRY-COOKIE-5,
 * NEG-INITIATE-1, NEG-INITIATE-2, NEG-INITIATE-3, CRY-KDF-1), and accepts the transcript's packets.
 */
class HandshakeVectorTest {
    private final HandshakeJson v = HandshakeJson.load();
    private final ManualClock clock = new ManualClock();
    private final SentDatagrams sent = new SentDatagrams();

    @Test
    void responderAnswersTheTranscriptHelloWithTheTranscriptCookie() {
        ScriptedRandom random = new ScriptedRandom(v.groupHex("minuteKey"))
                .then(v.groupHex("responderShortTermPrivate"))
                .then(v.nonceRandom(HandshakeJson.COOKIE, "cookieNonce"))
                .then(v.nonceRandom(HandshakeJson.COOKIE, "nonce"));
        Responder responder = responder(random);

        HelloOutcome outcome = responder.onHello(wrap(v.packet(HandshakeJson.HELLO)), v.initiatorAddress());

        assertThat(outcome).isEqualTo(new HelloOutcome.CookieSent(v.initiatorAddress(), 168));
        SentDatagrams.Sent cookie = sent.take();
        assertThat(cookie.recipient()).isEqualTo(v.initiatorAddress());
        assertThat(hex(cookie.bytes())).isEqualTo(hex(v.packet(HandshakeJson.COOKIE)));
        assertThat(random.remaining()).isZero();
    }

    @Test
    void responderAcceptsTheTranscriptInitiateAndDerivesTheTranscriptChannel() {
        Responder responder = responder(new ScriptedRandom(v.groupHex("minuteKey")));

        InitiateOutcome outcome = responder.onInitiate(wrap(v.packet(HandshakeJson.INITIATE)), v.initiatorAddress());

        assertThat(outcome).isInstanceOf(InitiateOutcome.Accepted.class);
        InitiateOutcome.Accepted accepted = (InitiateOutcome.Accepted) outcome;
        try {
            NegotiatedChannel channel = accepted.channel();
            assertThat(channel.role()).isEqualTo(Role.RESPONDER);
            assertThat(hex(channel.channelId())).isEqualTo(hex(v.hex(HandshakeJson.INITIATE, "channelId")));
            assertThat(hex(channel.sharedKey().bytes())).isEqualTo(hex(v.hex(HandshakeJson.INITIATE, "boxKey")));
            assertThat(channel.peerLongTerm()).isEqualTo(v.publicKey("initiatorLongTermPublic"));
            assertThat(channel.peerShortTerm()).isEqualTo(v.publicKey("initiatorShortTermPublic"));
            assertThat(channel.ownShortTerm().publicKey()).isEqualTo(v.publicKey("responderShortTermPublic"));
            assertThat(channel.peerAddress()).isEqualTo(v.initiatorAddress());
            assertThat(channel.sendCounter().next()).isEqualTo(1);
            assertThat(accepted.packetNumber()).isEqualTo(v.number(HandshakeJson.INITIATE, "packetNumber"));
            assertThat(ByteBufUtil.hexDump(accepted.messagePlaintext()))
                    .isEqualTo(hex(v.hex(HandshakeJson.INITIATE, "messagePlaintext")));
        } finally {
            accepted.messagePlaintext().release();
        }
        assertThat(responder.replayCache().size()).isEqualTo(1);
    }

    @Test
    void initiatorSendsTheTranscriptHelloAndInitiateAndOpensTheTranscriptMessage() {
        ScriptedRandom random = new ScriptedRandom(v.groupHex("initiatorShortTermPrivate"))
                .then(v.nonceRandom(HandshakeJson.INITIATE, "vouchNonce"));
        List<Long> contentCalls = new ArrayList<>();
        InitiateContent content = transcriptFrames(contentCalls);
        Initiator initiator = Initiator.builder(v.keyPair("initiatorLongTermPrivate"),
                        v.publicKey("responderLongTermPublic"), v.responderAddress(), sent)
                .random(random).clock(clock).content(content).build();

        initiator.start();
        assertThat(hex(sent.take().bytes())).isEqualTo(hex(v.packet(HandshakeJson.HELLO)));

        CookieOutcome cookie = initiator.onCookie(wrap(v.packet(HandshakeJson.COOKIE)), v.responderAddress());
        assertThat(cookie).isEqualTo(new CookieOutcome.InitiateSent(v.publicKey("responderShortTermPublic"), 2));
        SentDatagrams.Sent initiate = sent.take();
        assertThat(initiate.recipient()).isEqualTo(v.responderAddress());
        assertThat(hex(initiate.bytes())).isEqualTo(hex(v.packet(HandshakeJson.INITIATE)));
        assertThat(contentCalls).containsExactly(2L);
        assertThat(random.remaining()).isZero();

        FirstMessageOutcome first = initiator.onFirstMessage(wrap(v.packet(HandshakeJson.RESPONDER_MESSAGE)));
        assertThat(first).isInstanceOf(FirstMessageOutcome.Established.class);
        FirstMessageOutcome.Established established = (FirstMessageOutcome.Established) first;
        try {
            NegotiatedChannel channel = established.channel();
            assertThat(channel.role()).isEqualTo(Role.INITIATOR);
            assertThat(hex(channel.channelId())).isEqualTo(hex(v.hex(HandshakeJson.INITIATE, "channelId")));
            assertThat(channel.peerShortTerm()).isEqualTo(v.publicKey("responderShortTermPublic"));
            assertThat(channel.peerLongTerm()).isEqualTo(v.publicKey("responderLongTermPublic"));
            // SPEC CRY-CTR-1: i''s one counter continues after HELLO (1) and INITIATE (2)
            assertThat(channel.sendCounter().next()).isEqualTo(v.number(HandshakeJson.INITIATOR_MESSAGE, "nonceCounter"));
            assertThat(established.packetNumber()).isEqualTo(1);
            assertThat(ByteBufUtil.hexDump(established.plaintext()))
                    .isEqualTo(hex(v.hex(HandshakeJson.RESPONDER_MESSAGE, "messagePlaintext")));
        } finally {
            established.plaintext().release();
        }
        assertThat(initiator.state()).isEqualTo(Initiator.State.ESTABLISHED);
        assertThat(initiator.nextTimeoutNanos()).isEqualTo(Initiator.NO_TIMEOUT);
    }

    /** The transcript's INITIATE frames (SETTINGS, STREAM) without the padding, which the initiator adds. */
    private InitiateContent transcriptFrames(List<Long> calls) {
        ByteBuf plaintext = wrap(v.hex(HandshakeJson.INITIATE, "messagePlaintext"));
        MessagePlaintext message = FrameReader.decode(plaintext).value();
        List<Frame> frames = new ArrayList<>(message.frames());
        while (frames.get(frames.size() - 1) instanceof EmptyFrame) {
            frames.remove(frames.size() - 1);
        }
        assertThat(frames.get(0)).isInstanceOf(SettingsFrame.class);
        return (packetNumber, out, maxBytes) -> {
            calls.add(packetNumber);
            frames.forEach(f -> FrameCodec.encode(f, out));
        };
    }

    private Responder responder(ScriptedRandom random) {
        KeyPair longTerm = v.keyPair("responderLongTermPrivate");
        return Responder.builder(longTerm, sent).random(random).clock(clock)
                .helloRateLimiter(HelloRateLimiter.unlimited()).build();
    }

    static ByteBuf wrap(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }

    static String hex(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }
}
