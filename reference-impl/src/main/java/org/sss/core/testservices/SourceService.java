package org.sss.core.testservices;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sss.core.host.AsyncLoop;
import org.sss.core.host.ReceivedRecord;
import org.sss.core.host.ServiceHandler;
import org.sss.core.host.Stream;
import org.sss.core.wire.ErrorCode;

/**
 * The {@code source} test service (SPEC.md Appendix A.3): after a 12-byte command record (u64
 * {@code N}, u32 {@code S}, big-endian) it sends {@code N} bytes whose byte at offset {@code i} is
 * {@code i mod 251}, with a record boundary after every {@code S} bytes and at {@code N} (none when
 * {@code S} is 0), then FIN.
 *
 * <p>The bytes are written in chunks of at most 64 KiB, each after the previous write completed, so
 * the service never holds more than one chunk beyond the stream's send window, whatever {@code N}.
 * {@code N} is unsigned. With {@code N = 0} only FIN is sent: a boundary at offset 0 would end an
 * empty record, which the wire cannot express (a record ends after a data byte, SPEC.md 8.6).
 */
public final class SourceService implements ServiceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SourceService.class);

    /** The size of the command record. */
    public static final int COMMAND_LENGTH = 12;

    /** The period of the pattern (a prime). */
    public static final int PERIOD = 251;

    /** The most bytes one write takes. */
    static final int CHUNK = 64 * 1024;

    /** {@code PATTERN[k] = k mod 251}; any chunk of the pattern is a slice of it, so nothing is built per chunk. */
    private static final byte[] PATTERN = new byte[PERIOD + CHUNK];

    static {
        for (int k = 0; k < PATTERN.length; k++) {
            PATTERN[k] = (byte) (k % PERIOD);
        }
    }

    @Override
    public void onStream(Stream stream) {
        stream.readRecord().whenComplete((record, failure) -> {
            if (failure != null) {
                LOG.debug("source: no command: {}", failure.toString());
                return;
            }
            onCommand(stream, record);
        });
    }

    private static void onCommand(Stream stream, ReceivedRecord record) {
        // SPEC TST-SRC-3: the first record must be exactly 12 bytes; FIN before a whole record is no command
        if (record == null || !record.complete() || record.data().length != COMMAND_LENGTH) {
            String got = record == null ? "FIN" : record.data().length + " bytes" + (record.complete() ? "" : " and FIN");
            stream.reset(ErrorCode.PROTOCOL_VIOLATION.code(), "source: command record must be 12 bytes, got " + got);
            return;
        }
        ByteBuffer command = ByteBuffer.wrap(record.data());
        long length = command.getLong();
        long recordSize = Integer.toUnsignedLong(command.getInt());
        // SPEC TST-SRC-3: discard whatever the opener sends after the command record
        AsyncLoop.run(() -> stream.read(CHUNK).thenApply(bytes -> bytes.length > 0))
                .whenComplete((ignored, failure) -> LOG.debug("source: opener's direction ended: {}", failure));
        Sender sender = new Sender(stream, length, recordSize);
        AsyncLoop.run(sender::step).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("source stopped at offset {}: {}", Long.toUnsignedString(sender.offset), failure.toString());
            }
        });
    }

    /** Sends one command's bytes, one chunk per step. */
    private static final class Sender {
        private final Stream stream;
        private final long length;
        private final long recordSize;
        private long offset;

        Sender(Stream stream, long length, long recordSize) {
            this.stream = stream;
            this.length = length;
            this.recordSize = recordSize;
        }

        CompletableFuture<Boolean> step() {
            if (offset == length) {
                // SPEC TST-SRC-1: FIN at final size N
                stream.finish();
                return CompletableFuture.completedFuture(false);
            }
            long remaining = length - offset;
            int chunk = Long.compareUnsigned(remaining, CHUNK) < 0 ? (int) remaining : CHUNK;
            boolean boundary = false;
            if (recordSize != 0) {
                // SPEC TST-SRC-2: a boundary after every S bytes and at N
                long toBoundary = recordSize - Long.remainderUnsigned(offset, recordSize);
                if (toBoundary <= chunk) {
                    chunk = (int) toBoundary;
                    boundary = true;
                }
                boundary |= chunk == remaining;
            }
            // SPEC TST-SRC-1: the byte at offset i is i mod 251
            int start = (int) Long.remainderUnsigned(offset, PERIOD);
            offset += chunk;
            CompletableFuture<Void> written = boundary
                    ? stream.writeRecord(Arrays.copyOfRange(PATTERN, start, start + chunk))
                    : stream.write(Unpooled.wrappedBuffer(PATTERN, start, chunk).asReadOnly());
            // back-pressure: the next chunk waits until this one is within the send window
            return written.thenApply(ignored -> true);
        }
    }
}
