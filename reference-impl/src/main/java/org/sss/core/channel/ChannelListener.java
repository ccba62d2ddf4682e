package org.sss.core.channel;

import java.util.List;
import org.sss.core.wire.Frame;

/**
 * The events of one {@link Channel}, called on the thread that drives it, from inside its
 * {@code accept…}, {@code on…}, {@code send}, {@code close} and {@code onTimeout} calls.
 *
 * <p>The fate of every packet sent through {@link Channel#send} (not the channel's own ACK-only,
 * CLOSE and PING-probe packets, nor an initiator's INITIATEs) is reported exactly once: either
 * {@link #onPacketAcked} or {@link #onPacketLost}, during {@link Channel#onMessage} (and the other
 * receive calls) or {@link Channel#onTimeout}, never from inside {@code send}. A listener must not
 * call {@code send} from {@code onFrames}, {@code onPacketAcked} or {@code onPacketLost}; it may from
 * {@link #onProbe}.
 */
public interface ChannelListener {

    /**
     * The frames of one accepted packet that the channel layer does not consume itself (STREAM,
     * RESET, PRIORITY, DETACH, MAX_DATA, MAX_STREAM_DATA, BLOCKED, GOAWAY, PATH_CHALLENGE,
     * PATH_RESPONSE, DECONGESTION), in packet order. Not called for packets without such frames, nor
     * in the closing or draining state (CHN-CLOSE-5).
     *
     * <p>The list and the byte fields of its frames are valid only during the call: they are views
     * of the received datagram. A listener that keeps data copies it or retains a slice.
     *
     * @param packetNumber the packet's number
     * @param frames the frames, unmodifiable
     */
    void onFrames(long packetNumber, List<Frame> frames);

    /**
     * Whether the frames handed over so far broke a rule that closes the channel: the channel then
     * acts on no later frame of the packet (SPEC FRM-GEN-6), the listener closes it.
     */
    default boolean hasFault() {
        return false;
    }

    /** The peer's SETTINGS arrived (once per channel); they apply from now on. */
    default void onPeerSettings(PeerSettings settings) {
    }

    /**
     * The channel stopped carrying data: it sent or received CLOSE, or timed out. Called once. The
     * channel may still need its timers until {@link #onDiscarded()}.
     */
    default void onClosed(ChannelClosure closure) {
    }

    /** The channel reached {@link ChannelState#CLOSED} and erased its keys; remove it from any table. */
    default void onDiscarded() {
    }

    /** The channel should be replaced by a new negotiation (called at most once). */
    default void onRekeyDue(RekeyReason reason) {
    }

    /**
     * A packet this end sent through {@link Channel#send} was newly acknowledged (CHN-ACK-9).
     * Called once per packet, never for a packet already reported lost.
     *
     * @param packetNumber the packet's number
     */
    default void onPacketAcked(long packetNumber) {
    }

    /**
     * A packet this end sent through {@link Channel#send} was declared lost (CHN-LOSS-1 or
     * CHN-LOSS-2), or was forgotten because more than {@link ChannelConfig#maxSentPackets()} packets
     * awaited acknowledgement; its retransmittable frames should be sent again (CHN-LOSS-5). Called
     * once per packet; an acknowledgement that arrives later is not reported. Never called for a
     * skipped packet number (CHN-ACK-13).
     *
     * @param packetNumber the packet's number
     */
    default void onPacketLost(long packetNumber) {
    }

    /**
     * The probe timeout expired (CHN-LOSS-3): the listener may send up to {@code count} packets with
     * {@link Channel#send} from within this call, preferably carrying new or unacknowledged data
     * (CHN-LOSS-4); they bypass the congestion window and pacing, and {@link Channel#canSend()} is
     * true for them. For each of the {@code count} probes it does not send, the channel sends a PING
     * itself after the call returns.
     *
     * @param count 1 on the first expiry since the last acknowledgement, 2 on every later one
     */
    default void onProbe(int count) {
    }
}
