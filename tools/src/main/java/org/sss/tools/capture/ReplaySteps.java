package org.sss.tools.capture;

import org.sss.conformance.peer.wire.Magic;
import org.sss.core.host.SecureChannel;

/** The steps the replay workloads share before their attacker starts. */
final class ReplaySteps {
    private ReplaySteps() {
    }

    /** A clean handshake, a PING and a CLOSE; then the initiator's first {@code magic} datagram, to resend. */
    static byte[] closedThenCaptured(CaptureSession session, Magic magic) throws Exception {
        SecureChannel channel = session.connect();
        CaptureSession.await(channel.ping(), "the PING");
        StreamSteps.close(channel, "capture: before the replay");
        return session.sent().of(magic).get(0);
    }
}
