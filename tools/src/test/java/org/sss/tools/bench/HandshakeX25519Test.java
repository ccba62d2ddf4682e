package org.sss.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.sss.core.channel.ChannelConfig;

/**
 * The X25519 counts that {@link HandshakeX25519} states (and the handshake ceilings are built on)
 * are the ones the reference implementation performs, counted through its crypto provider.
 */
class HandshakeX25519Test {
    private static final long SEED = 20_240_611L;

    private final CountingCryptoProvider crypto = new CountingCryptoProvider();
    private final InMemoryHandshake fixture = new InMemoryHandshake(crypto, SEED, ChannelConfig.defaults());

    @Test
    void aWholeHandshakeDoesThreeBasePointAndSixVariableBaseMultiplications() {
        crypto.takeCount("fixture");
        fixture.handshake();
        assertThat(counts(crypto.takeCount("handshake"))).isEqualTo(counts(HandshakeX25519.Work.HANDSHAKE));
    }

    @Test
    void theResponderDoesOnePlusOnePerHelloAndOnePlusTwoPerInitiate() {
        ByteBuf hello = fixture.hello();
        crypto.takeCount("initiator until HELLO");
        fixture.answerAndDropCookie(hello);
        hello.release();
        assertThat(counts(crypto.takeCount("HELLO"))).isEqualTo(counts(HandshakeX25519.Work.RESPONDER_HELLO));

        ByteBuf initiate = fixture.initiate();
        crypto.takeCount("initiator and responder until INITIATE");
        fixture.acceptInitiate(initiate);
        assertThat(counts(crypto.takeCount("INITIATE"))).isEqualTo(counts(HandshakeX25519.Work.RESPONDER_INITIATE));
    }

    @Test
    void theWorkOfTheEndsAddsUpToTheHandshake() {
        HandshakeX25519.Work ends = HandshakeX25519.Work.INITIATOR.plus(HandshakeX25519.Work.RESPONDER_HELLO)
                .plus(HandshakeX25519.Work.RESPONDER_INITIATE);
        assertThat(counts(ends)).isEqualTo(counts(HandshakeX25519.Work.HANDSHAKE));
    }

    @Test
    void performDoesExactlyTheMultiplicationsOfTheWork() {
        HandshakeX25519 x25519 = new HandshakeX25519(crypto, SEED);
        crypto.takeCount("keys");
        x25519.perform(HandshakeX25519.Work.HANDSHAKE);
        assertThat(counts(crypto.takeCount("perform"))).isEqualTo(counts(HandshakeX25519.Work.HANDSHAKE));
    }

    private static String counts(HandshakeX25519.Work work) {
        return work.basePoint() + " base-point, " + work.variableBase() + " variable-base";
    }
}
