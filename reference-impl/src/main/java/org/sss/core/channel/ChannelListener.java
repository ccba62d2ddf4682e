package org.sss.core.channel;

import java.util.List;
import org.sss.core.wire.Frame;

/**
 * The events of one {@link Channel}, called on the thread that drives it, from inside its
 * {@code accept…}, {@code on…}, {@code send}, {@code close} and {@code onTimeout} calls.
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
}
