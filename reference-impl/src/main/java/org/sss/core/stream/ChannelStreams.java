package org.sss.core.stream;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.core.channel.Channel;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelState;
import org.sss.core.channel.PeerSettings;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.negotiation.Role;
import org.sss.core.time.Clock;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.BlockedFrame;
import org.sss.core.wire.DetachFrame;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.FieldWidths;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.GoawayFrame;
import org.sss.core.wire.MaxDataFrame;
import org.sss.core.wire.MaxStreamDataFrame;
import org.sss.core.wire.NackRange;
import org.sss.core.wire.PriorityFrame;
import org.sss.core.wire.ResetFrame;
import org.sss.core.wire.StreamFrame;
import org.sss.core.wire.Usid;
import org.sss.core.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams of one channel (SPEC.md sections 6.7 and 8): LSIDs, the receive rules for STREAM,
 * RESET, DETACH, PRIORITY, MAX_DATA, MAX_STREAM_DATA and BLOCKED, flow control, and the packet
 * scheduler that fills the channel's packets by priority within the congestion window.
 *
 * <p>The host feeds it the channel's events ({@link #onFrames}, {@link #onPacketAcked},
 * {@link #onPacketLost}, {@link #onProbe}) and calls {@link #flush()} after every channel call and
 * every application operation, and {@link #onTimeout} when {@link #nextTimeoutNanos()} has passed.
 * A fault in a peer's frame closes the channel with the error SPEC.md names, after the frames before
 * it were acted on (FRM-GEN-6). Not thread-safe: one event loop.
 */
public final class ChannelStreams {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelStreams.class);
    /** Room left in each packet for the channel's ACK frame. */
    private static final int ACK_RESERVE = AckFrame.BASE_LENGTH + 2 * NackRange.LENGTH;
    /** Fixed part of a STREAM frame with a length field: type, flags, LSID, length. */
    private static final int STREAM_FIXED = 1 + 2 + 4 + 2;
    private static final int PARENT_LENGTH = 4;
    /** A PRIORITY frame: type, LSID, priority. */
    private static final int PRIORITY_LENGTH = 1 + 4 + 4;
    /** A packet is not worth filling further below this many bytes of room. */
    private static final int MIN_USEFUL_ROOM = 24;
    private static final int MAX_RESET_REASON = 100;
    private static final long MAX_LSID = 0xFFFF_FFFFL;

    private final Channel channel;
    private final ChannelStreamsListener listener;
    private final Clock clock;
    private final byte[] channelId;
    private final long ownParity;
    private final Map<Long, Attachment> live = new HashMap<>();
    private final PeerLsidWindow peerLsids;
    private final PriorityScheduler<Attachment> scheduler = new PriorityScheduler<>();
    private final ArrayDeque<Frame> control = new ArrayDeque<>();
    private final Map<Long, Object[]> inFlight = new HashMap<>();
    private final Map<Long, List<PendingInit>> waitingForParent = new HashMap<>();
    private final Map<Long, Long> waitingParentOf = new HashMap<>();
    /** Children held back until their parent's first frame went out (STR-PRIO-5). */
    private final List<Attachment> blockedOnParent = new ArrayList<>();
    private final LinkedHashMap<Attachment, Long> incompleteDatagrams = new LinkedHashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final List<Object> items = new ArrayList<>();
    private final List<ByteBuf> toRelease = new ArrayList<>();

    private long nextLsid;
    private long highestChosen;
    private int livePeerOpened;
    /** Streams this end opened whose INIT went out and that are not closed here (STR-LIMIT-2). */
    private int openedOnWire;
    private int waitingInits;
    private final long localMaxConcurrent;

    // SPEC CHN-FLOW-2: channel-wide data this end sent, against the peer's limit
    private long peerMaxData;
    /** last_peer_lsid of the latest GOAWAY received, or -1 (FRM-GOAWAY-3). */
    private long lastGoawayLsid = -1;
    private long dataSent;
    private long blockedSentAt = -1;
    private long maxDataReceived;
    // SPEC CHN-FLOW-3: channel-wide data received, against this end's advertised limit
    private final long maxDataWindow;
    private long localMaxData;
    private long dataReceived;
    private long dataConsumed;
    private final long localInitialMaxStreamData;

    private ErrorCode faultCode;
    private String faultReason;
    private boolean closed;
    private long framesRejected;

    /**
     * The stream layer of one established (or establishing) channel.
     *
     * @param channel the channel; its frames come to this object through the host
     * @param config the channel's configuration (this end's flow-control and stream limits)
     * @param listener the host
     * @param clock the host's clock
     */
    public ChannelStreams(Channel channel, ChannelConfig config, ChannelStreamsListener listener, Clock clock) {
        this.channel = channel;
        this.listener = listener;
        this.clock = clock;
        this.channelId = channel.channelId();
        boolean initiator = channel.role() == Role.INITIATOR;
        // SPEC STR-ID-1: odd LSIDs for the initiator, even for the responder
        this.ownParity = initiator ? 1 : 0;
        this.nextLsid = initiator ? 1 : 2;
        this.peerLsids = new PeerLsidWindow(initiator ? 0 : 1);
        PeerSettings local = config.localSettings();
        this.localMaxConcurrent = local.maxConcurrentPeerStreams();
        this.maxDataWindow = local.initialMaxData();
        this.localMaxData = local.initialMaxData();
        this.localInitialMaxStreamData = local.initialMaxStreamData();
        this.peerMaxData = PeerSettings.DEFAULTS.initialMaxData();
    }

    /** The channel. */
    public Channel channel() {
        return channel;
    }

    /** The peer's settings arrived: the initial channel limit (the stream limits are read per stream). */
    public void onPeerSettings(PeerSettings settings) {
        // SPEC CHN-FLOW-2: the peer's INITIAL_MAX_DATA until a MAX_DATA raises it
        peerMaxData = Math.max(settings.initialMaxData(), maxDataReceived);
        rescheduleAll();
    }

    private PeerSettings peer() {
        return channel.peerSettings();
    }

    /** Streams with state on this channel. */
    public int liveStreams() {
        return live.size();
    }

    /** STREAM frames received for retired streams and ignored, and other frames ignored by rule. */
    public long framesIgnored() {
        return framesRejected;
    }

    // =================================================================== opening

    /**
     * Opens a stream at once (STR-OPEN-1): its first frame carries INIT and the parent's LSID.
     *
     * @param parent the parent, attached to this channel, or null for a top-level stream
     * @param bestEffort whether its frames are NOACK (a best-effort datagram)
     * @param datagram whether it is a datagram (forgotten once sent or acknowledged, STR-DGRAM-9)
     * @throws IllegalStateException if the channel is not established, the peer sent GOAWAY
     *     (CHN-GOAWAY-2), the parent is not live here, or the LSIDs are exhausted (STR-LIMIT-3)
     */
    public StreamCore open(StreamCore parent, boolean bestEffort, boolean datagram) {
        requireOpen();
        if (lastGoawayLsid >= 0) {
            // SPEC CHN-GOAWAY-2: no new stream on a channel whose peer sent GOAWAY
            throw new IllegalStateException("the peer sent GOAWAY: no new streams on this channel");
        }
        long parentLsid = 0;
        long priority = Priorities.DEFAULT;
        if (parent != null) {
            Attachment parentHere = attachmentOf(parent);
            // SPEC STR-OPEN-3: the parent is the root or a stream live on the channel at the opener
            // PROTOCOL BUG SUBSTREAM_UNDER_CLOSED_PARENT: a reset parent is taken for a live one
            if (parentHere == null || parent.isFreed()
                    || parent.isReset() && !channel.protocolBugs().has(ProtocolBug.SUBSTREAM_UNDER_CLOSED_PARENT)) {
                throw new IllegalStateException("the parent stream is closed or not attached to this channel");
            }
            parentLsid = parentHere.lsid;
            // SPEC STR-PRIO-1: a new stream inherits its parent's priority
            priority = parent.priority();
        }
        long lsid = allocateLsid();
        StreamCore stream = new StreamCore(new Usid(channelId, lsid), parent, true, bestEffort, datagram, priority,
                peer().initialMaxStreamData(), localInitialMaxStreamData);
        Attachment attachment = new Attachment(stream, this, lsid, true, parentLsid, null, 0);
        attachment.receiveBase = 0;
        stream.addAttachment(attachment, true);
        live.put(lsid, attachment);
        listener.onStreamCreated(stream);
        return stream;
    }

    /** SPEC STR-ATTACH-1: attaches an existing stream here under a fresh LSID of this end's parity. */
    Attachment attach(StreamCore stream) {
        requireOpen();
        long lsid = allocateLsid();
        Attachment attachment = new Attachment(stream, this, lsid, true, 0, stream.usid(),
                stream.send.ackedPrefix());
        live.put(lsid, attachment);
        // SPEC CHN-FLOW-10: the receiver learns the carried-over limit on the new channel
        control.add(new MaxStreamDataFrame(lsid, stream.receiveLimit));
        return attachment;
    }

    private long allocateLsid() {
        // SPEC STR-ID-2, STR-LIMIT-3: rising strictly, never reused, never beyond 2^32 - 1
        if (nextLsid > MAX_LSID) {
            throw new IllegalStateException("no unused LSID is left on this channel (STR-LIMIT-3); use a new channel");
        }
        long lsid = nextLsid;
        nextLsid += 2;
        highestChosen = lsid;
        return lsid;
    }

    private void requireOpen() {
        if (closed || channel.state() != ChannelState.ESTABLISHED) {
            throw new IllegalStateException("the channel is " + (closed ? "closed" : channel.state()));
        }
    }

    /** The attachment of a stream on this channel, or null. */
    Attachment attachmentOf(StreamCore stream) {
        List<Attachment> all = stream.attachments();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).channel == this) {
                return all.get(i);
            }
        }
        return null;
    }

    // =================================================================== receiving

    /** Acts on the stream frames of one accepted packet, in order (FRM-GEN-6). */
    public void onFrames(long packetNumber, List<Frame> received) {
        try {
            dispatch(packetNumber, received);
        } catch (RuntimeException e) {
            // a bug here must not leave the channel half-processed: it closes with INTERNAL_ERROR instead
            LOG.warn("stream layer failed on packet {}; closing the channel", packetNumber, e);
            fault(ErrorCode.INTERNAL_ERROR, "internal error");
        }
    }

    private void dispatch(long packetNumber, List<Frame> received) {
        for (int i = 0; i < received.size() && faultCode == null && !closed; i++) {
            Frame frame = received.get(i);
            if (frame instanceof StreamFrame stream) {
                onStream(packetNumber, stream);
            } else if (frame instanceof ResetFrame reset) {
                onReset(reset);
            } else if (frame instanceof DetachFrame detach) {
                onDetach(packetNumber, detach);
            } else if (frame instanceof PriorityFrame priority) {
                onPriority(priority);
            } else if (frame instanceof MaxDataFrame maxData) {
                // SPEC CHN-FLOW-4: a limit that does not rise is ignored
                if (maxData.maxData() > peerMaxData) {
                    peerMaxData = maxData.maxData();
                    maxDataReceived = peerMaxData;
                    rescheduleAll();
                }
            } else if (frame instanceof MaxStreamDataFrame maxStreamData) {
                onMaxStreamData(maxStreamData);
            } else if (frame instanceof GoawayFrame goaway) {
                onGoaway(goaway);
            }
            // BLOCKED is advisory (FRM-BLOCKED-1); GOAWAY's rekey request belongs to the host
        }
    }

    /** Whether a frame handed over broke a rule; the channel acts on no later frame of its packet (FRM-GEN-6). */
    public boolean hasFault() {
        return faultCode != null;
    }

    private void onGoaway(GoawayFrame goaway) {
        long last = goaway.lastPeerLsid();
        if (last != 0 && !isOwn(last)) {
            // SPEC FRM-GOAWAY-1: last_peer_lsid names a stream this end opened, or 0
            fault(ErrorCode.PROTOCOL_VIOLATION, "GOAWAY last_peer_lsid " + last + " is not of the receiver's parity");
        } else if (lastGoawayLsid >= 0 && last > lastGoawayLsid) {
            // SPEC FRM-GOAWAY-3: last_peer_lsid never rises from one GOAWAY to the next
            fault(ErrorCode.PROTOCOL_VIOLATION, "GOAWAY last_peer_lsid rose from " + lastGoawayLsid + " to " + last);
        } else {
            lastGoawayLsid = last;
        }
    }

    private boolean isOwn(long lsid) {
        return (lsid & 1) == ownParity;
    }

    private void fault(ErrorCode code, String reason) {
        if (faultCode == null) {
            faultCode = code;
            faultReason = reason;
        }
    }

    private void onStream(long packetNumber, StreamFrame frame) {
        long lsid = frame.lsid();
        Attachment attachment = live.get(lsid);
        if (isOwn(lsid)) {
            if (frame.init()) {
                // SPEC STR-ID-4: an INIT naming an LSID of the receiver's own parity
                fault(ErrorCode.STREAM_STATE_ERROR, "INIT for LSID " + lsid + " of the receiver's parity");
                return;
            }
            if (lsid > highestChosen) {
                // SPEC STR-ID-5
                fault(ErrorCode.STREAM_STATE_ERROR, "STREAM for LSID " + lsid + " that the receiver has not chosen");
                return;
            }
            if (attachment == null) {
                // SPEC STR-OPEN-6: a retired LSID of the receiver's parity; the packet is still acknowledged
                framesRejected++;
                return;
            }
            onStreamData(packetNumber, attachment, frame);
            return;
        }
        if (attachment != null) {
            // SPEC STR-OPEN-5: INIT for a live stream is data, with the parent it was opened with
            if (frame.init() && frame.usid() == null && attachment.attachUsid == null
                    && frame.parentLsid() != attachment.parentLsid) {
                fault(ErrorCode.STREAM_STATE_ERROR, "INIT for live LSID " + lsid + " names another parent");
                return;
            }
            onStreamData(packetNumber, attachment, frame);
            return;
        }
        PeerLsidWindow.State seen = peerLsids.state(lsid);
        if (seen != PeerLsidWindow.State.UNSEEN || isWaiting(lsid)) {
            if (seen == PeerLsidWindow.State.UNSEEN) {
                // another fragment of an INIT that waits for its parent
                keepWaiting(frame);
                return;
            }
            // SPEC STR-OPEN-6: data of a retired LSID is ignored
            framesRejected++;
            return;
        }
        if (!frame.init()) {
            // SPEC STR-OPEN-7
            fault(ErrorCode.STREAM_STATE_ERROR, "STREAM without INIT for unseen LSID " + lsid);
            return;
        }
        if (frame.usid() != null) {
            onPeerAttach(packetNumber, frame);
            return;
        }
        long parentLsid = frame.parentLsid();
        Attachment parentAttachment = null;
        if (parentLsid != 0) {
            parentAttachment = live.get(parentLsid);
            if (parentAttachment == null) {
                if (!isOwn(parentLsid) && peerLsids.state(parentLsid) == PeerLsidWindow.State.UNSEEN) {
                    // SPEC STR-OPEN-8: keep the frame until the parent opens, within the stream limit
                    if (livePeerOpened + waitingInits >= localMaxConcurrent) {
                        refuse(lsid, ErrorCode.STREAM_LIMIT_ERROR, "too many streams waiting for their parent");
                        return;
                    }
                    keepWaiting(frame);
                    return;
                }
                // SPEC STR-OPEN-9: a retired parent, or one of the receiver's parity that is not live
                refuse(lsid, ErrorCode.UNKNOWN_STREAM, "the parent stream " + parentLsid + " is closed");
                return;
            }
        }
        // SPEC STR-LIMIT-1
        if (livePeerOpened >= localMaxConcurrent) {
            refuse(lsid, ErrorCode.STREAM_LIMIT_ERROR, "MAX_CONCURRENT_PEER_STREAMS reached");
            return;
        }
        StreamCore parent = parentAttachment == null ? null : parentAttachment.stream;
        long priority = parent == null ? Priorities.DEFAULT : parent.priority();
        StreamCore stream = new StreamCore(new Usid(channelId, lsid), parent, false, frame.noAck(), false, priority,
                peer().initialMaxStreamData(), localInitialMaxStreamData);
        Attachment created = new Attachment(stream, this, lsid, false, parentLsid, null, 0);
        created.receiveBase = 0;
        stream.addAttachment(created, true);
        peerLsids.markSeen(lsid);
        live.put(lsid, created);
        livePeerOpened++;
        listener.onStreamCreated(stream);
        onStreamData(packetNumber, created, frame);
        if (faultCode != null) {
            return;
        }
        // SPEC STR-OPEN-4: the data is available to the application at once
        if (parent == null) {
            listener.onPeerStream(stream);
        } else {
            parent.events().onChild(stream);
        }
        stream.onDataArrived();
        releaseWaitingChildren(lsid, packetNumber);
    }

    private void onPeerAttach(long packetNumber, StreamFrame frame) {
        long lsid = frame.lsid();
        peerLsids.markSeen(lsid);
        StreamCore stream = listener.findByUsid(frame.usid());
        if (stream == null || stream.isFreed() || stream.isReset()) {
            // SPEC STR-ATTACH-2
            refuse(lsid, ErrorCode.UNKNOWN_STREAM, "no stream with that USID");
            return;
        }
        Attachment attachment = new Attachment(stream, this, lsid, false, 0, null, stream.send.ackedPrefix());
        live.put(lsid, attachment);
        livePeerOpened++;
        Attachment mine = attachmentOf(stream);
        if (mine != null && mine.chosenHere && !mine.anyFrameSent) {
            // this end's own attach here never reached the wire: the peer's takes its place
            stream.removeAttachment(mine);
            forget(mine);
            mine = null;
        }
        if (mine != null && mine.chosenHere && ownParity == 1) {
            // SPEC STR-ATTACH-3: both attached it here; the even LSID (the peer's) yields, so keep sending on ours
            stream.addAttachment(attachment, false);
        } else {
            // the peer moved the stream here (CHN-REKEY-3): this end follows, detaching from where it sent
            stream.moveSendingTo(attachment, stream.sending());
        }
        // SPEC CHN-FLOW-10: tell the attacher the carried-over limit on this channel
        control.add(new MaxStreamDataFrame(lsid, stream.receiveLimit));
        onStreamData(packetNumber, attachment, frame);
        stream.onDataArrived();
    }

    private void onStreamData(long packetNumber, Attachment attachment, StreamFrame frame) {
        StreamCore stream = attachment.stream;
        if (attachment.peerDetachPacket >= 0 && Long.compareUnsigned(packetNumber, attachment.peerDetachPacket) > 0) {
            // SPEC FRM-DETACH-2
            fault(ErrorCode.STREAM_STATE_ERROR, "STREAM for LSID " + frame.lsid() + " after the peer's DETACH");
            return;
        }
        if (stream.isReset() || stream.isFreed()) {
            framesRejected++;
            return;
        }
        long offset = frame.offset();
        int length = frame.data().readableBytes();
        long end = offset + length;
        // SPEC CHN-FLOW-3: data beyond the stream's limit or the channel's
        if (end > stream.receiveLimit) {
            fault(ErrorCode.FLOW_CONTROL_ERROR, "stream " + frame.lsid() + " data to offset " + end
                    + " beyond its limit " + stream.receiveLimit);
            return;
        }
        long before = attachment.receivedData();
        long base = attachment.receiveBase < 0 ? offset : Math.min(attachment.receiveBase, offset);
        long highest = Math.max(attachment.receiveHighest, end);
        long counted = highest - base;
        // SPEC CHN-FLOW-11: best-effort data is not channel-wide data
        long newData = frame.noAck() ? 0 : counted - before;
        if (newData > 0 && dataReceived + newData > localMaxData) {
            fault(ErrorCode.FLOW_CONTROL_ERROR, "channel data " + (dataReceived + newData) + " beyond the limit "
                    + localMaxData);
            return;
        }
        long inOrderBefore = stream.receive.contiguousOffset();
        ReceiveBuffer.Verdict verdict = stream.receive.onData(offset, frame.data(), frame.fin(), frame.recordEnd());
        if (verdict == ReceiveBuffer.Verdict.FINAL_SIZE_ERROR) {
            // SPEC STR-FIN-2
            fault(ErrorCode.FINAL_SIZE_ERROR, "stream " + frame.lsid() + " final size changed or exceeded");
            return;
        }
        attachment.receiveBase = base;
        attachment.receiveHighest = highest;
        if (newData > 0) {
            dataReceived += newData;
        }
        // the bytes that reached the stream's in-order buffer return credit to the channels that carried them
        if (stream.bestEffort()) {
            attachment.channelCredited = attachment.receivedData(); // never counted (CHN-FLOW-11)
        }
        creditInOrder(attachment);
        if (stream.receive.contiguousOffset() > inOrderBefore) {
            List<Attachment> all = stream.attachments();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) != attachment) {
                    all.get(i).channel.creditInOrder(all.get(i));
                }
            }
        }
        if (stream.bestEffort()) {
            // SPEC STR-DGRAM-5: an incomplete datagram is discarded 2 · smoothed_rtt after its last fragment
            if (stream.receive.complete()) {
                incompleteDatagrams.remove(attachment);
            } else {
                incompleteDatagrams.remove(attachment);
                incompleteDatagrams.put(attachment, clock.nanoTime());
            }
        }
        stream.onDataArrived();
    }

    private void refuse(long lsid, ErrorCode code, String reason) {
        // SPEC STR-OPEN-9, STR-LIMIT-1, STR-ATTACH-2: RESET for the new LSID, which is retired
        peerLsids.markSeen(lsid);
        control.add(new ResetFrame(lsid, code.code(), reason));
        refuseWaitingChildren(lsid);
    }

    /** SPEC STR-OPEN-9: children that waited for a parent that retired without opening are refused. */
    private void refuseWaitingChildren(long parentLsid) {
        List<PendingInit> children = waitingForParent.remove(parentLsid);
        if (children == null) {
            return;
        }
        for (PendingInit pending : children) {
            if (waitingParentOf.remove(pending.lsid) != null) {
                waitingInits--;
                refuse(pending.lsid, ErrorCode.UNKNOWN_STREAM, "the parent stream " + parentLsid + " is closed");
            }
        }
    }

    private boolean isWaiting(long lsid) {
        return waitingParentOf.containsKey(lsid);
    }

    private void keepWaiting(StreamFrame frame) {
        // frames after the first come without INIT once the sender saw its packet acknowledged: they
        // wait under the parent that the stream's INIT named
        long parent = frame.init() ? frame.parentLsid() : waitingParentOf.getOrDefault(frame.lsid(), -1L);
        if (parent < 0) {
            framesRejected++;
            return;
        }
        if (waitingParentOf.put(frame.lsid(), parent) == null) {
            waitingInits++; // section 8.11: a waiting stream counts once, however many of its frames wait
        }
        waitingForParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(PendingInit.copyOf(frame, parent));
    }

    private void releaseWaitingChildren(long parentLsid, long packetNumber) {
        List<PendingInit> children = waitingForParent.remove(parentLsid);
        if (children == null) {
            return;
        }
        List<StreamFrame> replay = new ArrayList<>();
        for (PendingInit pending : children) {
            if (waitingParentOf.remove(pending.lsid) != null) {
                waitingInits--;
            }
            replay.add(pending.toFrame());
        }
        try {
            for (StreamFrame frame : replay) {
                if (faultCode == null) {
                    onStream(packetNumber, frame);
                }
            }
        } finally {
            for (StreamFrame frame : replay) {
                frame.data().release();
            }
        }
    }

    private void onReset(ResetFrame frame) {
        long lsid = frame.lsid();
        if (lsid == 0) {
            // SPEC FRM-RESET-3
            fault(ErrorCode.PROTOCOL_VIOLATION, "RESET for LSID 0");
            return;
        }
        if (isOwn(lsid) && lsid > highestChosen) {
            // SPEC STR-ID-5
            fault(ErrorCode.STREAM_STATE_ERROR, "RESET for LSID " + lsid + " that the receiver has not chosen");
            return;
        }
        Attachment attachment = live.get(lsid);
        if (attachment == null) {
            if (!isOwn(lsid) && peerLsids.state(lsid) == PeerLsidWindow.State.UNSEEN) {
                // SPEC STR-RESET-1: an unseen LSID is marked seen and retired
                peerLsids.markSeen(lsid);
                dropWaiting(lsid);
                refuseWaitingChildren(lsid);
            }
            // SPEC FRM-RESET-4: a RESET for a closed stream is ignored
            return;
        }
        // SPEC FRM-RESET-2, FRM-RESET-5: discard, stop, report; never answer with RESET
        attachment.stream.onReset(frame.errorCode(), frame.reason(), true);
    }

    private void dropWaiting(long lsid) {
        if (waitingParentOf.remove(lsid) != null) {
            waitingInits--;
        }
        for (Iterator<List<PendingInit>> lists = waitingForParent.values().iterator(); lists.hasNext();) {
            List<PendingInit> list = lists.next();
            int before = list.size();
            list.removeIf(pending -> pending.lsid == lsid);
            if (list.isEmpty()) {
                lists.remove();
            }
        }
    }

    private void onDetach(long packetNumber, DetachFrame frame) {
        if (frame.lsid() == 0) {
            // SPEC FRM-DETACH-3
            fault(ErrorCode.PROTOCOL_VIOLATION, "DETACH for LSID 0");
            return;
        }
        Attachment attachment = live.get(frame.lsid());
        if (attachment == null) {
            return; // SPEC FRM-DETACH-3: not live here, ignored
        }
        attachment.peerDetachPacket = packetNumber;
        if (attachment.detachSent) {
            // SPEC STR-ATTACH-7: retired once both ends detached
            attachment.stream.removeAttachment(attachment);
            forget(attachment);
        }
    }

    private void onPriority(PriorityFrame frame) {
        if (frame.lsid() == 0) {
            // SPEC FRM-PRIO-1
            fault(ErrorCode.PROTOCOL_VIOLATION, "PRIORITY for LSID 0");
            return;
        }
        Attachment attachment = live.get(frame.lsid());
        if (attachment != null) {
            // SPEC STR-PRIO-2 (FRM-PRIO-2: ignored when not live)
            attachment.stream.setPriorityFromPeer(frame.priority());
        }
    }

    private void onMaxStreamData(MaxStreamDataFrame frame) {
        long lsid = frame.lsid();
        if (lsid == 0) {
            // SPEC FRM-MAXSD-1
            fault(ErrorCode.PROTOCOL_VIOLATION, "MAX_STREAM_DATA for LSID 0");
            return;
        }
        if (isOwn(lsid) && lsid > highestChosen) {
            // SPEC STR-ID-5
            fault(ErrorCode.STREAM_STATE_ERROR, "MAX_STREAM_DATA for LSID " + lsid + " not chosen yet");
            return;
        }
        Attachment attachment = live.get(lsid);
        // SPEC FRM-MAXSD-2, CHN-FLOW-4: ignored when not live, finished, or not raising
        if (attachment != null && frame.maxStreamData() > attachment.stream.sendLimit) {
            attachment.stream.sendLimit = frame.maxStreamData();
            StreamCore stream = attachment.stream;
            if (stream.sending() != null) {
                reschedule(stream.sending());
            }
        }
    }

    // =================================================================== acknowledgements

    /** A packet that carried stream-layer frames was acknowledged. */
    public void onPacketAcked(long packetNumber) {
        Object[] sent = inFlight.remove(packetNumber);
        if (sent == null) {
            return;
        }
        for (Object item : sent) {
            if (item instanceof StreamItem stream) {
                Attachment attachment = stream.attachment;
                if (stream.init) {
                    attachment.initAcknowledged = true;
                }
                StreamCore core = attachment.stream;
                if (!core.isReset() && !core.isFreed() && !core.bestEffort()) {
                    core.send.onAcked(stream.offset, stream.length, stream.fin, stream.recordEnd);
                    core.onSendProgress();
                }
            }
        }
    }

    /** A packet that carried stream-layer frames was declared lost: its content is sent again (CHN-LOSS-5). */
    public void onPacketLost(long packetNumber) {
        Object[] sent = inFlight.remove(packetNumber);
        if (sent == null) {
            return;
        }
        for (Object item : sent) {
            if (item instanceof StreamItem stream) {
                StreamCore core = stream.attachment.stream;
                Attachment lostOn = stream.attachment;
                if (stream.init && lostOn.attachUsid != null && !lostOn.initAcknowledged && live.containsKey(lostOn.lsid)) {
                    // the attaching frame was lost: the attach goes out again, with data or without (attachChunk)
                    lostOn.anyFrameSent = false;
                    reschedule(lostOn);
                }
                // SPEC CHN-LOSS-5, FRM-STREAM-10: NOACK data is never retransmitted
                if (isReliableAndOpen(core)) {
                    sendAgain(stream);
                }
            } else if (item instanceof Frame frame) {
                onControlLost(frame);
            }
        }
    }

    /** SPEC section 7.0, "On loss" column, for the stream layer's control frames. */
    private void onControlLost(Frame frame) {
        if (frame instanceof ResetFrame || frame instanceof DetachFrame) {
            control.add(frame); // resent until acknowledged
        } else if (frame instanceof PriorityFrame priority) {
            Attachment attachment = live.get(priority.lsid());
            if (attachment != null && attachment.stream.priority() == priority.priority()) {
                control.add(frame);
            }
        } else if (frame instanceof MaxDataFrame maxData) {
            if (maxData.maxData() == localMaxData) {
                control.add(frame);
            }
        } else if (frame instanceof MaxStreamDataFrame maxStreamData) {
            Attachment attachment = live.get(maxStreamData.lsid());
            if (attachment != null && !attachment.stream.receive.finReceived()
                    && attachment.stream.receiveLimit == maxStreamData.maxStreamData()) {
                control.add(frame);
            }
        } else if (frame instanceof BlockedFrame blocked) {
            boolean still = blocked.lsid() == 0 ? blockedSentAt == blocked.limit()
                    : live.containsKey(blocked.lsid()) && live.get(blocked.lsid()).blockedSentAt == blocked.limit();
            if (still) {
                control.add(frame);
            }
        }
    }

    /**
     * The PTO expired (CHN-LOSS-4): sends up to {@code count} packets of data, ignoring the
     * congestion window; the channel probes with PING for the rest.
     */
    public void onProbe(int count) {
        for (int i = 0; i < count; i++) {
            if (!fillAndSend(true) && !(resendOldestInFlight() && fillAndSend(true))) {
                return;
            }
        }
    }

    /**
     * SPEC CHN-LOSS-4: a probe carries unacknowledged data when there is some. With nothing new or
     * lost to send, the reliable stream data of the oldest packet in flight goes again (the packet
     * stays in flight: its ACK may still come). False when no packet in flight carries any.
     */
    private boolean resendOldestInFlight() {
        long oldest = -1;
        for (Map.Entry<Long, Object[]> entry : inFlight.entrySet()) {
            if ((oldest < 0 || entry.getKey() < oldest) && carriesReliableData(entry.getValue())) {
                oldest = entry.getKey();
            }
        }
        if (oldest < 0) {
            return false;
        }
        for (Object item : inFlight.get(oldest)) {
            if (item instanceof StreamItem stream && isReliableAndOpen(stream.attachment.stream)) {
                sendAgain(stream);
            }
        }
        return true;
    }

    /** Queues the data of a sent STREAM frame for sending again, in new frames (CHN-LOSS-5). */
    private static void sendAgain(StreamItem item) {
        StreamCore core = item.attachment.stream;
        core.send.onLost(item.offset, item.length, item.fin, item.recordEnd);
        if (core.sending() != null) {
            core.sending().channel.reschedule(core.sending());
        }
    }

    private static boolean carriesReliableData(Object[] items) {
        for (Object item : items) {
            if (item instanceof StreamItem stream && isReliableAndOpen(stream.attachment.stream)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReliableAndOpen(StreamCore core) {
        return !core.isReset() && !core.isFreed() && !core.bestEffort();
    }

    // =================================================================== flow-control credit

    /**
     * Returns channel-wide credit (CHN-FLOW-5: the limit rises once half of the last grant is used).
     * Channel credit comes back when bytes reach a stream's in-order buffer, not when the application
     * reads them: the per-stream limits bound what each stream holds, and a channel limit tied to
     * reads would let the unread data of one stream starve another that the application waits for.
     */
    private void creditChannel(long bytes) {
        if (bytes <= 0) {
            return;
        }
        dataConsumed = Math.min(dataReceived, dataConsumed + bytes);
        if (localMaxData - dataConsumed <= maxDataWindow / 2) {
            localMaxData = dataConsumed + maxDataWindow;
            control.add(new MaxDataFrame(localMaxData));
        }
    }

    /** The application took bytes of a stream: its stream limit may rise (CHN-FLOW-5). */
    void onConsumed(Attachment attachment, int bytes) {
        StreamCore stream = attachment.stream;
        if (stream.controlAttachment() != attachment) {
            return; // the stream limit is advertised once, on an attachment the peer knows
        }
        long read = stream.creditedOffset();
        if (!stream.receive.finReceived() && stream.receiveLimit - read <= stream.receiveWindow / 2) {
            stream.receiveLimit = read + stream.receiveWindow;
            control.add(new MaxStreamDataFrame(attachment.lsid, stream.receiveLimit));
        }
    }

    void onStreamDiscarded(Attachment attachment) {
        // SPEC CHN-FLOW-7: a reset stream's or discarded datagram's highest offset counts as consumed
        creditChannel(attachment.receivedData() - attachment.channelCredited);
        attachment.channelCredited = attachment.receivedData();
    }

    /** Credits the channel with this attachment's received bytes that are now below the stream's in-order point. */
    void creditInOrder(Attachment attachment) {
        if (attachment.receiveBase < 0) {
            return;
        }
        long inOrder = Math.min(attachment.receiveHighest, attachment.stream.receive.contiguousOffset());
        long target = Math.max(0, inOrder - attachment.receiveBase);
        if (target > attachment.channelCredited) {
            creditChannel(target - attachment.channelCredited);
            attachment.channelCredited = target;
        }
    }

    // =================================================================== sending

    void sendReset(Attachment attachment, long errorCode, String reason) {
        String text = reason == null ? "" : reason;
        if (text.length() > MAX_RESET_REASON) {
            text = text.substring(0, MAX_RESET_REASON);
        }
        control.add(new ResetFrame(attachment.lsid, errorCode, text));
    }

    void onPriorityChanged(Attachment attachment, boolean tellPeer) {
        if (attachment.inScheduler) {
            scheduler.setPriority(attachment, attachment.stream.priority());
        }
        if (tellPeer && !attachment.detachSent) {
            if (attachment.chosenHere && !attachment.anyFrameSent) {
                attachment.priorityAfterInit = true; // SPEC FRM-PRIO-3: after the opening frame
            } else {
                control.add(new PriorityFrame(attachment.lsid, attachment.stream.priority()));
            }
        }
    }

    /** SPEC FRM-DETACH-1: this end sends nothing more for the stream here. */
    void detach(Attachment attachment) {
        if (attachment.detachSent) {
            return;
        }
        attachment.detachSent = true;
        unschedule(attachment);
        if (live.containsKey(attachment.lsid) && channel.state() == ChannelState.ESTABLISHED) {
            control.add(new DetachFrame(attachment.lsid));
        }
        if (attachment.peerDetachPacket >= 0) {
            attachment.stream.removeAttachment(attachment);
            forget(attachment);
        }
    }

    /** Frees an attachment's state here; its LSID is retired (STR-FIN-4). */
    void forget(Attachment attachment) {
        if (live.remove(attachment.lsid) == null) {
            return;
        }
        unschedule(attachment);
        incompleteDatagrams.remove(attachment);
        blockedOnParent.remove(attachment);
        if (attachment.chosenHere) {
            if (attachment.attachUsid == null && !attachment.stream.isDatagram()) {
                if (attachment.anyFrameSent) {
                    openedOnWire--;
                }
            }
        } else {
            livePeerOpened--;
        }
        if (attachment.stream.isFreed()) {
            listener.onStreamFreed(attachment.stream);
        }
    }

    /** Puts the attachment in the scheduler when it has something to send, takes it out otherwise. */
    void reschedule(Attachment attachment) {
        if (attachment.channel != this) {
            // an event on this channel (a credit, a loss) concerns a stream that sends on another one
            attachment.channel.reschedule(attachment);
            listener.wake(attachment.channel);
            return;
        }
        if (sendable(attachment)) {
            if (!attachment.inScheduler) {
                attachment.inScheduler = true;
                scheduler.add(attachment, attachment.stream.priority());
            }
        } else {
            unschedule(attachment);
        }
    }

    private void unschedule(Attachment attachment) {
        if (attachment.inScheduler) {
            attachment.inScheduler = false;
            scheduler.remove(attachment);
        }
    }

    private void rescheduleAll() {
        for (Attachment attachment : live.values()) {
            if (attachment.stream.sending() == attachment) {
                reschedule(attachment);
            }
        }
    }

    private boolean sendable(Attachment attachment) {
        StreamCore stream = attachment.stream;
        if (!live.containsKey(attachment.lsid) || attachment.detachSent || stream.sending() != attachment
                || stream.isReset() || stream.isFreed()) {
            return false;
        }
        // SPEC STR-PRIO-5: a child waits until its parent's INIT has been sent here
        StreamCore parent = stream.parent();
        if (parent != null && attachment.chosenHere && attachment.attachUsid == null && !attachment.anyFrameSent) {
            Attachment parentHere = attachmentOf(parent);
            if (parentHere != null && parentHere.chosenHere && !parentHere.anyFrameSent) {
                if (!blockedOnParent.contains(attachment)) {
                    blockedOnParent.add(attachment);
                }
                return false;
            }
        }
        if (stream.send.hasSendable(streamFlowLimit(attachment))) {
            return true;
        }
        return isUnopenedAttach(attachment) && stream.send.canAttachWithoutData();
    }

    /** This end attached the stream here and has not sent the attaching frame yet. */
    private static boolean isUnopenedAttach(Attachment attachment) {
        return attachment.chosenHere && attachment.attachUsid != null && !attachment.anyFrameSent;
    }

    private long streamFlowLimit(Attachment attachment) {
        if (channel.protocolBugs().has(ProtocolBug.IGNORE_PEER_FLOW_CONTROL)) {
            // PROTOCOL BUG IGNORE_PEER_FLOW_CONTROL: no stream or channel limit holds the sender back (CHN-FLOW-1)
            return Long.MAX_VALUE;
        }
        StreamCore stream = attachment.stream;
        if (stream.bestEffort()) {
            return stream.sendLimit; // SPEC CHN-FLOW-11: only the stream's own limit
        }
        long credit = Math.max(0, peerMaxData - dataSent);
        long base = Math.max(stream.send.sentOffset(), attachment.sendHighest);
        return Math.min(stream.sendLimit, base + credit);
    }

    /** Sends packets while the congestion window and pacing allow and something is waiting. */
    public void flush() {
        if (faultCode != null && !closed) {
            ErrorCode code = faultCode;
            faultCode = null;
            closed = true;
            if (channel.state() == ChannelState.ESTABLISHED) {
                channel.close(code, faultReason);
            }
            return;
        }
        if (closed || channel.state() != ChannelState.ESTABLISHED) {
            return;
        }
        while (channel.state() == ChannelState.ESTABLISHED && channel.canSend() && fillAndSend(false)) {
            // one packet per round
        }
    }

    /**
     * Builds and sends one packet of control frames and stream data.
     *
     * @param probe whether it is a PTO probe (then only retransmittable content counts)
     * @return whether a packet was sent
     */
    private boolean fillAndSend(boolean probe) {
        frames.clear();
        items.clear();
        toRelease.clear();
        sentThisPacket.clear();
        int room = channel.maxFramesLength() - ACK_RESERVE;
        // control frames first (section 7.0's assembly order: RESET, PRIORITY, DETACH before STREAM)
        for (int n = control.size(); n > 0 && room > 0; n--) {
            Frame frame = control.peekFirst();
            int length = FrameCodec.encodedLength(frame);
            if (length > room) {
                break;
            }
            control.pollFirst();
            frames.add(frame);
            items.add(frame);
            room -= length;
        }
        room = fillStreamData(room);
        maybeBlockedOnChannel();
        if (frames.isEmpty()) {
            return false;
        }
        long packetNumber;
        try {
            packetNumber = channel.send(frames);
        } finally {
            for (ByteBuf buffer : toRelease) {
                buffer.release();
            }
            toRelease.clear();
        }
        inFlight.put(packetNumber, items.toArray());
        frames.clear();
        items.clear();
        afterSend();
        return true;
    }

    private final List<Attachment> sentThisPacket = new ArrayList<>();

    /** Fills the packet with STREAM frames: one stream at a time, in scheduler order (STR-PRIO-3, STR-PRIO-4). */
    private int fillStreamData(int room) {
        while (room >= MIN_USEFUL_ROOM && sentThisPacket.size() < 8) {
            int before = sentThisPacket.size();
            room = fillFromOneStream(room);
            if (sentThisPacket.size() == before) {
                break;
            }
            Attachment last = sentThisPacket.get(sentThisPacket.size() - 1);
            scheduler.served(last);
            if (last.stream.send.hasSendable(streamFlowLimit(last))) {
                break; // the packet is full of this stream's data
            }
        }
        return room;
    }

    private int fillFromOneStream(int room) {
        Iterator<Attachment> candidates = scheduler.candidates();
        List<Attachment> drained = null;
        while (candidates.hasNext() && room >= MIN_USEFUL_ROOM) {
            Attachment attachment = candidates.next();
            StreamCore stream = attachment.stream;
            if (!sendable(attachment)) {
                drained = add(drained, attachment);
                continue;
            }
            if (attachment.chosenHere && !attachment.anyFrameSent && attachment.attachUsid == null
                    && !stream.isDatagram() && waitsForStreamLimit(attachment)) {
                continue; // SPEC STR-LIMIT-2
            }
            boolean init = attachment.chosenHere && !attachment.initAcknowledged;
            Usid usid = init ? attachment.attachUsid : null;
            int header = STREAM_FIXED + (init ? PARENT_LENGTH : 0) + (usid != null ? Usid.LENGTH : 0)
                    + FieldWidths.minimalOffsetWidth(stream.send.writtenOffset())
                    + (attachment.priorityAfterInit ? PRIORITY_LENGTH : 0);
            int maxData = Math.min(room - header, WireLimits.MAX_STREAM_FRAME_DATA);
            if (maxData < 1) {
                break;
            }
            SendBuffer.Chunk chunk = stream.send.next(maxData, streamFlowLimit(attachment));
            if (chunk == null && isUnopenedAttach(attachment)) {
                chunk = stream.send.attachChunk();
            }
            if (chunk == null) {
                drained = add(drained, attachment);
                continue;
            }
            chunk = withinChannelCredit(stream, attachment, chunk);
            if (chunk == null) {
                continue;
            }
            ByteBuf data = chunk.data();
            toRelease.add(data);
            int length = data.readableBytes();
            // PROTOCOL BUG SPLIT_RECORD: RECORD on every frame with data, wherever it ends (FRM-STREAM-9)
            boolean recordFlag = chunk.recordEnd()
                    || length > 0 && channel.protocolBugs().has(ProtocolBug.SPLIT_RECORD);
            StreamFrame frame = new StreamFrame(stream.bestEffort(), init, usid,
                    FieldWidths.minimalOffsetWidth(chunk.offset()), true, chunk.fin(), recordFlag,
                    attachment.lsid, init && usid == null ? attachment.parentLsid : 0, chunk.offset(), data);
            frames.add(frame);
            items.add(new StreamItem(attachment, chunk.offset(), length, chunk.fin(), chunk.recordEnd(), init));
            room -= FrameCodec.encodedLength(frame);
            long end = chunk.offset() + length;
            if (!attachment.anyFrameSent && chunk.offset() < attachment.sendHighest) {
                // SPEC CHN-FLOW-9: the base offset is that of the first frame sent on the attachment
                attachment.sendHighest = chunk.offset();
            }
            if (end > attachment.sendHighest) {
                if (!stream.bestEffort()) {
                    dataSent += end - attachment.sendHighest; // SPEC CHN-FLOW-11
                }
                attachment.sendHighest = end;
            }
            if (!attachment.anyFrameSent && attachment.chosenHere && attachment.attachUsid == null
                    && !stream.isDatagram()) {
                openedOnWire++;
            }
            if (!attachment.anyFrameSent) {
                parentOpened = true;
            }
            attachment.anyFrameSent = true;
            if (attachment.priorityAfterInit) {
                attachment.priorityAfterInit = false;
                PriorityFrame priority = new PriorityFrame(attachment.lsid, stream.priority());
                int priorityLength = FrameCodec.encodedLength(priority);
                if (priorityLength <= room) {
                    frames.add(priority); // SPEC FRM-PRIO-3: after the opening frame, in the same packet
                    items.add(priority);
                    room -= priorityLength;
                } else {
                    control.add(priority);
                }
            }
            sentThisPacket.add(attachment);
            maybeBlockedOnStream(attachment);
            // SPEC STR-PRIO-4: round-robin among equal priorities
            break;
        }
        if (drained != null) {
            for (Attachment attachment : drained) {
                reschedule(attachment);
            }
        }
        return room;
    }

    /**
     * SPEC CHN-FLOW-2: data resent on an attachment above what was sent there is new to this channel
     * and needs its credit (after a move, everything unacknowledged is resent on the new channel).
     * The part of a chunk beyond the credit goes back to the send buffer as due again.
     *
     * @return the chunk, possibly shortened, or null when none of it may go now
     */
    private SendBuffer.Chunk withinChannelCredit(StreamCore stream, Attachment attachment, SendBuffer.Chunk chunk) {
        if (stream.bestEffort()) {
            return chunk; // SPEC CHN-FLOW-11
        }
        long start = chunk.offset();
        long end = start + chunk.data().readableBytes();
        long counted = attachment.anyFrameSent ? attachment.sendHighest : Math.min(attachment.sendHighest, start);
        long allowedEnd = Math.max(counted, start) + Math.max(0, peerMaxData - dataSent);
        if (end <= allowedEnd || end <= counted) {
            return chunk;
        }
        if (allowedEnd <= start) {
            stream.send.onLost(start, (int) (end - start), chunk.fin(), chunk.recordEnd());
            chunk.data().release();
            return null;
        }
        int kept = (int) (allowedEnd - start);
        stream.send.onLost(allowedEnd, (int) (end - allowedEnd), chunk.fin(), chunk.recordEnd());
        ByteBuf head = chunk.data().retainedSlice(chunk.data().readerIndex(), kept);
        chunk.data().release();
        return new SendBuffer.Chunk(start, head, false, false, chunk.retransmission());
    }

    private static List<Attachment> add(List<Attachment> list, Attachment attachment) {
        List<Attachment> result = list == null ? new ArrayList<>() : list;
        result.add(attachment);
        return result;
    }

    private boolean waitsForStreamLimit(Attachment attachment) {
        return openedOnWire >= peer().maxConcurrentPeerStreams();
    }

    private void maybeBlockedOnStream(Attachment attachment) {
        StreamCore stream = attachment.stream;
        // SPEC CHN-FLOW-6: BLOCKED once per limit value
        if (stream.send.hasNewData() && !stream.send.finished() && stream.send.sentOffset() >= stream.sendLimit
                && attachment.blockedSentAt != stream.sendLimit) {
            attachment.blockedSentAt = stream.sendLimit;
            control.add(new BlockedFrame(attachment.lsid, stream.sendLimit));
        }
    }

    private void maybeBlockedOnChannel() {
        if (dataSent >= peerMaxData && blockedSentAt != peerMaxData && anyNewDataWaiting()) {
            blockedSentAt = peerMaxData;
            control.add(new BlockedFrame(0, peerMaxData));
        }
    }

    private boolean parentOpened;

    private boolean anyNewDataWaiting() {
        for (Attachment attachment : live.values()) {
            StreamCore stream = attachment.stream;
            if (stream.sending() == attachment && !attachment.detachSent && stream.send.hasNewData()) {
                return true;
            }
        }
        return false;
    }

    private void afterSend() {
        if (parentOpened && !blockedOnParent.isEmpty()) {
            parentOpened = false;
            List<Attachment> children = new ArrayList<>(blockedOnParent);
            blockedOnParent.clear();
            for (Attachment child : children) {
                reschedule(child);
            }
        }
        parentOpened = false;
        for (int i = 0; i < sentThisPacket.size(); i++) {
            Attachment attachment = sentThisPacket.get(i);
            StreamCore stream = attachment.stream;
            reschedule(attachment);
            if (stream.bestEffort()) {
                // SPEC STR-DGRAM-9: a best-effort datagram is forgotten once every frame was sent
                stream.maybeFree();
            }
            stream.events().onWritable();
        }
        sentThisPacket.clear();
    }

    // =================================================================== timers and closing

    /** When {@link #onTimeout} is next due: the discard of an incomplete datagram, or never. */
    public long nextTimeoutNanos() {
        if (incompleteDatagrams.isEmpty()) {
            return Channel.NO_TIMEOUT;
        }
        long first = incompleteDatagrams.values().iterator().next();
        return first + datagramTimeout();
    }

    private long datagramTimeout() {
        return 2 * Math.max(channel.smoothedRttNanos(), 1_000_000L);
    }

    /** SPEC STR-DGRAM-5: discards incomplete datagrams whose last fragment is older than 2 · smoothed_rtt. */
    public void onTimeout(long nowNanos) {
        long limit = datagramTimeout();
        for (Iterator<Map.Entry<Attachment, Long>> entries = incompleteDatagrams.entrySet().iterator();
                entries.hasNext();) {
            Map.Entry<Attachment, Long> entry = entries.next();
            if (nowNanos - entry.getValue() < limit) {
                break;
            }
            entries.remove();
            entry.getKey().stream.discardIncompleteDatagram();
        }
    }

    /**
     * The channel closed: streams lose this attachment; they fail unless the channel was replaced
     * (STR-ATTACH-8).
     */
    public void onChannelClosed(boolean replaced, String why) {
        closed = true;
        List<Attachment> all = new ArrayList<>(live.values());
        live.clear();
        scheduler.clear();
        control.clear();
        inFlight.clear();
        waitingForParent.clear();
        waitingParentOf.clear();
        for (Attachment attachment : all) {
            attachment.inScheduler = false;
            attachment.stream.onChannelLost(this, replaced, why);
        }
    }

    /** The streams attached here (a copy). */
    public List<StreamCore> streams() {
        List<StreamCore> result = new ArrayList<>();
        for (Attachment attachment : live.values()) {
            if (!result.contains(attachment.stream)) {
                result.add(attachment.stream);
            }
        }
        return result;
    }

    /** One STREAM frame's part of a sent packet. */
    private record StreamItem(Attachment attachment, long offset, int length, boolean fin, boolean recordEnd,
            boolean init) {
    }
}
