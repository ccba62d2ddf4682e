package org.sss.conformance.peer.wire;

import java.util.List;
import org.sss.spec.kaitai.Sss;

/**
 * A message plaintext read by the Kaitai parser: its header and frames as records, the bytes
 * ignored after a CLOSE (FRM-CLOSE-2), and the Kaitai object for scenarios that want the raw tree.
 *
 * @param header the packet header
 * @param frames every frame in order, each zero byte of padding as an EMPTY frame
 * @param ignoredAfterClose bytes after a CLOSE frame (empty when none)
 * @param kaitai the parsed Kaitai tree
 */
public record DecodedPlaintext(PacketHeader header, List<PeerFrame> frames, byte[] ignoredAfterClose,
        Sss.MessagePlaintext kaitai) {
    /** Copies the list. */
    public DecodedPlaintext {
        frames = List.copyOf(frames);
    }

    /** Whether any frame makes the packet ack-eliciting (SPEC.md 7.0). */
    public boolean isAckEliciting() {
        return frames.stream().anyMatch(PeerFrame::isAckEliciting);
    }

    /** The frames of one record type, in order. */
    public <T extends PeerFrame> List<T> framesOf(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
