package org.sss.core.testservices;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sss.core.host.AsyncLoop;
import org.sss.core.host.ReceivedRecord;
import org.sss.core.host.ServiceHandler;
import org.sss.core.host.Stream;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.misbehaviour.ProtocolBugs;

/**
 * The {@code echo} test service (SPEC.md Appendix A.1): sends back every byte on the stream it came
 * on, at the same offset and with the same record boundaries, then FIN; does the same on every
 * substream, at any depth. Stateless and non-blocking; one instance serves any number of streams.
 */
public final class EchoService implements ServiceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EchoService.class);
    private static final int CHUNK = 64 * 1024;

    private final ProtocolBugs bugs;

    /** A correct echo. */
    public EchoService() {
        this(ProtocolBugs.none());
    }

    /** An echo with deliberate misbehaviours (for the conformance self-tests only). */
    public EchoService(ProtocolBugs bugs) {
        this.bugs = bugs;
    }

    @Override
    public void onStream(Stream stream) {
        echo(stream);
    }

    private void echo(Stream stream) {
        // SPEC TST-ECHO-1, TST-ECHO-2: chunk by chunk, each cut at a record boundary so that the boundary
        // goes back at its offset; the next read waits for the write, so the peer's data waits in flow
        // control, not here, and bytes are echoed as they come, not when a record or FIN completes
        AsyncLoop.run(() -> stream.readChunk(CHUNK).thenCompose(record -> echoRecord(stream, record)))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        // SPEC TST-ECHO-5: a reset stops the echo on this stream and resets nothing else
                        LOG.debug("echo stopped: {}", failure.toString());
                    }
                });
        // SPEC TST-ECHO-4: every substream, at any depth, is echoed on itself
        AsyncLoop.run(() -> stream.acceptSubstream().thenApply(substream -> {
            echo(substream);
            return true;
        })).whenComplete((ignored, failure) -> LOG.debug("echo stopped accepting substreams: {}", failure));
    }

    private CompletableFuture<Boolean> echoRecord(Stream stream, ReceivedRecord record) {
        if (record == null) {
            // SPEC TST-ECHO-3: FIN after every byte before it, at the received final size
            stream.finish().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.debug("echo FIN not delivered: {}", failure.toString());
                }
            });
            return CompletableFuture.completedFuture(false);
        }
        if (record.complete() && record.data().length > 1 && bugs.has(ProtocolBug.ECHO_TRUNCATES_RECORDS)) {
            // PROTOCOL BUG ECHO_TRUNCATES_RECORDS: the last byte of each record is not echoed (TST-ECHO-1)
            return stream.writeRecord(Arrays.copyOf(record.data(), record.data().length - 1)).thenApply(ignored -> true);
        }
        CompletableFuture<Void> written = record.complete()
                ? stream.writeRecord(record.data())
                // bytes that do not end a record: sent without a boundary
                : stream.write(record.data());
        return written.thenApply(ignored -> true);
    }
}
