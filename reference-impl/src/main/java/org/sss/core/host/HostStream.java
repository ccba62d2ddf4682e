package org.sss.core.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sss.core.channel.Channel;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.stream.ChannelStreams;
import org.sss.core.stream.Priorities;
import org.sss.core.stream.StreamCore;
import org.sss.core.stream.StreamEvents;
import org.sss.core.wire.Usid;

/**
 * The public {@link Stream} over one {@link StreamCore}: every call hops to the host's event loop,
 * reads and writes wait in FIFO queues there, and the core's events complete them.
 */
final class HostStream implements Stream, StreamEvents {
    /** Written bytes not yet acknowledged beyond which a write's future waits (back-pressure). */
    static final long SEND_BUFFER_BYTES = 1 << 20;

    private final Host host;
    private final StreamCore core;
    private final HostStream parent;
    private final ArrayDeque<PendingRead> reads = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Void>> writes = new ArrayDeque<>();
    private final ArrayDeque<HostStream> children = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<HostStream>> childWaiters = new ArrayDeque<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final CompletableFuture<Stream> connected = new CompletableFuture<>();
    private volatile RuntimeException failure;
    private boolean finishCalled;
    private boolean draining;

    HostStream(Host host, StreamCore core, HostStream parent) {
        this.host = host;
        this.core = core;
        this.parent = parent;
        core.events(this);
    }

    StreamCore core() {
        return core;
    }

    CompletableFuture<Stream> connectedFuture() {
        return connected;
    }

    // ------------------------------------------------------------------ identity

    @Override
    public Usid usid() {
        return core.usid();
    }

    @Override
    public long lsid() {
        return core.lsid();
    }

    @Override
    public SecureChannel channel() {
        ChannelStreams streams = core.channel();
        return streams == null ? null : host.handleOf(streams.channel());
    }

    @Override
    public Optional<Stream> parent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public boolean isLocallyOpened() {
        return core.locallyOpened();
    }

    // ------------------------------------------------------------------ sending

    @Override
    public CompletableFuture<Void> write(ByteBuf data) {
        Objects.requireNonNull(data, "data");
        return queue(data, false, "write");
    }

    @Override
    public CompletableFuture<Void> write(byte[] data) {
        Objects.requireNonNull(data, "data");
        return write(Unpooled.copiedBuffer(data));
    }

    @Override
    public CompletableFuture<Void> writeRecord(byte[] record) {
        Objects.requireNonNull(record, "record");
        return queue(Unpooled.copiedBuffer(record), true, "writeRecord");
    }

    private CompletableFuture<Void> queue(ByteBuf data, boolean recordEnd, String operation) {
        return host.onLoopCompose(() -> {
            if (failure != null) {
                data.release();
                return failedWrite();
            }
            if (finishCalled) {
                data.release();
                throw new IllegalStateException(operation + " after finish(): this end's direction is finished");
            }
            core.write(data, recordEnd);
            return afterWrite();
        });
    }

    /** SPEC API: writing after this end's own reset is a misuse; after the peer's, the reset is the answer. */
    private CompletableFuture<Void> failedWrite() {
        if (failure instanceof StreamResetException reset && !reset.byPeer()) {
            return CompletableFuture.failedFuture(new IllegalStateException("write after reset(): the stream was reset"
                    + " by this end", failure));
        }
        return CompletableFuture.failedFuture(failure);
    }

    private CompletableFuture<Void> afterWrite() {
        host.flushSoon(core.channel());
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (writes.isEmpty() && core.unacknowledgedBytes() <= SEND_BUFFER_BYTES) {
            future.complete(null);
        } else {
            writes.add(future);
        }
        return future;
    }

    @Override
    public CompletableFuture<Void> finish() {
        return host.onLoopCompose(() -> {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            finishCalled = true;
            core.finish();
            host.flushSoon(core.channel());
            return finished;
        });
    }

    @Override
    public void reset(long errorCode, String reason) {
        if (errorCode < 0 || errorCode > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("errorCode must be a u32, got " + errorCode);
        }
        host.onLoop(() -> {
            resetWith(errorCode, reason, new StreamResetException(errorCode, reason, false));
            return null;
        });
    }

    /** Sends RESET and fails this end's pending and future operations with {@code localFailure}. */
    void resetWith(long errorCode, String reason, RuntimeException localFailure) {
        host.onLoop(() -> {
            if (failure == null) {
                failure = localFailure;
            }
            ChannelStreams streams = core.channel();
            core.reset(errorCode, reason == null ? "" : reason);
            failAll(failure);
            host.flushSoon(streams);
            return null;
        });
    }

    // ------------------------------------------------------------------ receiving

    @Override
    public CompletableFuture<byte[]> read(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
        }
        return enqueue(new PendingRead(ReadKind.BYTES, maxBytes));
    }

    @Override
    public CompletableFuture<ReceivedRecord> readRecord() {
        return enqueue(new PendingRead(ReadKind.RECORD, 0));
    }

    @Override
    public CompletableFuture<ReceivedRecord> readChunk(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
        }
        return enqueue(new PendingRead(ReadKind.CHUNK, maxBytes));
    }

    /** Reads everything up to the end of the stream as one message. */
    CompletableFuture<byte[]> readAll() {
        return enqueue(new PendingRead(ReadKind.ALL, 0));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> enqueue(PendingRead read) {
        return host.onLoopCompose(() -> {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            reads.add(read);
            drainReads();
            return (CompletableFuture<T>) read.future;
        });
    }

    private void drainReads() {
        // taking data can free the stream, whose events drain again: the outer loop does the work
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!reads.isEmpty()) {
                PendingRead read = reads.peekFirst();
                if (!read.tryComplete(core)) {
                    break;
                }
                reads.pollFirst();
            }
        } finally {
            draining = false;
        }
        host.flushSoon(core.channel());
    }

    @Override
    public InputStream inputStream() {
        return new StreamInputStream(this);
    }

    @Override
    public OutputStream outputStream() {
        return new StreamOutputStream(this);
    }

    // ------------------------------------------------------------------ structure

    @Override
    public Stream openSubstream() {
        return host.onLoop(() -> {
            requireUsable();
            ChannelStreams streams = requireChannel();
            return new HostStream(host, streams.open(core, false, false), this);
        }).join();
    }

    @Override
    public CompletableFuture<Stream> acceptSubstream() {
        return host.onLoopCompose(() -> {
            CompletableFuture<HostStream> waiter = new CompletableFuture<>();
            childWaiters.add(waiter);
            drainChildren();
            return waiter.thenApply(child -> (Stream) child);
        });
    }

    @Override
    public CompletableFuture<Void> sendDatagram(byte[] datagram) {
        Objects.requireNonNull(datagram, "datagram");
        ByteBuf data = Unpooled.copiedBuffer(datagram);
        return host.onLoop(() -> {
            // PROTOCOL BUG SUBSTREAM_UNDER_CLOSED_PARENT: a reset stream still gets new datagrams (STR-OPEN-3)
            if (failure != null && !host.protocolBugs().has(ProtocolBug.SUBSTREAM_UNDER_CLOSED_PARENT)) {
                data.release();
                throw failure;
            }
            ChannelStreams streams;
            try {
                streams = requireChannel();
            } catch (RuntimeException e) {
                data.release();
                throw e;
            }
            boolean reliable = DatagramMode.reliable(datagram.length, streams.channel());
            StreamCore child = streams.open(core, !reliable, true);
            if (data.isReadable()) {
                // a datagram is delimited by its substream's FIN; it carries no record boundary of its own
                child.write(data, false);
            } else {
                data.release();
            }
            child.finish();
            host.flushSoon(streams);
            return null;
        });
    }

    @Override
    public CompletableFuture<byte[]> receiveDatagram() {
        return acceptSubstream().thenCompose(child -> {
            HostStream substream = (HostStream) child;
            return substream.readAll().handle((bytes, failed) -> {
                if (failed != null) {
                    // a datagram that never completed (STR-DGRAM-5) or was reset is skipped: the next one counts
                    return receiveDatagram();
                }
                // this end's direction of the datagram's substream ends with an empty FIN (section 8.10)
                substream.finish();
                return CompletableFuture.completedFuture(bytes);
            }).thenCompose(next -> next);
        });
    }

    private void drainChildren() {
        while (!children.isEmpty() && !childWaiters.isEmpty()) {
            childWaiters.pollFirst().complete(children.pollFirst());
        }
        if (failure != null) {
            while (!childWaiters.isEmpty()) {
                childWaiters.pollFirst().completeExceptionally(failure);
            }
        }
    }

    private void requireUsable() {
        if (failure != null) {
            throw failure;
        }
    }

    private ChannelStreams requireChannel() {
        ChannelStreams streams = core.channel();
        if (streams == null) {
            throw new StreamClosedException("the stream is not attached to any channel");
        }
        return streams;
    }

    // ------------------------------------------------------------------ priority and migration

    @Override
    public long priority() {
        return core.priority();
    }

    @Override
    public void priority(long priority) {
        Priorities.check(priority);
        // waits for the event loop so that priority() returns the new value at once
        host.onLoop(() -> {
            core.priority(priority);
            host.flushSoon(core.channel());
            return null;
        }).join();
    }

    @Override
    public CompletableFuture<Void> attach(SecureChannel target) {
        Objects.requireNonNull(target, "channel");
        if (!(target instanceof HostChannel handle) || handle.host() != host) {
            throw new IllegalArgumentException("the channel belongs to another host");
        }
        return host.onLoop(() -> {
            ChannelStreams current = core.channel();
            if (current != null && !handle.peerIdentity().equals(host.handleOf(current.channel()).peerIdentity())) {
                throw new IllegalArgumentException("the channel leads to another peer; a stream moves only between"
                        + " channels to the same peer (SPEC.md section 8.9)");
            }
            requireUsable();
            core.attachTo(handle.streams());
            host.flushSoon(current);
            host.flushSoon(handle.streams());
            return null;
        });
    }

    // ------------------------------------------------------------------ state

    @Override
    public CompletableFuture<StreamStatistics> statistics() {
        return host.onLoop(() -> {
            ChannelStreams streams = core.channel();
            Channel channel = streams == null ? null : streams.channel();
            return new StreamStatistics(core.lsid(), core.priority(), core.bytesWritten(), core.bytesAcknowledged(),
                    core.bytesRetransmitted(), core.unacknowledgedBytes(), core.sendWindow(), core.bytesReceived(),
                    core.receiveQueueBytes(), channel == null ? 0 : channel.smoothedRttNanos(),
                    channel == null ? 0 : channel.congestionWindow(), channel == null ? 0 : channel.bytesInFlight());
        });
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }

    // ------------------------------------------------------------------ StreamEvents (event loop)

    @Override
    public void onReadable() {
        drainReads();
    }

    @Override
    public void onWritable() {
        while (!writes.isEmpty() && core.unacknowledgedBytes() <= SEND_BUFFER_BYTES) {
            writes.pollFirst().complete(null);
        }
    }

    @Override
    public void onChild(StreamCore child) {
        children.add(new HostStream(host, child, this));
        drainChildren();
    }

    @Override
    public void onReset(long errorCode, String reason, boolean byPeer) {
        if (failure == null) {
            failure = new StreamResetException(errorCode, reason, byPeer);
        }
        failAll(failure);
    }

    @Override
    public void onSendFinished() {
        finished.complete(null);
        onWritable();
    }

    @Override
    public void onClosed() {
        onWritable();
        drainReads();
        finished.complete(null);
        closed.complete(null);
    }

    @Override
    public void onFailed(String why) {
        if (failure == null) {
            failure = new StreamClosedException(why);
        }
        failAll(failure);
    }

    private void failAll(RuntimeException cause) {
        // bytes already received stay readable only for a graceful end; a reset discards them (FRM-RESET-2)
        while (!reads.isEmpty()) {
            reads.pollFirst().future.completeExceptionally(cause);
        }
        while (!writes.isEmpty()) {
            writes.pollFirst().completeExceptionally(cause);
        }
        finished.completeExceptionally(cause);
        closed.completeExceptionally(cause);
        connected.completeExceptionally(cause);
        drainChildren();
    }

    @Override
    public String toString() {
        return "Stream[usid=" + core.usid().creationLsid() + ", lsid=" + core.lsid() + "]";
    }

    // ------------------------------------------------------------------ reads

    private enum ReadKind {
        BYTES, RECORD, CHUNK, ALL
    }

    /** One read waiting for data, in arrival order. */
    private static final class PendingRead {
        final ReadKind kind;
        final int maxBytes;
        final CompletableFuture<Object> future = new CompletableFuture<>();
        ByteArrayOutputStream accumulated;

        PendingRead(ReadKind kind, int maxBytes) {
            this.kind = kind;
            this.maxBytes = maxBytes;
        }

        /** Completes the read if the stream allows it now. */
        boolean tryComplete(StreamCore core) {
            switch (kind) {
                case BYTES -> {
                    if (core.readableBytes() > 0) {
                        future.complete(core.read(maxBytes));
                        return true;
                    }
                    if (core.atEnd()) {
                        future.complete(new byte[0]);
                        return true;
                    }
                    return false;
                }
                case RECORD -> {
                    if (core.recordReady()) {
                        core.waitingForRecord(false);
                        var record = core.readRecord();
                        future.complete(new ReceivedRecord(record.data(), record.complete()));
                        return true;
                    }
                    if (core.atEnd()) {
                        core.waitingForRecord(false);
                        future.complete(null);
                        return true;
                    }
                    core.waitingForRecord(true);
                    return false;
                }
                case CHUNK -> {
                    var part = core.readPart(maxBytes);
                    if (part != null) {
                        future.complete(new ReceivedRecord(part.data(), part.complete()));
                        return true;
                    }
                    if (core.atEnd()) {
                        future.complete(null);
                        return true;
                    }
                    return false;
                }
                default -> {
                    // a whole message: taken as it arrives so that flow control keeps granting credit
                    if (accumulated == null) {
                        accumulated = new ByteArrayOutputStream();
                    }
                    if (core.readableBytes() > 0) {
                        accumulated.writeBytes(core.read(Integer.MAX_VALUE));
                    }
                    if (core.atEnd()) {
                        future.complete(accumulated.toByteArray());
                        return true;
                    }
                    return false;
                }
            }
        }
    }
}
