package org.sss.core.negotiation;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.NonceCounter;
import org.sss.core.crypto.PublicKey;

/**
 * Everything a successful negotiation hands to the channel layer (SPEC.md section 5.5, step 10 for
 * the responder, step 3 of "on MESSAGE" for the initiator).
 *
 * <p>The channel takes ownership: it destroys {@code ownShortTerm}'s secret key and
 * {@code sharedKey} when it ends, which gives the channel its forward secrecy.
 *
 * @param role which end this is
 * @param ownShortTerm this end's short-term key pair ({@code i'} or {@code r'})
 * @param peerShortTerm the peer's short-term public key ({@code R'} or {@code I'}); the channel's
 *     demultiplexing key for received MESSAGEs
 * @param peerLongTerm the peer's authenticated identity ({@code R} or {@code I})
 * @param sharedKey {@code beforenm(peerShortTerm, ownShortTerm)}, the key of every MESSAGE box
 * @param channelId the 16-byte channel ID (SPEC.md section 4.5)
 * @param sendCounter the nonce counter of {@code ownShortTerm}; for the initiator it continues
 *     after the HELLOs and INITIATEs it already numbered (CRY-NONCE rules)
 * @param peerAddress where the peer's packets came from and where MESSAGEs go
 * @param initiates the INITIATEs the initiator sent under {@code ownShortTerm}, in the order sent;
 *     empty for the responder
 */
public record NegotiatedChannel(
        Role role,
        KeyPair ownShortTerm,
        PublicKey peerShortTerm,
        PublicKey peerLongTerm,
        BoxKey sharedKey,
        byte[] channelId,
        NonceCounter sendCounter,
        InetSocketAddress peerAddress,
        List<SentInitiate> initiates) {

    /** Length of a channel ID in bytes. */
    public static final int CHANNEL_ID_LENGTH = 16;

    /** Checks every component; a channel ID is copied. */
    public NegotiatedChannel {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ownShortTerm, "ownShortTerm");
        Objects.requireNonNull(peerShortTerm, "peerShortTerm");
        Objects.requireNonNull(peerLongTerm, "peerLongTerm");
        Objects.requireNonNull(sharedKey, "sharedKey");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(sendCounter, "sendCounter");
        Objects.requireNonNull(peerAddress, "peerAddress");
        initiates = List.copyOf(Objects.requireNonNull(initiates, "initiates"));
        if (role == Role.RESPONDER && !initiates.isEmpty()) {
            throw new IllegalArgumentException("initiates: a responder sends no INITIATE, got " + initiates.size());
        }
        if (channelId.length != CHANNEL_ID_LENGTH) {
            throw new IllegalArgumentException("channelId: expected " + CHANNEL_ID_LENGTH + " bytes, got "
                    + channelId.length);
        }
        channelId = channelId.clone();
    }

    /**
     * A hand-over without INITIATE records: the responder's, or an initiator's whose INITIATEs are not
     * known (its channel then treats every ACK before its first MESSAGE as acknowledging what it never sent).
     */
    public NegotiatedChannel(Role role, KeyPair ownShortTerm, PublicKey peerShortTerm, PublicKey peerLongTerm,
            BoxKey sharedKey, byte[] channelId, NonceCounter sendCounter, InetSocketAddress peerAddress) {
        this(role, ownShortTerm, peerShortTerm, peerLongTerm, sharedKey, channelId, sendCounter, peerAddress,
                List.of());
    }

    /** A copy of the channel ID. */
    @Override
    public byte[] channelId() {
        return channelId.clone();
    }
}
