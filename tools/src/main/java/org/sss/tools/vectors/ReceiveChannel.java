package org.sss.tools.vectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;
import java.util.Optional;
import org.sss.core.channel.ReplayWindow;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.FrameReader;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PacketHeaderCodec;

/**
 * One channel as its receiving side sees it: the box key {@code K}, the peer's nonce prefix for
 * MESSAGE, the receive replay window, and the peer's long-term key when known (the responder's
 * side). Holds the steps a channel applies to every packet it receives (SPEC.md section 6.1).
 */
final class ReceiveChannel {
    private final Optional<BoxKey> key;
    private final NoncePrefix peerMessagePrefix;
    private final PublicKey peerLongTerm;
    private final ReplayWindow window = new ReplayWindow();

    /**
     * @param key {@code K}; empty when the peer's short-term key is small-order, so that no box opens
     * @param peerMessagePrefix the prefix of the peer's MESSAGE nonces
     * @param peerLongTerm the peer's identity {@code I}, or {@code null} on the initiator's side
     */
    ReceiveChannel(Optional<BoxKey> key, NoncePrefix peerMessagePrefix, PublicKey peerLongTerm) {
        this.key = key;
        this.peerMessagePrefix = peerMessagePrefix;
        this.peerLongTerm = peerLongTerm;
    }

    /** The peer's identity {@code I}, or {@code null}. */
    PublicKey peerLongTerm() {
        return peerLongTerm;
    }

    /** The channel's box key, if the key agreement succeeded. */
    Optional<BoxKey> key() {
        return key;
    }

    /** Whether {@code counter} passes the replay window (CHN-REPLAY-2). */
    boolean isFresh(long counter) {
        return window.isAcceptable(counter);
    }

    /** Records an authenticated packet number (CHN-REPLAY-3). */
    void accept(long counter) {
        window.accept(counter);
    }

    /**
     * A MESSAGE, in the order of CHN-RECV-1: the length was checked by the codec; select the
     * channel (UNKNOWN_CHANNEL), check the replay window (PACKET_REPLAYED), open the box
     * (BOX_OPEN_FAILED), then the plaintext.
     */
    static Reception receiveMessage(Map<PublicKey, ReceiveChannel> channels, MessagePacket packet, SecretBox secretBox,
            Reception r) {
        long counter = packet.nonceCounter();
        r.record("nonceCounter", counter);
        r.record("box", packet.box());
        // SPEC PKT-DEMUX-3: the channel is selected by the sender's short-term key at offset 8
        ReceiveChannel channel = channels.get(Buffers.publicKey(packet.senderShortTermPk()));
        if (channel == null) {
            return r.drop(DropReason.UNKNOWN_CHANNEL, "no channel for sender key %s", Buffers.hex(packet.senderShortTermPk()));
        }
        if (!channel.isFresh(counter)) {
            return r.drop(DropReason.PACKET_REPLAYED, "counter %s was seen or is below the window",
                    Long.toUnsignedString(counter));
        }
        Nonce nonce = Nonce.counter(channel.peerMessagePrefix, counter);
        r.record("nonce", nonce);
        Optional<byte[]> plaintext = channel.open(nonce, packet.box(), secretBox, r);
        if (plaintext.isEmpty()) {
            return r.drop(DropReason.BOX_OPEN_FAILED, "the MESSAGE box does not open under the channel key and %s",
                    channel.peerMessagePrefix.ascii());
        }
        r.record("boxPlaintext", plaintext.get());
        r.record("messagePlaintext", plaintext.get());
        return channel.processPlaintext(counter, Unpooled.wrappedBuffer(plaintext.get()), r);
    }

    /** Opens a box of this channel, recording the key; empty when it does not open. */
    Optional<byte[]> open(Nonce nonce, ByteBuf box, SecretBox secretBox, Reception r) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        r.record("boxKey", key.get());
        return secretBox.open(key.get(), nonce, Buffers.bytes(box));
    }

    /**
     * Steps 5 to 8 of CHN-RECV-1 (and R4 of NEG-RPROC-3): the header (a fault closes the channel),
     * its packet number against the counter (PACKET_NUMBER_MISMATCH), the replay window, the frames.
     */
    Reception processPlaintext(long counter, ByteBuf plaintext, Reception r) {
        DecodeResult<PacketHeader> header = PacketHeaderCodec.decode(plaintext.duplicate());
        if (!header.isOk()) {
            return r.drop(header);
        }
        // SPEC CHN-HDR-5: the packet number field equals the low bits of the nonce counter
        if (!header.value().matchesCounter(counter)) {
            return r.drop(DropReason.PACKET_NUMBER_MISMATCH, "header packet number %s, nonce counter %s",
                    Long.toUnsignedString(header.value().packetNumberLow()), Long.toUnsignedString(counter));
        }
        accept(counter);
        r.record("packetNumber", counter);
        DecodeResult<MessagePlaintext> frames = FrameReader.decode(plaintext.duplicate());
        return frames.isOk() ? r : r.drop(frames);
    }
}
