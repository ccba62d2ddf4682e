package org.sss.conformance.peer;

import java.util.Arrays;
import java.util.Optional;
import org.sss.conformance.peer.crypto.KeyDerivation;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;

/**
 * Seals and opens the MESSAGE boxes of one channel (CHN-SEND-1, section 6.1 steps 2 and 4) under
 * {@code K}, with this side's prefix for sending and the other side's for opening (CRY-NONCE-2); on the
 * responder's side also the boxes of retransmitted INITIATEs (section 5.5 step R2). Used by the tester
 * peer (initiator) and by the suite's own responder.
 */
public final class ChannelBoxes {
    /** Magic, I', the 96-byte cookie and the counter come before an INITIATE's box. */
    private static final int INITIATE_BOX_OFFSET = 8 + 32 + 96 + 8;
    private final byte[] channelKey;
    private final byte[] ownShortTermPublic;
    private final byte[] peerShortTermPublic;
    private final NoncePrefix sendPrefix;
    private final NoncePrefix receivePrefix;
    private final byte[] channelId;

    private ChannelBoxes(byte[] channelKey, byte[] ownShortTermPublic, byte[] peerShortTermPublic,
            NoncePrefix sendPrefix, NoncePrefix receivePrefix, byte[] channelId) {
        this.channelKey = channelKey.clone();
        this.ownShortTermPublic = ownShortTermPublic.clone();
        this.peerShortTermPublic = peerShortTermPublic.clone();
        this.sendPrefix = sendPrefix;
        this.receivePrefix = receivePrefix;
        this.channelId = channelId;
    }

    /** The initiator's view: sends under {@code cUVVYcp-CLIENT-m}, opens under {@code cUVVYcp-SERVER-m}. */
    public static ChannelBoxes forInitiator(byte[] channelKey, byte[] initiatorShortTermPublic,
            byte[] responderShortTermPublic) {
        return new ChannelBoxes(channelKey, initiatorShortTermPublic, responderShortTermPublic,
                NoncePrefix.MESSAGE_FROM_INITIATOR, NoncePrefix.MESSAGE_FROM_RESPONDER,
                KeyDerivation.channelId(channelKey, initiatorShortTermPublic, responderShortTermPublic));
    }

    /** The responder's view: sends under {@code cUVVYcp-SERVER-m}, opens under {@code cUVVYcp-CLIENT-m}. */
    public static ChannelBoxes forResponder(byte[] channelKey, byte[] initiatorShortTermPublic,
            byte[] responderShortTermPublic) {
        return new ChannelBoxes(channelKey, responderShortTermPublic, initiatorShortTermPublic,
                NoncePrefix.MESSAGE_FROM_RESPONDER, NoncePrefix.MESSAGE_FROM_INITIATOR,
                KeyDerivation.channelId(channelKey, initiatorShortTermPublic, responderShortTermPublic));
    }

    /** K. */
    public byte[] channelKey() {
        return channelKey.clone();
    }

    /** CRY-KDF-1 channel ID. */
    public byte[] channelId() {
        return channelId.clone();
    }

    /** The peer's short-term key, which selects this channel in its MESSAGEs. */
    public byte[] peerShortTermPublic() {
        return peerShortTermPublic.clone();
    }

    /** CHN-SEND-1: magic, own key, be64(c), {@code box(plaintext, prefix ‖ be64(c), peer', own')}. */
    public byte[] sealMessage(long counter, byte[] plaintext) {
        byte[] box = Nacl.secretbox(plaintext, sendPrefix.withCounter(counter), channelKey);
        return Packets.message(ownShortTermPublic, counter, box);
    }

    /** Whether a MESSAGE datagram names this channel by the peer's key at offset 8 (PKT-DEMUX-3). */
    public boolean selects(byte[] datagram) {
        return Magic.MESSAGE.starts(datagram) && datagram.length >= 48
                && Arrays.equals(datagram, 8, 40, peerShortTermPublic, 0, 32);
    }

    /** The nonce counter of a MESSAGE datagram (offset 40). */
    public static long counterOf(byte[] datagram) {
        long c = 0;
        for (int i = 40; i < 48; i++) {
            c = c << 8 | (datagram[i] & 0xff);
        }
        return c;
    }

    /** Opens a MESSAGE of the peer; empty when its box does not open (BOX_OPEN_FAILED). */
    public Optional<byte[]> openMessage(byte[] datagram) {
        if (!selects(datagram)) {
            return Optional.empty();
        }
        return Nacl.secretboxOpen(Arrays.copyOfRange(datagram, 48, datagram.length),
                receivePrefix.withCounter(counterOf(datagram)), channelKey);
    }

    /**
     * Opens the box of an INITIATE (from offset 144) that the peer sent again on this channel, under K
     * and {@code cUVVYcp-CLIENT-i} (section 5.5 step R2); empty when it does not open.
     */
    public Optional<byte[]> openInitiate(byte[] datagram, long counter) {
        return Nacl.secretboxOpen(Arrays.copyOfRange(datagram, INITIATE_BOX_OFFSET, datagram.length),
                NoncePrefix.INITIATE.withCounter(counter), channelKey);
    }
}
