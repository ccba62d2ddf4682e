package org.sss.core.channel;

import io.netty.buffer.ByteBuf;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.SecretBox;
import org.sss.core.negotiation.Role;

/**
 * The boxes of one channel under its key {@code K}: MESSAGEs sealed with this end's prefix and
 * counter, MESSAGEs opened with the peer's prefix, and (on the responder) retransmitted INITIATEs
 * opened with {@code cUVVYcp-CLIENT-i}. All work is in place. Not thread-safe.
 */
final class ChannelBoxes {
    private final SecretBox secretBox;
    private final BoxKey key;
    private final Role role;

    ChannelBoxes(SecretBox secretBox, BoxKey key, Role role) {
        this.secretBox = secretBox;
        this.key = key;
        this.role = role;
    }

    /**
     * Seals the plaintext at {@code buf[boxIndex + 16, boxIndex + 16 + plaintextLength)} in place,
     * the tag going to {@code buf[boxIndex, boxIndex + 16)}.
     * SPEC CHN-SEND-1, CRY-NONCE-1: the nonce is this end's MESSAGE prefix followed by be64(counter).
     */
    void sealMessage(long counter, ByteBuf buf, int boxIndex, int plaintextLength) {
        secretBox.seal(key, role.sendPrefix(), counter, buf, boxIndex, plaintextLength);
    }

    /**
     * Opens a MESSAGE box (the readable bytes of {@code box}) in place.
     * SPEC CRY-NONCE-2, PKT-DEMUX-5: opened with the channel's key and the prefix of the peer's direction.
     *
     * @return false, with the bytes unchanged, when it does not open
     */
    boolean openMessage(long counter, ByteBuf box) {
        return open(role.receivePrefix(), counter, box);
    }

    /**
     * Opens an INITIATE box (the readable bytes of {@code box}) in place.
     * SPEC NEG-RPROC-3 step R2: the channel's key and the prefix {@code cUVVYcp-CLIENT-i}.
     */
    boolean openInitiate(long counter, ByteBuf box) {
        return open(NoncePrefix.INITIATE, counter, box);
    }

    private boolean open(NoncePrefix prefix, long counter, ByteBuf box) {
        return secretBox.open(key, prefix, counter, box, box.readerIndex(), box.readableBytes());
    }
}
