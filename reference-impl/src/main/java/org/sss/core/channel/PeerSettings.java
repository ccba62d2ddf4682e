package org.sss.core.channel;

import java.util.Objects;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;

/**
 * The values of one end's SETTINGS (SPEC.md section 7.9), with the default of every tag the frame
 * omits (FRM-SET-5). Before the peer's SETTINGS arrive, a channel uses {@link #DEFAULTS} (FRM-SET-6).
 *
 * @param fec FEC wanted; always 0 in version 1
 * @param congestionFeedback the DECONGESTION subtype wanted, 0 for none
 * @param initialMaxData the initial channel-wide flow-control limit
 * @param initialMaxStreamData the initial limit of each new stream
 * @param maxConcurrentPeerStreams how many streams the other end may have live at once
 * @param idleTimeoutMs the idle timeout in milliseconds; 0 means none
 * @param maxPlaintext the largest message plaintext M accepted
 * @param maxAckDelayMs the longest delay of an ACK, in milliseconds
 */
public record PeerSettings(long fec, long congestionFeedback, long initialMaxData, long initialMaxStreamData,
        long maxConcurrentPeerStreams, long idleTimeoutMs, long maxPlaintext, long maxAckDelayMs) {

    /** The defaults of the table in SPEC.md section 7.9. */
    public static final PeerSettings DEFAULTS = new PeerSettings(0, 0, 1_048_576, 262_144, 100, 120_000, 1168, 25);

    /**
     * The settings a SETTINGS frame declares, the defaults filling the gaps.
     * SPEC FRM-SET-5: a receiver uses the default of every tag that the peer's SETTINGS omits.
     */
    public static PeerSettings from(SettingsFrame frame) {
        Objects.requireNonNull(frame, "frame");
        return new PeerSettings(
                frame.get(SettingsTag.FEC).orElse(DEFAULTS.fec),
                frame.get(SettingsTag.CONGESTION_FEEDBACK).orElse(DEFAULTS.congestionFeedback),
                frame.get(SettingsTag.INITIAL_MAX_DATA).orElse(DEFAULTS.initialMaxData),
                frame.get(SettingsTag.INITIAL_MAX_STREAM_DATA).orElse(DEFAULTS.initialMaxStreamData),
                frame.get(SettingsTag.MAX_CONCURRENT_PEER_STREAMS).orElse(DEFAULTS.maxConcurrentPeerStreams),
                frame.get(SettingsTag.IDLE_TIMEOUT_MS).orElse(DEFAULTS.idleTimeoutMs),
                frame.get(SettingsTag.MAX_PLAINTEXT).orElse(DEFAULTS.maxPlaintext),
                frame.get(SettingsTag.MAX_ACK_DELAY_MS).orElse(DEFAULTS.maxAckDelayMs));
    }
}
