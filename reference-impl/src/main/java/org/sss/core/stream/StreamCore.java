package org.sss.core.stream;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.wire.Usid;

/**
 * One stream, independent of the channels it travels on (SPEC.md section 8): its send and receive
 * buffers, its priority, its place in the tree, and its attachments (at most two, while it moves;
 * STR-ATTACH-4). The host's public {@code Stream} drives it on the event loop.
 */
public final class StreamCore {
    private final Usid usid;
    private final StreamCore parent;
    private final boolean locallyOpened;
    private final boolean bestEffort;
    private final boolean datagram;
    final SendBuffer send = new SendBuffer();
    final ReceiveBuffer receive = new ReceiveBuffer();
    private final List<Attachment> attachments = new ArrayList<>(2);
    private Attachment sending;
    private StreamEvents events = StreamEvents.NONE;
    private long priority;

    /** SPEC CHN-FLOW-1, CHN-FLOW-10: the peer's limit for this stream, carried across channels. */
    long sendLimit;
    /** SPEC CHN-FLOW-10: the highest limit this end advertised for the stream on any channel. */
    long receiveLimit;
    final long receiveWindow;
    private boolean reset;
    private boolean freed;
    private boolean sendFinishedReported;
    private long bytesWritten;
    private boolean discardIncoming;
    private boolean waitingForRecord;
    private long creditedOffset;

    StreamCore(Usid usid, StreamCore parent, boolean locallyOpened, boolean bestEffort, boolean datagram,
            long priority, long sendLimit, long receiveWindow) {
        this.usid = usid;
        this.parent = parent;
        this.locallyOpened = locallyOpened;
        this.bestEffort = bestEffort;
        this.datagram = datagram;
        this.priority = priority;
        this.sendLimit = sendLimit;
        this.receiveWindow = receiveWindow;
        this.receiveLimit = receiveWindow;
    }

    /** The permanent identifier (STR-ID-6). */
    public Usid usid() {
        return usid;
    }

    /** The parent, or null for a top-level stream. */
    public StreamCore parent() {
        return parent;
    }

    /** Whether this end opened it. */
    public boolean locallyOpened() {
        return locallyOpened;
    }

    /** Whether every frame is NOACK (a best-effort datagram, STR-DGRAM-3). */
    public boolean bestEffort() {
        return bestEffort;
    }

    /** The current priority (STR-PRIO-2). */
    public long priority() {
        return priority;
    }

    /** Sets the listener of this stream's events. */
    public void events(StreamEvents events) {
        this.events = events == null ? StreamEvents.NONE : events;
    }

    StreamEvents events() {
        return events;
    }

    /** The attachment this end sends on, or null while unattached. */
    Attachment sending() {
        return sending;
    }

    /**
     * The attachment for this end's control frames of the stream (MAX_STREAM_DATA): the sending one
     * once the peer knows it (it opened it, or this end sent a frame on it), else another the peer knows.
     */
    Attachment controlAttachment() {
        if (sending != null && (!sending.chosenHere || sending.anyFrameSent)) {
            return sending;
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            if (!attachment.chosenHere || attachment.anyFrameSent) {
                return attachment;
            }
        }
        return sending;
    }

    List<Attachment> attachments() {
        return attachments;
    }

    /** The channel this end sends on, or null. */
    public ChannelStreams channel() {
        return sending == null ? null : sending.channel;
    }

    /** The LSID on the sending channel, or -1. */
    public long lsid() {
        return sending == null ? -1 : sending.lsid;
    }

    /** Whether the stream was reset (by either end). */
    public boolean isReset() {
        return reset;
    }

    /** Whether its state was freed (closed). */
    public boolean isFreed() {
        return freed;
    }

    // ------------------------------------------------------------------ application side

    /**
     * Queues data (and a record boundary after it when {@code recordEnd}).
     *
     * @throws IllegalStateException after finish or reset
     */
    public void write(ByteBuf data, boolean recordEnd) {
        if (reset || freed) {
            data.release();
            throw new IllegalStateException("the stream was reset");
        }
        if (send.finished()) {
            data.release();
            throw new IllegalStateException("the stream's sending direction is finished; no write after finish()");
        }
        bytesWritten += data.readableBytes();
        send.write(data, recordEnd);
        dataQueued();
    }

    /** Ends this direction (FIN). Idempotent. */
    public void finish() {
        if (reset || freed || send.finished()) {
            return;
        }
        send.finish();
        dataQueued();
    }

    private void dataQueued() {
        if (sending != null) {
            sending.channel.reschedule(sending);
        } else {
            events.onFailed("the stream is not attached to any channel");
        }
    }

    /** Bytes written and not yet acknowledged: what back-pressure is measured on. */
    public long unacknowledgedBytes() {
        return send.unackedBytes();
    }

    /** Bytes written and not yet sent. */
    public long unsentBytes() {
        return send.writtenOffset() - send.sentOffset();
    }

    /** Whether data can be read now (bytes, or the end). */
    public int readableBytes() {
        return holdingDatagram() ? 0 : receive.readableBytes();
    }

    /** Whether a whole record (or a final partial one) can be read. */
    public boolean recordReady() {
        return !holdingDatagram() && receive.recordReady();
    }

    /**
     * SPEC STR-DGRAM-4: a best-effort datagram the peer sends is delivered only once all of its bytes,
     * up to the final size, have arrived; until then none of it is readable, whatever reads it.
     */
    private boolean holdingDatagram() {
        return bestEffort && !locallyOpened && !receive.complete();
    }

    /** Whether the peer's direction ended and everything was read. */
    public boolean atEnd() {
        return receive.atEnd();
    }

    /** Whether the peer's FIN arrived and every byte before it. */
    public boolean receiveComplete() {
        return receive.complete();
    }

    /** Reads up to {@code maxBytes} in-order bytes; releases flow-control credit (CHN-FLOW-5). */
    public byte[] read(int maxBytes) {
        if (holdingDatagram()) {
            return new byte[0];
        }
        byte[] bytes = receive.read(maxBytes);
        consumed(bytes.length);
        return bytes;
    }

    /** Reads the next record, or null when none is ready. */
    public Record readRecord() {
        if (holdingDatagram()) {
            return null;
        }
        ReceiveBuffer.Record record = receive.readRecord();
        if (record == null) {
            return null;
        }
        consumed(record.data().length);
        return new Record(record.data(), record.complete());
    }

    /** Reads up to {@code maxBytes} in-order bytes, stopping at a record boundary; null when none is readable. */
    public Record readPart(int maxBytes) {
        if (holdingDatagram()) {
            return null;
        }
        ReceiveBuffer.Record part = receive.readPart(maxBytes);
        if (part == null) {
            return null;
        }
        consumed(part.data().length);
        return new Record(part.data(), part.complete());
    }

    /**
     * A record read from the stream.
     *
     * @param data its bytes
     * @param complete false for the bytes after the last boundary that FIN ended
     */
    public record Record(byte[] data, boolean complete) {
    }

    private void consumed(int bytes) {
        updateCredit();
        maybeFree();
    }

    /**
     * Grants flow-control credit for what the application has taken (CHN-FLOW-5), and, while it
     * waits for a record that is larger than the window, for the bytes buffered in order: records
     * have no size limit (section 8.6), so the record's bytes are held here instead of at the sender.
     */
    private void updateCredit() {
        long target = waitingForRecord ? receive.contiguousOffset() : receive.readOffset();
        if (target > creditedOffset) {
            long delta = target - creditedOffset;
            creditedOffset = target;
            for (int i = 0; i < attachments.size(); i++) {
                attachments.get(i).channel.onConsumed(attachments.get(i), (int) Math.min(Integer.MAX_VALUE, delta));
            }
        }
    }

    /** The application waits for a whole record that has not arrived (or stopped waiting). */
    public void waitingForRecord(boolean waiting) {
        this.waitingForRecord = waiting;
        if (waiting) {
            updateCredit();
        }
    }

    /** The offset up to which flow-control credit was given back. */
    long creditedOffset() {
        return creditedOffset;
    }

    /** Resets the stream (RESET, SPEC.md section 8.5); a no-op once reset or closed. */
    public void reset(long errorCode, String reason) {
        if (reset || freed) {
            return;
        }
        Attachment target = sending != null ? sending : attachments.isEmpty() ? null : attachments.get(0);
        if (target != null) {
            target.channel.sendReset(target, errorCode, reason);
        }
        onReset(errorCode, reason, false);
    }

    /** Changes the priority locally and tells the peer (STR-PRIO-2). */
    public void priority(long newPriority) {
        this.priority = newPriority;
        for (int i = 0; i < attachments.size(); i++) {
            attachments.get(i).channel.onPriorityChanged(attachments.get(i), true);
        }
    }

    /** Stops delivering received data: what arrives is consumed at once (SVC-CONN-4). */
    public void discardIncoming() {
        discardIncoming = true;
        consumed(receive.read(Integer.MAX_VALUE).length);
    }

    /**
     * Moves the stream's sending to another channel (SPEC.md section 8.9).
     *
     * @throws IllegalStateException if the stream was reset or closed, or the channel refuses a new LSID
     */
    public void attachTo(ChannelStreams target) {
        if (reset || freed) {
            throw new IllegalStateException("the stream was reset or closed");
        }
        if (sending != null && sending.channel == target) {
            return;
        }
        Attachment previous = sending;
        Attachment attachment = target.attach(this);
        moveSendingTo(attachment, previous);
    }

    void moveSendingTo(Attachment attachment, Attachment previous) {
        // SPEC STR-ATTACH-4: at most two attachments; the oldest one that is not the previous goes first
        while (attachments.size() >= 2) {
            Attachment oldest = attachments.get(0) == previous ? attachments.get(1) : attachments.get(0);
            oldest.channel.forget(oldest);
            attachments.remove(oldest);
        }
        attachments.add(attachment);
        sending = attachment;
        if (previous != null) {
            previous.channel.detach(previous);
        }
        // SPEC STR-ATTACH-5, CHN-REKEY-3: everything unacknowledged goes again on the new attachment
        send.requeueUnacknowledged();
        attachment.channel.reschedule(attachment);
    }

    // ------------------------------------------------------------------ stream-layer side

    void addAttachment(Attachment attachment, boolean sendHere) {
        attachments.add(attachment);
        if (sendHere || sending == null) {
            sending = attachment;
        }
    }

    void removeAttachment(Attachment attachment) {
        attachments.remove(attachment);
        if (sending == attachment) {
            sending = null;
            for (Attachment other : attachments) {
                if (!other.detachSent) {
                    sending = other;
                }
            }
        }
    }

    void setPriorityFromPeer(long newPriority) {
        this.priority = newPriority;
        for (int i = 0; i < attachments.size(); i++) {
            attachments.get(i).channel.onPriorityChanged(attachments.get(i), false);
        }
    }

    void onDataArrived() {
        if (discardIncoming) {
            consumed(receive.read(Integer.MAX_VALUE).length);
            return;
        }
        if (waitingForRecord) {
            updateCredit();
        }
        events.onReadable();
        maybeFree();
    }

    void onSendProgress() {
        events.onWritable();
        if (!sendFinishedReported && send.allAcknowledged()) {
            sendFinishedReported = true;
            events.onSendFinished();
        }
        maybeFree();
    }

    void onReset(long errorCode, String reason, boolean byPeer) {
        if (reset || freed) {
            return;
        }
        reset = true;
        // SPEC STR-RESET-2: unsent and unacknowledged data is discarded and never retransmitted
        send.discard();
        receive.discard();
        for (int i = 0; i < attachments.size(); i++) {
            // SPEC CHN-FLOW-7: the highest offset received counts as consumed
            attachments.get(i).channel.onStreamDiscarded(attachments.get(i));
        }
        events.onReset(errorCode, reason, byPeer);
        if (!attachments.isEmpty()
                && attachments.get(0).channel.channel().protocolBugs().has(ProtocolBug.SUBSTREAM_UNDER_CLOSED_PARENT)) {
            // PROTOCOL BUG SUBSTREAM_UNDER_CLOSED_PARENT: the reset stream keeps its LSID for new children
            return;
        }
        free();
    }

    /** Called when a best-effort datagram's fragments are given up (STR-DGRAM-5). */
    void discardIncompleteDatagram() {
        if (freed) {
            return;
        }
        receive.discard();
        for (int i = 0; i < attachments.size(); i++) {
            attachments.get(i).channel.onStreamDiscarded(attachments.get(i));
        }
        free();
        events.onFailed("an incomplete best-effort datagram was discarded (STR-DGRAM-5)");
    }

    void onChannelLost(ChannelStreams channel, boolean replaced, String why) {
        for (int i = attachments.size() - 1; i >= 0; i--) {
            if (attachments.get(i).channel == channel) {
                removeAttachment(attachments.get(i));
            }
        }
        if (attachments.isEmpty() && !freed && !replaced) {
            // SPEC STR-ATTACH-8: a channel that closes for a reason other than CHANNEL_REPLACED fails its streams
            freed = true;
            send.discard();
            receive.discard();
            events.onFailed(why);
        }
    }

    /** SPEC STR-FIN-3, STR-FIN-4, STR-DGRAM-9: frees the state once both directions are done. */
    void maybeFree() {
        if (freed || reset) {
            return;
        }
        boolean sendDone = send.finished() && (bestEffort ? !send.hasNewData() : send.allAcknowledged());
        boolean receiveDone = (datagram && locallyOpened) || receive.atEnd();
        if (sendDone && receiveDone) {
            free();
            events.onClosed();
        }
    }

    private void free() {
        if (freed) {
            return;
        }
        freed = true;
        List<Attachment> all = new ArrayList<>(attachments);
        for (Attachment attachment : all) {
            attachment.channel.forget(attachment);
        }
        attachments.clear();
        sending = null;
    }

    boolean isDatagram() {
        return datagram;
    }

    /** Bytes the application wrote. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Bytes acknowledged by the peer. */
    public long bytesAcknowledged() {
        return send.bytesAcknowledged();
    }

    /** Bytes sent again after a loss. */
    public long bytesRetransmitted() {
        return send.bytesRetransmitted();
    }

    /** How far the peer's limit lets this end send beyond what it sent. */
    public long sendWindow() {
        return Math.max(0, sendLimit - send.sentOffset());
    }

    /** Bytes delivered in order so far. */
    public long bytesReceived() {
        return receive.contiguousOffset();
    }

    /** Bytes received in order and not yet read. */
    public long receiveQueueBytes() {
        return receive.contiguousOffset() - receive.readOffset();
    }

    @Override
    public String toString() {
        return "Stream[lsid=" + lsid() + ", creation=" + usid.creationLsid() + "]";
    }
}
