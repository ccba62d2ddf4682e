package org.sss.conformance.peer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The small-order keys the CRY-PRIM-4 scenarios send really make X25519 return zero, and a box sealed
 * under {@link SmallOrderKeys#zeroSharedSecretBoxKey()} is exactly what a non-checking {@code box_open}
 * would open: otherwise those scenarios could not fail.
 */
class SmallOrderKeysTest {
    @Test
    void everyKeyGivesAnAllZeroSharedSecret() {
        Random random = new Random(7);
        for (int i = 0; i < SmallOrderKeys.count(); i++) {
            byte[] point = SmallOrderKeys.key(i);
            X25519KeyPair pair = X25519KeyPair.generate(random);
            assertThatThrownBy(() -> Nacl.x25519(pair.secretKey(), point)).as("key %d", i)
                    .isInstanceOf(SmallOrderKeyException.class);
        }
    }

    @Test
    void theZeroKeyIsHsalsaOfZeros() {
        byte[] nonce = NoncePrefix.HELLO.withCounter(1);
        byte[] box = Nacl.secretbox(new byte[64], nonce, SmallOrderKeys.zeroSharedSecretBoxKey());
        Optional<byte[]> opened = Nacl.secretboxOpen(box, nonce, Hsalsa20.hash(new byte[32], new byte[16]));
        assertThat(opened).hasValueSatisfying(p -> assertThat(p).hasSize(64));
    }
}
