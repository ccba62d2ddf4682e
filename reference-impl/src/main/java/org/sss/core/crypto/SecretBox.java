package org.sss.core.crypto;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305). A box is {@code tag(16) || ciphertext}: the
 * keystream's first 32 bytes key Poly1305, the rest encrypts the message, and the tag covers the
 * ciphertext. A crypto_box is this with a {@link BoxKey} from {@link BoxKey#beforenm}.
 *
 * <p>{@code open} never throws on forged, truncated or corrupted input: it returns false and
 * writes no plaintext. Instances hold scratch state and are not thread-safe; use one per thread or
 * channel ({@link CryptoProvider#newSecretBox()}).
 */
public interface SecretBox {
    /** Length of the Poly1305 tag in bytes, the only overhead of a box. */
    int TAG_LENGTH = 16;

    /**
     * Seals {@code in[inOffset, inOffset + length)} into {@code out[outOffset, outOffset + 16 + length)}
     * as {@code tag || ciphertext}. The ranges may overlap.
     *
     * @return the box length, {@code length + 16}
     */
    int seal(BoxKey key, Nonce nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /**
     * Opens the box {@code in[inOffset, inOffset + length)} into
     * {@code out[outOffset, outOffset + length - 16)}. The ranges may overlap.
     *
     * @return false (with nothing written) when {@code length < 16} or the tag does not verify
     */
    boolean open(BoxKey key, Nonce nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /**
     * Seals in place: the plaintext at {@code buf[index + 16, index + 16 + plaintextLength)} becomes
     * the ciphertext and the tag is written to {@code buf[index, index + 16)}. Reader and writer
     * indices are not changed.
     */
    void seal(BoxKey key, Nonce nonce, ByteBuf buf, int index, int plaintextLength);

    /**
     * Opens in place: the box at {@code buf[index, index + boxLength)} leaves its plaintext at
     * {@code buf[index + 16, index + boxLength)}. Reader and writer indices are not changed.
     *
     * @return false (with the buffer unchanged) when {@code boxLength < 16} or the tag does not verify
     */
    boolean open(BoxKey key, Nonce nonce, ByteBuf buf, int index, int boxLength);

    /**
     * As {@link #seal(BoxKey, Nonce, ByteBuf, int, int)} with the nonce {@code prefix ‖ be64(counter)}
     * (a counter prefix, CRY-NONCE rules); implementations may avoid creating a {@link Nonce}, which
     * matters on the per-packet path.
     */
    default void seal(BoxKey key, NoncePrefix prefix, long counter, ByteBuf buf, int index, int plaintextLength) {
        seal(key, Nonce.counter(prefix, counter), buf, index, plaintextLength);
    }

    /**
     * As {@link #open(BoxKey, Nonce, ByteBuf, int, int)} with the nonce {@code prefix ‖ be64(counter)}.
     */
    default boolean open(BoxKey key, NoncePrefix prefix, long counter, ByteBuf buf, int index, int boxLength) {
        return open(key, Nonce.counter(prefix, counter), buf, index, boxLength);
    }

    /** Seals {@code plaintext} into a new array {@code tag || ciphertext}. */
    default byte[] seal(BoxKey key, Nonce nonce, byte[] plaintext) {
        byte[] box = new byte[plaintext.length + TAG_LENGTH];
        seal(key, nonce, plaintext, 0, plaintext.length, box, 0);
        return box;
    }

    /** Opens {@code box} into a new array; empty when it does not open. */
    default Optional<byte[]> open(BoxKey key, Nonce nonce, byte[] box) {
        if (box.length < TAG_LENGTH) {
            return Optional.empty();
        }
        byte[] plaintext = new byte[box.length - TAG_LENGTH];
        return open(key, nonce, box, 0, box.length, plaintext, 0) ? Optional.of(plaintext) : Optional.empty();
    }
}
