package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sss.core.testing.TestSeed;

/** Sealing and opening, and every way a box can fail to open. */
class SecretBoxTest {
    private final SecretBox box = CryptoProvider.bouncyCastle().newSecretBox();
    private SplittableRandom random;
    private BoxKey key;
    private Nonce nonce;
    private byte[] message;
    private byte[] sealed;

    @BeforeEach
    void setUp() {
        random = new SplittableRandom(TestSeed.forTest("SecretBoxTest"));
        key = BoxKey.of(bytes(32));
        nonce = Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 42);
        message = bytes(100);
        sealed = box.seal(key, nonce, message);
    }

    @Test
    void boxIsTagThenCiphertextAndOpensToTheMessage() {
        assertThat(sealed).hasSize(message.length + SecretBox.TAG_LENGTH);
        assertThat(box.open(key, nonce, sealed)).hasValue(message);
    }

    @Test
    void emptyMessageSealsToTagAlone() {
        byte[] tagOnly = box.seal(key, nonce, new byte[0]);
        assertThat(tagOnly).hasSize(16);
        assertThat(box.open(key, nonce, tagOnly)).hasValue(new byte[0]);
    }

    @Test
    void everyFlippedBitIsRefused() {
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] forged = sealed.clone();
                forged[i] ^= (byte) (1 << bit);
                assertThat(box.open(key, nonce, forged)).as("byte %d bit %d", i, bit).isEmpty();
            }
        }
    }

    @Test
    void wrongKeyIsRefused() {
        assertThat(box.open(BoxKey.of(bytes(32)), nonce, sealed)).isEmpty();
    }

    @Test
    void wrongNonceAndWrongPrefixAreRefused() {
        assertThat(box.open(key, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 43), sealed)).isEmpty();
        assertThat(box.open(key, Nonce.counter(NoncePrefix.MESSAGE_FROM_RESPONDER, 42), sealed)).isEmpty();
    }

    @Test
    void truncatedBoxesAreRefusedWithoutException() {
        for (int length = 0; length < sealed.length; length++) {
            assertThat(box.open(key, nonce, Arrays.copyOf(sealed, length))).as("length %d", length).isEmpty();
        }
        assertThat(box.open(key, nonce, sealed, 0, 15, new byte[0], 0)).isFalse();
    }

    @Test
    void failedOpenWritesNothing() {
        byte[] forged = sealed.clone();
        forged[0] ^= 1;
        byte[] out = new byte[message.length];
        Arrays.fill(out, (byte) 0x55);
        assertThat(box.open(key, nonce, forged, 0, forged.length, out, 0)).isFalse();
        assertThat(out).containsOnly((byte) 0x55);
    }

    @Test
    void sealsAndOpensAtOffsetsAndInPlaceWithAnyOverlap() {
        for (int shift = -40; shift <= 40; shift++) {
            byte[] buf = new byte[300];
            int in = 100;
            System.arraycopy(message, 0, buf, in, message.length);
            int out = in + shift;
            box.seal(key, nonce, buf, in, message.length, buf, out);
            assertThat(Arrays.copyOfRange(buf, out, out + sealed.length)).as("seal shift %d", shift).isEqualTo(sealed);
            int back = out - shift;
            assertThat(box.open(key, nonce, buf, out, sealed.length, buf, back)).isTrue();
            assertThat(Arrays.copyOfRange(buf, back, back + message.length)).as("open shift %d", shift).isEqualTo(message);
        }
    }

    @Test
    void sealsAndOpensInPlaceOnHeapDirectAndCompositeByteBufs() {
        ByteBuf heap = Unpooled.buffer(200);
        ByteBuf direct = Unpooled.directBuffer(200);
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponents(true, Unpooled.buffer(50).writeZero(50), Unpooled.directBuffer(150).writeZero(150));
        for (ByteBuf buf : new ByteBuf[] {heap, direct, composite}) {
            try {
                int index = 7;
                buf.setBytes(index + 16, message);
                box.seal(key, nonce, buf, index, message.length);
                byte[] got = new byte[sealed.length];
                buf.getBytes(index, got);
                assertThat(got).as(buf.getClass().getSimpleName()).isEqualTo(sealed);
                assertThat(box.open(key, nonce, buf, index, sealed.length)).isTrue();
                byte[] plain = new byte[message.length];
                buf.getBytes(index + 16, plain);
                assertThat(plain).isEqualTo(message);
                buf.setByte(index + 20, buf.getByte(index + 20) ^ 1);
                assertThat(box.open(key, nonce, buf, index, sealed.length)).isFalse();
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void openOnByteBufLeavesAForgedBoxUntouched() {
        ByteBuf direct = Unpooled.directBuffer(sealed.length);
        try {
            byte[] forged = sealed.clone();
            forged[sealed.length - 1] ^= 1;
            direct.writeBytes(forged);
            assertThat(box.open(key, nonce, direct, 0, forged.length)).isFalse();
            byte[] after = new byte[forged.length];
            direct.getBytes(0, after);
            assertThat(after).isEqualTo(forged);
            assertThat(box.open(key, nonce, direct, 0, 15)).isFalse();
        } finally {
            direct.release();
        }
    }

    @Test
    void destroyedKeysCannotBeUsed() {
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(() -> box.seal(key, nonce, message)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(key, nonce, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThatThrownBy(() -> box.seal(key, nonce, message, 0, message.length, new byte[message.length], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        ByteBuf small = Unpooled.buffer(20, 20);
        assertThatThrownBy(() -> box.seal(key, nonce, small, 0, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
