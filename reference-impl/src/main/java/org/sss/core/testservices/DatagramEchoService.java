package org.sss.core.testservices;

import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sss.core.host.AsyncLoop;
import org.sss.core.host.ServiceHandler;
import org.sss.core.host.Stream;

/**
 * The {@code datagram-echo} test service (SPEC.md Appendix A.4): every substream the peer opens under
 * the stream is read to its end and sent back as a new datagram under the stream; no data is sent on
 * the stream or on the received substreams, whose direction from this end is finished empty.
 *
 * <p>Each substream is read on its own, so echoes leave in the order the datagrams completed (an
 * incomplete datagram holds up no other), and one that never completes is never echoed.
 */
public final class DatagramEchoService implements ServiceHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramEchoService.class);

    @Override
    public void onStream(Stream stream) {
        // SPEC TST-DGE-2: nothing is sent on the stream itself; its data is dropped and its FIN answered
        AsyncLoop.run(() -> stream.read(DiscardService.READ_CHUNK).thenApply(bytes -> bytes.length > 0))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("datagram-echo stream ended: {}", failure.toString());
                        return;
                    }
                    stream.finish();
                });
        AsyncLoop.run(() -> stream.acceptSubstream().thenApply(datagram -> {
            echo(stream, datagram);
            return true;
        })).whenComplete((ignored, failure) -> LOG.debug("datagram-echo stopped accepting: {}", failure));
    }

    private static void echo(Stream stream, Stream datagram) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        AsyncLoop.run(() -> datagram.read(DiscardService.READ_CHUNK).thenApply(bytes -> {
            message.write(bytes, 0, bytes.length);
            return bytes.length > 0;
        })).whenComplete((ignored, failure) -> {
            if (failure != null) {
                // an incomplete or reset datagram is not echoed (SPEC STR-DGRAM-4, STR-DGRAM-5)
                LOG.debug("datagram not echoed: {}", failure.toString());
                return;
            }
            // SPEC TST-DGE-2: this end's direction of the received substream ends with an empty FIN
            datagram.finish();
            // SPEC TST-DGE-1, TST-DGE-3: the same bytes as a new datagram, in the order of completion
            stream.sendDatagram(message.toByteArray()).whenComplete((sent, sendFailure) -> {
                if (sendFailure != null) {
                    LOG.debug("datagram echo not sent: {}", sendFailure.toString());
                }
            });
        });
    }
}
