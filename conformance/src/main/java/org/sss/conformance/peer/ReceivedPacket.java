package org.sss.conformance.peer;

import java.util.List;
import org.sss.conformance.peer.wire.DecodedPlaintext;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * A MESSAGE from the target whose box opened.
 *
 * @param packetNumber the nonce counter, which is the packet number (CHN-PN-1)
 * @param datagram the logged datagram
 * @param plaintext the whole decrypted plaintext
 * @param decoded the plaintext as read by the Kaitai parser, or null when the parser rejected it
 * @param parseError why the parser rejected the plaintext, or null
 */
public record ReceivedPacket(long packetNumber, LoggedDatagram datagram, byte[] plaintext, DecodedPlaintext decoded,
        String parseError) {
    /** Copies the plaintext. */
    public ReceivedPacket {
        plaintext = plaintext.clone();
    }

    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    /** Whether the Kaitai parser read the plaintext. */
    public boolean isWellFormed() {
        return decoded != null;
    }

    /** The header, or null when the plaintext did not parse. */
    public PacketHeader header() {
        return decoded == null ? null : decoded.header();
    }

    /** The frames in order (empty when the plaintext did not parse). */
    public List<PeerFrame> frames() {
        return decoded == null ? List.of() : decoded.frames();
    }

    /** The frames of one record type. */
    public <T extends PeerFrame> List<T> framesOf(Class<T> type) {
        return decoded == null ? List.of() : decoded.framesOf(type);
    }

    /** Whether the packet is ack-eliciting (SPEC.md 7.0). */
    public boolean isAckEliciting() {
        return decoded != null && decoded.isAckEliciting();
    }
}
