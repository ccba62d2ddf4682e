package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sss.core.testing.TestSeed;

/** The counter-nonce seal/open overloads agree with the ones that take a {@link Nonce}. */
class CounterNonceSealTest {

    @Test
    void counterOverloadsProduceAndOpenTheSameBoxesAsNonceOverloads() {
        long seed = TestSeed.forTest("CounterNonceSealTest");
        Random random = new Random(seed);
        SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        BoxKey key = BoxKey.of(keyBytes);
        for (NoncePrefix prefix : NoncePrefix.values()) {
            if (prefix.kind() != NoncePrefix.Kind.COUNTER) {
                continue;
            }
            for (long counter : new long[] {0, 1, 255, 256, 0x0102030405060708L, -1L, random.nextLong()}) {
                byte[] plaintext = new byte[1 + random.nextInt(300)];
                random.nextBytes(plaintext);
                ByteBuf viaCounter = Unpooled.directBuffer().writeZero(SecretBox.TAG_LENGTH).writeBytes(plaintext);
                ByteBuf viaNonce = Unpooled.directBuffer().writeZero(SecretBox.TAG_LENGTH).writeBytes(plaintext);
                box.seal(key, prefix, counter, viaCounter, 0, plaintext.length);
                box.seal(key, Nonce.counter(prefix, counter), viaNonce, 0, plaintext.length);
                assertThat(viaCounter).as("%s counter %d", prefix, counter).isEqualTo(viaNonce);

                assertThat(box.open(key, Nonce.counter(prefix, counter), viaCounter, 0, viaCounter.readableBytes()))
                        .isTrue();
                ByteBuf sealed = Unpooled.directBuffer().writeZero(SecretBox.TAG_LENGTH).writeBytes(plaintext);
                box.seal(key, Nonce.counter(prefix, counter), sealed, 0, plaintext.length);
                assertThat(box.open(key, prefix, counter, sealed, 0, sealed.readableBytes())).isTrue();
                assertThat(sealed.slice(SecretBox.TAG_LENGTH, plaintext.length)).isEqualTo(Unpooled.wrappedBuffer(plaintext));
                assertThat(box.open(key, prefix, counter + 1, viaCounter, 0, viaCounter.readableBytes()))
                        .as("another counter must not open it").isFalse();
                viaCounter.release();
                viaNonce.release();
                sealed.release();
            }
        }
    }

    @Test
    void aRandomPrefixIsRefusedByTheCounterOverloads() {
        SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
        BoxKey key = BoxKey.of(new byte[32]);
        ByteBuf buf = Unpooled.buffer(64).writeZero(64);
        assertThatThrownBy(() -> box.seal(key, NoncePrefix.VOUCH, 1, buf, 0, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
    }
}
