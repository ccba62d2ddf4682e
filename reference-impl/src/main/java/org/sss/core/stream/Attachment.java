package org.sss.core.stream;

import org.sss.core.wire.Usid;

/**
 * A stream's attachment to one channel: its LSID there and what each end has done on it (SPEC.md
 * sections 8.2, 8.3 and 8.9).
 */
final class Attachment {
    final StreamCore stream;
    final ChannelStreams channel;
    final long lsid;
    /** Whether this end chose the LSID (opened or attached the stream here): its frames carry INIT until acknowledged. */
    final boolean chosenHere;
    /** The parent's LSID on this channel for INIT frames (0 for top-level streams and attaches). */
    final long parentLsid;
    /** The USID to send with INIT when this is an attach (STR-ATTACH-1), else null. */
    final Usid attachUsid;

    /** SPEC STR-OPEN-2: INIT is set on every frame until a packet carrying one was acknowledged. */
    boolean initAcknowledged;
    /** Whether this end sent any STREAM frame here (STR-PRIO-5: children wait for it). */
    boolean anyFrameSent;
    /** SPEC FRM-DETACH-1: no STREAM frame after our DETACH. */
    boolean detachSent;
    /** The packet number that carried the peer's DETACH, or -1. */
    long peerDetachPacket = -1;
    /**
     * The highest stream offset sent here (offset + length); before the first frame, the sender's
     * base offset (SPEC CHN-FLOW-9), lowered to the first frame's offset if that is lower.
     */
    long sendHighest;
    /** SPEC CHN-FLOW-9: the receiver's base offset (lowest offset received here), or -1 before any. */
    long receiveBase = -1;
    /** The highest stream offset received here. */
    long receiveHighest;
    /** The limit value of the last BLOCKED sent for this stream, or -1. */
    long blockedSentAt = -1;
    boolean inScheduler;
    /** How much of {@link #receivedData()} was returned to the channel as credit. */
    long channelCredited;
    /** A PRIORITY set before the opening frame went out follows that frame (FRM-PRIO-3). */
    boolean priorityAfterInit;

    Attachment(StreamCore stream, ChannelStreams channel, long lsid, boolean chosenHere, long parentLsid,
            Usid attachUsid, long sendBase) {
        this.stream = stream;
        this.channel = channel;
        this.lsid = lsid;
        this.chosenHere = chosenHere;
        this.parentLsid = parentLsid;
        this.attachUsid = attachUsid;
        this.sendHighest = sendBase;
        this.initAcknowledged = !chosenHere;
    }

    /** The channel-wide data this attachment accounts for on the receive side (CHN-FLOW-9). */
    long receivedData() {
        return receiveBase < 0 ? 0 : receiveHighest - receiveBase;
    }

    @Override
    public String toString() {
        return "Attachment[lsid=" + lsid + "]";
    }
}
