package org.sss.core.crypto;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;

/**
 * XSalsa20-Poly1305 on {@link XSalsa20Keystream} (Bouncy Castle's Salsa20 core) and Bouncy Castle's
 * {@link Poly1305}, allocating nothing per message. Buffers with an accessible array are processed
 * where they lie; others go through a scratch array that is cleared after use.
 */
final class BcSecretBox implements SecretBox {
    private static final int MAC_KEY_LENGTH = 32;

    private final XSalsa20Keystream cipher = new XSalsa20Keystream();
    private final Poly1305 mac = new Poly1305();
    // KeyParameter copies its argument once here; getKey() then returns that internal array, which
    // is overwritten with each one-time key so that keying Poly1305 allocates nothing.
    private final KeyParameter oneTimeKey = new KeyParameter(new byte[MAC_KEY_LENGTH]);
    private final byte[] macKey = oneTimeKey.getKey();
    private final byte[] tag = new byte[TAG_LENGTH];
    private final byte[] counterNonce = new byte[Nonce.LENGTH];
    private byte[] scratch = new byte[0];

    @Override
    public int seal(BoxKey key, Nonce nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        return seal(key, nonceBytes(nonce), in, inOffset, length, out, outOffset);
    }

    private int seal(BoxKey key, byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length + TAG_LENGTH, out.length);
        start(key, nonce);
        try {
            int ctOffset = outOffset + TAG_LENGTH;
            byte[] src = in;
            int srcOffset = inOffset;
            if (overlapsShifted(in, inOffset, out, ctOffset, length)) {
                System.arraycopy(in, inOffset, out, ctOffset, length);
                src = out;
                srcOffset = ctOffset;
            }
            cipher.xor(src, srcOffset, length, out, ctOffset);
            mac.update(out, ctOffset, length);
            mac.doFinal(out, outOffset);
            return length + TAG_LENGTH;
        } finally {
            finish();
        }
    }

    @Override
    public boolean open(BoxKey key, Nonce nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        return open(key, nonceBytes(nonce), in, inOffset, length, out, outOffset);
    }

    private boolean open(BoxKey key, byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        if (length < TAG_LENGTH) {
            return false;
        }
        Objects.checkFromIndexSize(inOffset, length, in.length);
        int plaintextLength = length - TAG_LENGTH;
        Objects.checkFromIndexSize(outOffset, plaintextLength, out.length);
        start(key, nonce);
        try {
            int ctOffset = inOffset + TAG_LENGTH;
            mac.update(in, ctOffset, plaintextLength);
            mac.doFinal(tag, 0);
            if (!Arrays.constantTimeAreEqual(TAG_LENGTH, tag, 0, in, inOffset)) {
                return false;
            }
            byte[] src = in;
            int srcOffset = ctOffset;
            if (overlapsShifted(in, ctOffset, out, outOffset, plaintextLength)) {
                System.arraycopy(in, ctOffset, out, outOffset, plaintextLength);
                src = out;
                srcOffset = outOffset;
            }
            cipher.xor(src, srcOffset, plaintextLength, out, outOffset);
            return true;
        } finally {
            finish();
        }
    }

    @Override
    public void seal(BoxKey key, Nonce nonce, ByteBuf buf, int index, int plaintextLength) {
        seal(key, nonceBytes(nonce), buf, index, plaintextLength);
    }

    @Override
    public void seal(BoxKey key, NoncePrefix prefix, long counter, ByteBuf buf, int index, int plaintextLength) {
        seal(key, counterNonce(prefix, counter), buf, index, plaintextLength);
    }

    private void seal(BoxKey key, byte[] nonce, ByteBuf buf, int index, int plaintextLength) {
        checkRange(buf, index, plaintextLength);
        if (buf.hasArray()) {
            int at = buf.arrayOffset() + index;
            seal(key, nonce, buf.array(), at + TAG_LENGTH, plaintextLength, buf.array(), at);
            return;
        }
        int boxLength = plaintextLength + TAG_LENGTH;
        byte[] s = scratch(boxLength);
        try {
            buf.getBytes(index + TAG_LENGTH, s, TAG_LENGTH, plaintextLength);
            seal(key, nonce, s, TAG_LENGTH, plaintextLength, s, 0);
            buf.setBytes(index, s, 0, boxLength);
        } finally {
            Arrays.fill(s, 0, boxLength, (byte) 0);
        }
    }

    @Override
    public boolean open(BoxKey key, Nonce nonce, ByteBuf buf, int index, int boxLength) {
        return open(key, nonceBytes(nonce), buf, index, boxLength);
    }

    @Override
    public boolean open(BoxKey key, NoncePrefix prefix, long counter, ByteBuf buf, int index, int boxLength) {
        return open(key, counterNonce(prefix, counter), buf, index, boxLength);
    }

    private boolean open(BoxKey key, byte[] nonce, ByteBuf buf, int index, int boxLength) {
        Objects.requireNonNull(buf, "buf");
        if (boxLength < TAG_LENGTH) {
            return false;
        }
        checkRange(buf, index, boxLength - TAG_LENGTH);
        if (buf.hasArray()) {
            int at = buf.arrayOffset() + index;
            return open(key, nonce, buf.array(), at, boxLength, buf.array(), at + TAG_LENGTH);
        }
        byte[] s = scratch(boxLength);
        try {
            buf.getBytes(index, s, 0, boxLength);
            if (!open(key, nonce, s, 0, boxLength, s, TAG_LENGTH)) {
                return false;
            }
            buf.setBytes(index + TAG_LENGTH, s, TAG_LENGTH, boxLength - TAG_LENGTH);
            return true;
        } finally {
            Arrays.fill(s, 0, boxLength, (byte) 0);
        }
    }

    private static byte[] nonceBytes(Nonce nonce) {
        return Objects.requireNonNull(nonce, "nonce").array();
    }

    /** prefix ‖ be64(counter) in the box's own scratch, so the per-packet path allocates no Nonce. */
    private byte[] counterNonce(NoncePrefix prefix, long counter) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.kind() != NoncePrefix.Kind.COUNTER) {
            throw new IllegalArgumentException("prefix: " + prefix + " takes 16 random bytes, not a counter");
        }
        prefix.writeTo(counterNonce, 0);
        for (int i = 0; i < Long.BYTES; i++) {
            counterNonce[Nonce.LENGTH - 1 - i] = (byte) (counter >>> (8 * i));
        }
        return counterNonce;
    }

    private void start(BoxKey key, byte[] nonce) {
        Objects.requireNonNull(key, "key");
        cipher.init(key.array(), nonce);
        // The first 32 keystream bytes are the one-time Poly1305 key; the message starts after them.
        Arrays.fill(macKey, (byte) 0);
        cipher.xor(macKey, 0, MAC_KEY_LENGTH, macKey, 0);
        mac.init(oneTimeKey);
        Arrays.fill(macKey, (byte) 0);
    }

    private void finish() {
        cipher.clear();
        Arrays.fill(macKey, (byte) 0);
        Arrays.fill(tag, (byte) 0);
        mac.reset();
    }

    /**
     * Whether the ranges overlap without coinciding. The data is then moved first (arraycopy copes
     * with overlap) and transformed in place, which any stream cipher supports.
     */
    private static boolean overlapsShifted(byte[] src, int srcOffset, byte[] dst, int dstOffset, int length) {
        return src == dst && srcOffset != dstOffset && dstOffset < srcOffset + length && srcOffset < dstOffset + length;
    }

    private static void checkRange(ByteBuf buf, int index, int plaintextLength) {
        Objects.requireNonNull(buf, "buf");
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("plaintextLength: negative (" + plaintextLength + ")");
        }
        Objects.checkFromIndexSize(index, plaintextLength + TAG_LENGTH, buf.capacity());
    }

    private byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        return scratch;
    }
}
