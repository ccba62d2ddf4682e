package org.sss.tools.capture;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.sss.conformance.peer.wire.Magic;

/**
 * A captured INITIATE resent after its channel closed: from another port (the cookie is bound to the
 * original address, CRY-COOKIE-4) and from the original port (the cookie was used, CRY-COOKIE-7).
 */
final class ReplayedInitiateWorkload implements Workload {
    @Override
    public String name() {
        return "replayed-initiate";
    }

    @Override
    public String description() {
        return "a clean handshake and CLOSE, then the captured INITIATE resent from an attacker's port (the cookie "
                + "is bound to the original address) and from the original port after the initiator left (the "
                + "cookie was already used): both dropped, no channel, no answer";
    }

    @Override
    public boolean attack() {
        return true;
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        byte[] initiate = ReplaySteps.closedThenCaptured(session, Magic.INITIATE);
        Attacker elsewhere = session.attacker();
        elsewhere.send(initiate);
        CaptureSession.pause(Duration.ofMillis(100));
        InetSocketAddress original = session.initiator().localAddress();
        session.initiator().close();
        try (Attacker same = Attacker.bound(original, session.responder())) {
            same.send(initiate);
            CaptureSession.pause(Duration.ofMillis(100));
            same.send(initiate);
            CaptureSession.pause(Duration.ofMillis(100));
        }
    }
}
