package org.sss.conformance.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.impair.LinkImpairment;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * How a {@link TesterPeer} connects.
 *
 * @param target the responder's UDP address
 * @param targetPublicKey the responder's long-term key R (32 bytes)
 * @param random every random choice of the peer (keys, nonces), seeded by the scenario
 * @param timeout the negotiation deadline (NEG-TIMER-2 uses 20 s)
 * @param identity the peer's long-term pair (i, I), or null to draw one from {@code random}
 * @param localAddress where to bind, or null for an ephemeral port on the loopback address of the
 *     target's family
 * @param settings the SETTINGS frame the peer declares (FRM-SET-1)
 * @param initiateFrames frames carried after SETTINGS in every INITIATE (NEG-TIMER-5 repeats them)
 * @param autoAck whether the peer acknowledges every ack-eliciting packet at once (CHN-ACK-2 allows it)
 * @param impairment what the simulated link does to the channel's datagrams once the channel is
 *     established (the negotiation itself runs on a clean link)
 */
public record PeerOptions(InetSocketAddress target, byte[] targetPublicKey, Random random, Duration timeout,
        X25519KeyPair identity, InetSocketAddress localAddress, PeerFrame.Settings settings,
        List<PeerFrame> initiateFrames, boolean autoAck, LinkImpairment impairment) {

    /**
     * Every version 1 setting at its default value (SPEC.md 7.9), in ascending tag order (FRM-SET-2):
     * FEC 0, INITIAL_MAX_DATA 1 048 576, INITIAL_MAX_STREAM_DATA 262 144, MAX_CONCURRENT_PEER_STREAMS
     * 100, IDLE_TIMEOUT_MS 120 000, MAX_PLAINTEXT 1168, MAX_ACK_DELAY_MS 25.
     */
    public static final PeerFrame.Settings DEFAULT_SETTINGS = new PeerFrame.Settings(List.of(
            PeerFrame.Setting.of(PeerFrame.Setting.FEC, 0),
            PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_DATA, 1_048_576),
            PeerFrame.Setting.of(PeerFrame.Setting.INITIAL_MAX_STREAM_DATA, 262_144),
            PeerFrame.Setting.of(PeerFrame.Setting.MAX_CONCURRENT_PEER_STREAMS, 100),
            PeerFrame.Setting.of(PeerFrame.Setting.IDLE_TIMEOUT_MS, 120_000),
            PeerFrame.Setting.of(PeerFrame.Setting.MAX_PLAINTEXT, 1168),
            PeerFrame.Setting.of(PeerFrame.Setting.MAX_ACK_DELAY_MS, 25)));

    /** Checks the required parts and copies the key. */
    public PeerOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetPublicKey, "targetPublicKey");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(impairment, "impairment");
        if (targetPublicKey.length != 32) {
            throw new IllegalArgumentException("targetPublicKey must be 32 bytes");
        }
        targetPublicKey = targetPublicKey.clone();
        initiateFrames = List.copyOf(initiateFrames);
    }

    /**
     * The defaults: a drawn identity, loopback, {@link #DEFAULT_SETTINGS}, no extra INITIATE frames,
     * auto-ACK on, a clean link.
     */
    public static PeerOptions of(InetSocketAddress target, byte[] targetPublicKey, Random random, Duration timeout) {
        return new PeerOptions(target, targetPublicKey, random, timeout, null, null, DEFAULT_SETTINGS, List.of(),
                true, LinkImpairment.NONE);
    }

    @Override
    public byte[] targetPublicKey() {
        return targetPublicKey.clone();
    }

    /** With a given long-term identity. */
    public PeerOptions withIdentity(X25519KeyPair value) {
        return new PeerOptions(target, targetPublicKey, random, timeout, value, localAddress, settings,
                initiateFrames, autoAck, impairment);
    }

    /** Bound to a given local address. */
    public PeerOptions withLocalAddress(InetSocketAddress value) {
        return new PeerOptions(target, targetPublicKey, random, timeout, identity, value, settings,
                initiateFrames, autoAck, impairment);
    }

    /** Declaring other settings. */
    public PeerOptions withSettings(PeerFrame.Settings value) {
        return new PeerOptions(target, targetPublicKey, random, timeout, identity, localAddress, value,
                initiateFrames, autoAck, impairment);
    }

    /** With frames after SETTINGS in every INITIATE. */
    public PeerOptions withInitiateFrames(List<PeerFrame> value) {
        return new PeerOptions(target, targetPublicKey, random, timeout, identity, localAddress, settings, value,
                autoAck, impairment);
    }

    /** With automatic ACKs on or off. */
    public PeerOptions withAutoAck(boolean value) {
        return new PeerOptions(target, targetPublicKey, random, timeout, identity, localAddress, settings,
                initiateFrames, value, impairment);
    }

    /** With the channel's datagrams passing a seedable impairment layer. */
    public PeerOptions withImpairment(LinkImpairment value) {
        return new PeerOptions(target, targetPublicKey, random, timeout, identity, localAddress, settings,
                initiateFrames, autoAck, value);
    }

    /** The value of one of {@link #settings()}, or the spec default when the tag is absent (FRM-SET-5). */
    public long setting(int tag, long defaultValue) {
        PeerFrame.Setting s = settings.find(tag);
        return s == null ? defaultValue : s.numericValue();
    }
}
