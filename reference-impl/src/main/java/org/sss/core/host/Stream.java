package org.sss.core.host;

import io.netty.buffer.ByteBuf;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sss.core.wire.Usid;

/**
 * One SSS stream (SPEC.md section 8): a reliable, ordered byte stream in each direction, with
 * optional record boundaries, that can fork substreams and send best-effort datagrams as
 * ephemeral substreams, and that can move between channels to the same peer.
 *
 * <p>Every method may be called from any thread; the work runs on the host's event loop, and the
 * returned futures complete there (do not block in their callbacks; use the {@code *Async}
 * variants of {@link CompletableFuture} for blocking work). Writes complete when the data is
 * buffered within the stream's send window, which is how back-pressure reaches the application:
 * a writer that waits for each write never buffers more than the window.
 *
 * <p>Reads complete with data in stream order, every byte once; a read on a stream that the peer
 * reset completes exceptionally with {@link StreamResetException}; on a stream whose channel was
 * lost without a replacement, with {@link StreamClosedException}.
 */
public interface Stream {
    /** Priority of a top-level stream until changed (STR-PRIO-1): 2^31. */
    long DEFAULT_PRIORITY = 0x8000_0000L;

    /** Lowest priority value (the least urgent). */
    long LOWEST_PRIORITY = 0xFFFF_FFFFL;

    /** The stream's permanent identifier (SPEC.md section 8.2). */
    Usid usid();

    /** The stream's LSID on the channel it is attached to now, or -1 while unattached. */
    long lsid();

    /** The channel the stream sends on now. */
    SecureChannel channel();

    /** The parent stream, or empty for a top-level stream (a child of the root). */
    Optional<Stream> parent();

    /** Whether this end opened the stream. */
    boolean isLocallyOpened();

    // ---------------------------------------------------------------- sending

    /**
     * Queues bytes for sending.
     *
     * @param data the bytes; the stream takes ownership and releases the buffer
     * @return completes when the bytes are buffered within the send window; exceptionally with
     *     {@link IllegalStateException} after {@link #finish()} or {@link #reset}, or with
     *     {@link StreamResetException} when the peer reset the stream
     */
    CompletableFuture<Void> write(ByteBuf data);

    /** {@link #write(ByteBuf)} of a copy of the array. */
    CompletableFuture<Void> write(byte[] data);

    /**
     * Queues a record: the bytes followed by a record boundary (SPEC.md section 8.6), which the peer
     * reads back whole with {@link #readRecord()}.
     */
    CompletableFuture<Void> writeRecord(byte[] record);

    /**
     * Ends this direction of the stream (FIN, half-close); the other direction stays open.
     *
     * @return completes when every byte and the FIN have been acknowledged by the peer
     */
    CompletableFuture<Void> finish();

    /**
     * Aborts both directions at once (RESET, SPEC.md section 8.5): unsent and unacknowledged data
     * is discarded and the peer's reads fail with the code. Substreams are not affected.
     *
     * @param errorCode CANCELLED (14) or an application code from 0x10000
     * @param reason a short UTF-8 text, possibly empty
     */
    void reset(long errorCode, String reason);

    // ---------------------------------------------------------------- receiving

    /**
     * Reads the next bytes, ignoring record boundaries.
     *
     * @param maxBytes the most bytes returned, at least 1
     * @return completes with 1 to {@code maxBytes} bytes, or with an empty array at the end of the
     *     stream (the peer's FIN and every byte before it read)
     */
    CompletableFuture<byte[]> read(int maxBytes);

    /**
     * Reads the next record whole (STR-REC-1).
     *
     * @return completes with the record, or with {@code null} at the end of the stream; bytes after
     *     the last boundary and before FIN come as a record with {@code complete() == false}
     */
    CompletableFuture<ReceivedRecord> readRecord();

    /**
     * Reads the next bytes up to the next record boundary, for readers that keep boundaries without
     * holding whole records (a relay, an echo): the chunk ends early at a boundary.
     *
     * @param maxBytes the most bytes returned, at least 1
     * @return completes with 1 to {@code maxBytes} bytes, {@code complete()} telling whether a record
     *     ends with them; or with {@code null} at the end of the stream
     */
    CompletableFuture<ReceivedRecord> readChunk(int maxBytes);

    /** A blocking view of the receiving direction; {@code read} returns -1 at the end of the stream. */
    InputStream inputStream();

    /** A blocking view of the sending direction; {@code close} finishes the stream and waits for it. */
    OutputStream outputStream();

    // ---------------------------------------------------------------- structure

    /**
     * Opens a substream of this stream, at once and with no round trip (STR-OPEN-1): data written to
     * it travels in the frame that opens it. It inherits this stream's priority (STR-PRIO-1). Its
     * frames follow this stream's first frame (STR-PRIO-5): a parent that has sent nothing yet must
     * write a byte (or a record, or finish) before its children's data can leave.
     */
    Stream openSubstream();

    /**
     * The next substream that the peer opened under this stream, in the order they opened.
     * Datagrams are substreams too (SPEC.md section 8.7): take them with either method.
     *
     * @return completes with the substream; exceptionally with {@link StreamClosedException} when
     *     the channel is gone
     */
    CompletableFuture<Stream> acceptSubstream();

    /**
     * Sends a datagram: an ephemeral substream that carries the whole message and FIN, best effort
     * (never retransmitted; delivered whole or not at all) unless its size or the loss rate demand
     * reliable mode (STR-DGRAM-6). There is no size limit.
     *
     * @return completes when the datagram has been handed to the channel
     */
    CompletableFuture<Void> sendDatagram(byte[] datagram);

    /**
     * The next substream that the peer opened under this stream, read to its end as one message.
     * This end's direction of that substream is finished with an empty FIN.
     */
    CompletableFuture<byte[]> receiveDatagram();

    // ---------------------------------------------------------------- priority and migration

    /** The stream's current priority: 0 is the most urgent, 2^32 − 1 the least. */
    long priority();

    /**
     * Changes the priority of this end's sending now, and tells the peer (PRIORITY frame).
     *
     * @param priority 0 to 2^32 − 1
     */
    void priority(long priority);

    /**
     * Moves the stream to another channel to the same peer (SPEC.md section 8.9): it is attached
     * there and detached from its current channel; data unacknowledged on the old channel is sent
     * again on the new one, at the same offsets.
     *
     * @param channel an established channel to the same peer identity
     * @return completes when the stream sends on {@code channel}
     */
    CompletableFuture<Void> attach(SecureChannel channel);

    // ---------------------------------------------------------------- state

    /** Counters and the state of the stream and its channel. */
    CompletableFuture<StreamStatistics> statistics();

    /**
     * Completes when both directions have finished (STR-FIN-3); exceptionally with
     * {@link StreamResetException} when either end reset the stream, or {@link StreamClosedException}.
     */
    CompletableFuture<Void> closed();
}
