package org.sss.core.testservices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sss.core.host.AsyncLoop;
import org.sss.core.host.ServiceHandler;
import org.sss.core.host.Stream;

/**
 * The {@code discard} test service (SPEC.md Appendix A.2): reads and drops everything on the stream
 * and on every substream under it, sends no data, and answers each FIN with a FIN. Reading as fast
 * as data arrives keeps the flow-control credit flowing back to the peer.
 */
public final class DiscardService implements ServiceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DiscardService.class);

    /** The most bytes one read takes. */
    static final int READ_CHUNK = 64 * 1024;

    @Override
    public void onStream(Stream stream) {
        discard(stream);
    }

    private static void discard(Stream stream) {
        // SPEC TST-DISC-1: read and discard all data, send none
        AsyncLoop.run(() -> stream.read(READ_CHUNK).thenApply(bytes -> bytes.length > 0))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("discard stopped: {}", failure.toString());
                        return;
                    }
                    // SPEC TST-DISC-2: FIN with no data once the peer's FIN has arrived
                    stream.finish();
                });
        // SPEC TST-DISC-1: every substream under the stream, at any depth
        AsyncLoop.run(() -> stream.acceptSubstream().thenApply(substream -> {
            discard(substream);
            return true;
        })).whenComplete((ignored, failure) -> LOG.debug("discard stopped accepting substreams: {}", failure));
    }
}
