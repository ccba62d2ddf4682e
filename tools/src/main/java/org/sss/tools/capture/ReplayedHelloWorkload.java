package org.sss.tools.capture;

import java.time.Duration;
import org.sss.conformance.peer.wire.Magic;

/** A captured HELLO resent by an attacker: each copy gets a fresh COOKIE, and no channel follows. */
final class ReplayedHelloWorkload implements Workload {
    static final int COPIES = 3;

    @Override
    public String name() {
        return "replayed-hello";
    }

    @Override
    public String description() {
        return "a clean handshake and CLOSE, then an attacker resends the captured HELLO " + COPIES + " times from "
                + "its own port: each copy gets a fresh COOKIE (a stateless answer no larger than the HELLO), "
                + "and nothing more happens";
    }

    @Override
    public boolean attack() {
        return true;
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        byte[] hello = ReplaySteps.closedThenCaptured(session, Magic.HELLO);
        Attacker attacker = session.attacker();
        for (int i = 0; i < COPIES; i++) {
            attacker.send(hello);
            CaptureSession.pause(Duration.ofMillis(50));
        }
    }
}
