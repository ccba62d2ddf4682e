package org.sss.tools.capture;

import org.sss.core.host.SecureChannel;

/** A clean handshake (HELLO, COOKIE, INITIATE, the first MESSAGEs), a PING, and a CLOSE. */
final class HandshakeWorkload implements Workload {
    @Override
    public String name() {
        return "handshake";
    }

    @Override
    public String description() {
        return "a clean handshake (HELLO, COOKIE, INITIATE, first MESSAGEs with SETTINGS), one PING and its ACK, "
                + "then CLOSE";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        CaptureSession.await(channel.ping(), "the PING");
        CaptureSession.pause(java.time.Duration.ofMillis(100));
        StreamSteps.close(channel, "capture: handshake done");
    }
}
