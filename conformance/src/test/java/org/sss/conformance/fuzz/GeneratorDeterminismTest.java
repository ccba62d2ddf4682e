package org.sss.conformance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sss.conformance.peer.CookieContents;
import org.sss.conformance.peer.InitiatorNegotiation;
import org.sss.conformance.peer.crypto.X25519KeyPair;

/** One seed gives the same packets: the generators draw every choice from the input's seed. */
class GeneratorDeterminismTest {
    @Test
    void theSameSeedGivesTheSamePlaintext() {
        for (long seed = 0; seed < 500; seed++) {
            FrameInputs.Context context = new FrameInputs.Context(7, List.of(1L), 3);
            FrameInputs.Plaintext a = FrameInputs.generate(new Random(seed), context);
            FrameInputs.Plaintext b = FrameInputs.generate(new Random(seed), context);
            assertThat(a.bytes()).as("seed %d", seed).isEqualTo(b.bytes());
            assertThat(a.label()).isEqualTo(b.label());
        }
    }

    @Test
    void theSameSeedAndSessionGiveTheSameDatagram() {
        Random keys = new Random(1);
        InitiatorNegotiation negotiation = new InitiatorNegotiation(X25519KeyPair.generate(keys),
                X25519KeyPair.generate(keys), X25519KeyPair.generate(keys).publicKey());
        byte[] rPrime = X25519KeyPair.generate(keys).publicKey();
        PreHandshakeInputs.Context context = new PreHandshakeInputs.Context(negotiation,
                new CookieContents(rPrime, new byte[96]), 5);
        for (long seed = 0; seed < 300; seed++) {
            assertThat(PreHandshakeInputs.generate(new Random(seed), context).bytes()).as("seed %d", seed)
                    .isEqualTo(PreHandshakeInputs.generate(new Random(seed), context).bytes());
        }
    }
}
