package org.sss.core.host;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.sss.core.crypto.PublicKey;
import org.sss.core.negotiation.Role;

/**
 * The keys of one established channel, as handed to a {@link ChannelKeyLog}: enough to open every
 * MESSAGE box of the channel in a capture. Byte arrays are copied in and out; {@link #toString()} never
 * shows a secret.
 *
 * @param role which end of the channel this host is
 * @param ownShortTermPublic this host's short-term public key ({@code I'} or {@code R'})
 * @param ownShortTermSecret this host's short-term secret key ({@code i'} or {@code r'})
 * @param peerShortTerm the peer's short-term public key ({@code R'} or {@code I'})
 * @param channelKey K, {@code crypto_box_beforenm} of the two short-term keys, which opens every MESSAGE
 * @param channelId the 16-byte channel ID (SPEC.md section 4.5)
 * @param peerAddress where the peer's packets come from
 */
public record ChannelSecrets(Role role, PublicKey ownShortTermPublic, byte[] ownShortTermSecret,
        PublicKey peerShortTerm, byte[] channelKey, byte[] channelId, InetSocketAddress peerAddress) {

    /** Checks every component and copies the arrays. */
    public ChannelSecrets {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ownShortTermPublic, "ownShortTermPublic");
        ownShortTermSecret = Objects.requireNonNull(ownShortTermSecret, "ownShortTermSecret").clone();
        Objects.requireNonNull(peerShortTerm, "peerShortTerm");
        channelKey = Objects.requireNonNull(channelKey, "channelKey").clone();
        channelId = Objects.requireNonNull(channelId, "channelId").clone();
        Objects.requireNonNull(peerAddress, "peerAddress");
    }

    /** The initiator's short-term public key {@code I'}. */
    public PublicKey initiatorShortTerm() {
        return role == Role.INITIATOR ? ownShortTermPublic : peerShortTerm;
    }

    /** The responder's short-term public key {@code R'}. */
    public PublicKey responderShortTerm() {
        return role == Role.RESPONDER ? ownShortTermPublic : peerShortTerm;
    }

    @Override
    public byte[] ownShortTermSecret() {
        return ownShortTermSecret.clone();
    }

    @Override
    public byte[] channelKey() {
        return channelKey.clone();
    }

    @Override
    public byte[] channelId() {
        return channelId.clone();
    }

    @Override
    public String toString() {
        return "ChannelSecrets[" + role + " with " + peerAddress + ", keys not shown]";
    }
}
