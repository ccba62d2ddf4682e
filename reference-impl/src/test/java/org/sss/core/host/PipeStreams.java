package org.sss.core.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sss.core.wire.Usid;

/**
 * An in-memory test double of connected {@link Stream} pairs: records, FIN, RESET, substreams at any
 * depth, datagrams (substreams carrying one message and FIN) and back-pressure. Every operation
 * runs on one "event loop" thread, like a host's, and futures complete there.
 *
 * <p>Back-pressure: data reaches the peer at once, but a write completes only while the peer holds
 * at most {@code windowBytes} unread bytes; a writer that waits for each write therefore leaves at
 * most the window plus one write unread. {@link End#maxUnreadBytes()} records the peak.
 *
 * <p>Not modelled: USIDs, channels, migration, statistics, blocking views; those methods throw
 * {@link UnsupportedOperationException}. FIN counts as acknowledged when sent.
 */
public final class PipeStreams implements AutoCloseable {
    /** The default back-pressure window. */
    public static final int DEFAULT_WINDOW = 256 * 1024;

    private static final long PATIENCE_SECONDS = 15;

    private final ThreadPoolExecutor loop = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "pipe-streams-loop");
                thread.setDaemon(true);
                return thread;
            });
    private final int windowBytes;

    /** A pipe with the {@link #DEFAULT_WINDOW}. */
    public PipeStreams() {
        this(DEFAULT_WINDOW);
    }

    /** @param windowBytes how many unread bytes a receiver holds before writes stop completing */
    public PipeStreams(int windowBytes) {
        this.windowBytes = windowBytes;
    }

    /** A new pair of connected top-level streams. */
    public Pair open() {
        End opener = new End(null, true);
        End acceptor = new End(null, false);
        opener.peer = acceptor;
        acceptor.peer = opener;
        return new Pair(opener, acceptor);
    }

    /**
     * Two connected ends.
     *
     * @param opener the end that opened the stream
     * @param acceptor the other end
     */
    public record Pair(End opener, End acceptor) {
    }

    /** Runs {@code action} on the loop and returns its result. */
    public <T> T call(Callable<T> action) {
        try {
            return loop.submit(action).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("pipe loop call failed", e);
        }
    }

    /** Waits until the loop has nothing left to run (every reaction to earlier calls has happened). */
    public void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        int quiet = 0;
        while (quiet < 3) {
            call(() -> null);
            quiet = loop.getQueue().isEmpty() && loop.getActiveCount() == 0 ? quiet + 1 : 0;
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("pipe loop never went quiet");
            }
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }

    private void run(Runnable action) {
        loop.execute(action);
    }

    /** One segment of received data. */
    private static final class Chunk {
        final byte[] data;
        int position;
        /** A record boundary after the chunk's last byte. */
        final boolean boundary;

        Chunk(byte[] data, boolean boundary) {
            this.data = data;
            this.boundary = boundary;
        }

        int remaining() {
            return data.length - position;
        }
    }

    /** A pending read: {@code maxBytes} for {@link Stream#read}, or -1 for {@link Stream#readRecord}. */
    private record PendingRead(int maxBytes, CompletableFuture<byte[]> bytes, CompletableFuture<ReceivedRecord> record) {
    }

    /** A write whose future waits for the peer to read. */
    private record BlockedWrite(CompletableFuture<Void> future) {
    }

    /** One end of a stream. State is touched only on the loop thread. */
    public final class End implements Stream {
        private final End parentEnd;
        private final boolean locallyOpened;
        private End peer;

        private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
        private final ArrayDeque<PendingRead> reads = new ArrayDeque<>();
        private long unread;
        private long maxUnread;
        private long bytesReceived;
        private boolean finReceived;

        private boolean finished;
        private long bytesSent;
        private final ArrayDeque<BlockedWrite> blockedWrites = new ArrayDeque<>();

        /** Why this end can no longer read or write: a RESET either way. */
        private RuntimeException failure;
        private Long resetCodeSent;
        private String resetReasonSent;

        private final ArrayDeque<End> acceptable = new ArrayDeque<>();
        private final ArrayDeque<CompletableFuture<Stream>> accepts = new ArrayDeque<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private volatile long priority = DEFAULT_PRIORITY;

        End(End parentEnd, boolean locallyOpened) {
            this.parentEnd = parentEnd;
            this.locallyOpened = locallyOpened;
        }

        // ------------------------------------------------------------ inspection for tests

        /** Bytes received and not yet read. */
        public long unreadBytes() {
            return call(() -> unread);
        }

        /** The most bytes ever held unread. */
        public long maxUnreadBytes() {
            return call(() -> maxUnread);
        }

        /** All bytes the peer sent to this end so far. */
        public long bytesReceived() {
            return call(() -> bytesReceived);
        }

        /** Whether the peer's FIN arrived. */
        public boolean finReceived() {
            return call(() -> finReceived);
        }

        /** The code of the RESET this end sent, if it sent one. */
        public Optional<Long> resetCodeSent() {
            return call(() -> Optional.ofNullable(resetCodeSent));
        }

        /** The reason of the RESET this end sent, if it sent one. */
        public Optional<String> resetReasonSent() {
            return call(() -> Optional.ofNullable(resetReasonSent));
        }

        /** Whether this end sent FIN. */
        public boolean finSent() {
            return call(() -> finished);
        }

        /** Substreams the peer opened that nobody accepted yet. */
        public int unacceptedSubstreams() {
            return call(acceptable::size);
        }

        /**
         * Resets like {@link #reset} but fails this end's reads and writes with {@code localFailure}
         * (the contract of HostStream's {@code resetWith}).
         */
        public void resetWith(long errorCode, String reason, RuntimeException localFailure) {
            run(() -> doReset(errorCode, reason, localFailure));
        }

        // ------------------------------------------------------------ Stream

        @Override
        public Usid usid() {
            throw new UnsupportedOperationException("PipeStreams has no USIDs");
        }

        @Override
        public long lsid() {
            return -1;
        }

        @Override
        public SecureChannel channel() {
            throw new UnsupportedOperationException("PipeStreams has no channel");
        }

        @Override
        public Optional<Stream> parent() {
            return Optional.ofNullable(parentEnd);
        }

        @Override
        public boolean isLocallyOpened() {
            return locallyOpened;
        }

        @Override
        public CompletableFuture<Void> write(ByteBuf data) {
            byte[] bytes = ByteBufUtil.getBytes(data);
            data.release();
            return send(bytes, false);
        }

        @Override
        public CompletableFuture<Void> write(byte[] data) {
            return send(data.clone(), false);
        }

        @Override
        public CompletableFuture<Void> writeRecord(byte[] record) {
            return send(record.clone(), true);
        }

        private CompletableFuture<Void> send(byte[] data, boolean boundary) {
            CompletableFuture<Void> future = new CompletableFuture<>();
            run(() -> {
                if (failure != null) {
                    future.completeExceptionally(failure instanceof StreamResetException reset && !reset.byPeer()
                            ? new IllegalStateException("write after reset") : failure);
                    return;
                }
                if (finished) {
                    future.completeExceptionally(new IllegalStateException("write after finish"));
                    return;
                }
                bytesSent += data.length;
                peer.receive(data, boundary);
                blockedWrites.add(new BlockedWrite(future));
                releaseWrites();
            });
            return future;
        }

        /** Completes this end's blocked writes while the peer holds at most the window unread. */
        private void releaseWrites() {
            while (!blockedWrites.isEmpty() && peer.unread <= windowBytes) {
                blockedWrites.poll().future.complete(null);
            }
        }

        @Override
        public CompletableFuture<Void> finish() {
            CompletableFuture<Void> future = new CompletableFuture<>();
            run(() -> {
                if (failure != null || finished) {
                    future.completeExceptionally(new IllegalStateException(finished ? "finished already" : "reset"));
                    return;
                }
                finished = true;
                peer.receiveFin();
                checkClosed();
                future.complete(null);
            });
            return future;
        }

        @Override
        public void reset(long errorCode, String reason) {
            run(() -> doReset(errorCode, reason, new StreamResetException(errorCode, reason, false)));
        }

        private void doReset(long errorCode, String reason, RuntimeException localFailure) {
            if (failure != null) {
                return;
            }
            resetCodeSent = errorCode;
            resetReasonSent = reason;
            fail(localFailure);
            peer.fail(new StreamResetException(errorCode, reason, true));
        }

        private void fail(RuntimeException why) {
            if (failure != null) {
                return;
            }
            failure = why;
            chunks.clear();
            unread = 0;
            while (!reads.isEmpty()) {
                PendingRead read = reads.poll();
                (read.bytes != null ? read.bytes : read.record).completeExceptionally(why);
            }
            while (!blockedWrites.isEmpty()) {
                blockedWrites.poll().future.completeExceptionally(why);
            }
            closed.completeExceptionally(why);
        }

        private void receive(byte[] data, boolean boundary) {
            if (failure != null) {
                return;
            }
            bytesReceived += data.length;
            if (data.length == 0) {
                // SPEC.md 8.6: a record ends after a data byte, so an empty write carries nothing
                return;
            }
            chunks.add(new Chunk(data, boundary));
            unread += data.length;
            maxUnread = Math.max(maxUnread, unread);
            serveReads();
        }

        private void receiveFin() {
            if (failure != null) {
                return;
            }
            finReceived = true;
            serveReads();
            checkClosed();
        }

        @Override
        public CompletableFuture<byte[]> read(int maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1");
            }
            CompletableFuture<byte[]> future = new CompletableFuture<>();
            enqueue(new PendingRead(maxBytes, future, null));
            return future;
        }

        @Override
        public CompletableFuture<ReceivedRecord> readRecord() {
            CompletableFuture<ReceivedRecord> future = new CompletableFuture<>();
            enqueue(new PendingRead(-1, null, future));
            return future;
        }

        @Override
        public CompletableFuture<ReceivedRecord> readChunk(int maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1");
            }
            CompletableFuture<ReceivedRecord> future = new CompletableFuture<>();
            enqueue(new PendingRead(maxBytes, null, future));
            return future;
        }

        private void enqueue(PendingRead read) {
            run(() -> {
                if (failure != null) {
                    (read.bytes != null ? read.bytes : read.record).completeExceptionally(failure);
                    return;
                }
                reads.add(read);
                serveReads();
            });
        }

        private void serveReads() {
            while (!reads.isEmpty()) {
                PendingRead read = reads.peek();
                if (read.maxBytes > 0 && read.record != null) {
                    if (unread > 0) {
                        long toBoundary = 0;
                        boolean boundary = false;
                        for (Chunk chunk : chunks) {
                            toBoundary += chunk.remaining();
                            if (chunk.boundary) {
                                boundary = true;
                                break;
                            }
                        }
                        int n = (int) Math.min(read.maxBytes, boundary ? toBoundary : unread);
                        reads.poll();
                        read.record.complete(new ReceivedRecord(take(n), boundary && n == toBoundary));
                    } else if (finReceived) {
                        reads.poll();
                        read.record.complete(null);
                    } else {
                        return;
                    }
                } else if (read.maxBytes > 0) {
                    if (unread > 0) {
                        reads.poll();
                        read.bytes.complete(take((int) Math.min(read.maxBytes, unread)));
                    } else if (finReceived) {
                        reads.poll();
                        read.bytes.complete(new byte[0]);
                    } else {
                        return;
                    }
                } else {
                    long toBoundary = 0;
                    boolean found = false;
                    for (Chunk chunk : chunks) {
                        toBoundary += chunk.remaining();
                        if (chunk.boundary) {
                            found = true;
                            break;
                        }
                    }
                    if (found) {
                        reads.poll();
                        read.record.complete(new ReceivedRecord(take((int) toBoundary), true));
                    } else if (finReceived) {
                        reads.poll();
                        read.record.complete(unread > 0 ? new ReceivedRecord(take((int) unread), false) : null);
                    } else {
                        return;
                    }
                }
            }
        }

        /** Takes {@code count} unread bytes; a boundary goes with the chunk's last byte. */
        private byte[] take(int count) {
            byte[] out = new byte[count];
            int filled = 0;
            while (filled < count) {
                Chunk chunk = chunks.peek();
                int n = Math.min(chunk.remaining(), count - filled);
                System.arraycopy(chunk.data, chunk.position, out, filled, n);
                chunk.position += n;
                filled += n;
                if (chunk.remaining() == 0) {
                    chunks.poll();
                }
            }
            unread -= count;
            peer.releaseWrites();
            checkClosed();
            return out;
        }

        private void checkClosed() {
            if (finished && finReceived && unread == 0 && failure == null) {
                closed.complete(null);
            }
        }

        @Override
        public InputStream inputStream() {
            throw new UnsupportedOperationException("PipeStreams has no blocking views");
        }

        @Override
        public OutputStream outputStream() {
            throw new UnsupportedOperationException("PipeStreams has no blocking views");
        }

        @Override
        public Stream openSubstream() {
            End mine = new End(this, true);
            End theirs = new End(peer, false);
            mine.peer = theirs;
            theirs.peer = mine;
            run(() -> peer.incoming(theirs));
            return mine;
        }

        private void incoming(End substream) {
            if (!accepts.isEmpty()) {
                accepts.poll().complete(substream);
            } else {
                acceptable.add(substream);
            }
        }

        @Override
        public CompletableFuture<Stream> acceptSubstream() {
            CompletableFuture<Stream> future = new CompletableFuture<>();
            run(() -> {
                if (!acceptable.isEmpty()) {
                    future.complete(acceptable.poll());
                } else {
                    accepts.add(future);
                }
            });
            return future;
        }

        @Override
        public CompletableFuture<Void> sendDatagram(byte[] datagram) {
            byte[] copy = datagram.clone();
            CompletableFuture<Void> future = new CompletableFuture<>();
            run(() -> {
                End mine = new End(this, true);
                End theirs = new End(peer, false);
                mine.peer = theirs;
                theirs.peer = mine;
                // the whole message and FIN, then the sender forgets its end (SPEC.md 8.7)
                mine.finished = true;
                theirs.receive(copy, false);
                theirs.receiveFin();
                peer.incoming(theirs);
                future.complete(null);
            });
            return future;
        }

        @Override
        public CompletableFuture<byte[]> receiveDatagram() {
            return acceptSubstream().thenCompose(substream -> {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                CompletableFuture<byte[]> done = new CompletableFuture<>();
                readAll(substream, message, done);
                return done.thenApply(bytes -> {
                    substream.finish();
                    return bytes;
                });
            });
        }

        private void readAll(Stream substream, ByteArrayOutputStream message, CompletableFuture<byte[]> done) {
            substream.read(64 * 1024).whenComplete((bytes, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else if (bytes.length == 0) {
                    done.complete(message.toByteArray());
                } else {
                    message.write(bytes, 0, bytes.length);
                    readAll(substream, message, done);
                }
            });
        }

        @Override
        public long priority() {
            return priority;
        }

        @Override
        public void priority(long priority) {
            this.priority = priority;
        }

        @Override
        public CompletableFuture<Void> attach(SecureChannel channel) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("PipeStreams has no channels"));
        }

        @Override
        public CompletableFuture<StreamStatistics> statistics() {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("PipeStreams has no statistics"));
        }

        @Override
        public CompletableFuture<Void> closed() {
            return closed;
        }

        @Override
        public String toString() {
            return "PipeStreams.End[" + (locallyOpened ? "opener" : "acceptor") + (parentEnd == null ? ", top" : ", sub")
                    + "]";
        }
    }
}
