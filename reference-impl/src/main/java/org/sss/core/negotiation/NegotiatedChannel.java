package org.sss.core.negotiation;

import java.net.InetSocketAddress;
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
 */
public record NegotiatedChannel(
        Role role,
        KeyPair ownShortTerm,
        PublicKey peerShortTerm,
        PublicKey peerLongTerm,
        BoxKey sharedKey,
        byte[] channelId,
        NonceCounter sendCounter,
        InetSocketAddress peerAddress) {

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
        if (channelId.length != CHANNEL_ID_LENGTH) {
            throw new IllegalArgumentException("channelId: expected " + CHANNEL_ID_LENGTH + " bytes, got "
                    + channelId.length);
        }
        channelId = channelId.clone();
    }

    /** A copy of the channel ID. */
    @Override
    public byte[] channelId() {
        return channelId.clone();
    }
}
