package org.sss.conformance.peer.responder;

import java.util.Arrays;
import java.util.Optional;
import org.sss.conformance.peer.crypto.KeyDerivation;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Packets;

/**
 * The responder's side of a channel's boxes under {@code K = beforenm(I', r')} (SPEC.md 4.5): it seals
 * MESSAGEs under {@code cUVVYcp-SERVER-m} and opens the initiator's under {@code cUVVYcp-CLIENT-m}, and
 * retransmitted INITIATEs under {@code cUVVYcp-CLIENT-i} (CRY-NONCE-2, section 5.5 step R2).
 */
final class ResponderBoxes {
    private final byte[] channelKey;
    private final byte[] initiatorShortTerm;
    private final byte[] responderShortTerm;
    private final byte[] channelId;

    ResponderBoxes(byte[] channelKey, byte[] initiatorShortTerm, byte[] responderShortTerm) {
        this.channelKey = channelKey.clone();
        this.initiatorShortTerm = initiatorShortTerm.clone();
        this.responderShortTerm = responderShortTerm.clone();
        this.channelId = KeyDerivation.channelId(channelKey, initiatorShortTerm, responderShortTerm);
    }

    byte[] initiatorShortTerm() {
        return initiatorShortTerm.clone();
    }

    /** CRY-KDF-1. */
    byte[] channelId() {
        return channelId.clone();
    }

    /** CHN-SEND-1: magic, R', be64(c), {@code box(plaintext, "cUVVYcp-SERVER-m" ‖ be64(c), I', r')}. */
    byte[] seal(long counter, byte[] plaintext) {
        byte[] box = Nacl.secretbox(plaintext, NoncePrefix.MESSAGE_FROM_RESPONDER.withCounter(counter), channelKey);
        return Packets.message(responderShortTerm, counter, box);
    }

    /** Opens a MESSAGE of the initiator (offset 48 on); empty when the box does not open. */
    Optional<byte[]> openMessage(byte[] datagram, long counter) {
        return Nacl.secretboxOpen(Arrays.copyOfRange(datagram, 48, datagram.length),
                NoncePrefix.MESSAGE_FROM_INITIATOR.withCounter(counter), channelKey);
    }

    /** Opens an INITIATE's box (offset 144 on) with the channel's key. */
    Optional<byte[]> openInitiate(byte[] datagram, long counter) {
        return Nacl.secretboxOpen(Arrays.copyOfRange(datagram, 144, datagram.length),
                NoncePrefix.INITIATE.withCounter(counter), channelKey);
    }
}
