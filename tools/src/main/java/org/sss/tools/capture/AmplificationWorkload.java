package org.sss.tools.capture;

import java.time.Duration;
import java.util.List;
import org.sss.conformance.peer.wire.Magic;
import org.sss.core.host.SecureChannel;

/**
 * Amplification attempts: undersized HELLOs (never answered, PKT-SIZE-1), and floods of well-formed
 * HELLOs from several ports, one of them faster than the per-address rate limit (SPEC.md section 10).
 */
final class AmplificationWorkload implements Workload {
    static final List<Integer> UNDERSIZED = List.of(8, 64, 120, 191);
    static final int FLOOD_PORTS = 4;
    static final int PER_PORT = 25;
    static final int BURST = 130;

    @Override
    public String name() {
        return "amplification";
    }

    @Override
    public String description() {
        return "HELLOs of " + UNDERSIZED + " bytes (never answered), " + PER_PORT + " well-formed HELLOs from each of "
                + FLOOD_PORTS + " ports (each answered by one COOKIE, smaller than the HELLO), a burst of " + BURST
                + " from one port (beyond the rate limit: some unanswered), then a clean handshake still served";
    }

    @Override
    public boolean attack() {
        return true;
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        byte[] responderKey = session.responderKey().bytes();
        Attacker small = session.attacker();
        for (int length : UNDERSIZED) {
            small.send(AttackPackets.withMagic(Magic.HELLO, length, session.random()));
        }
        for (int port = 0; port < FLOOD_PORTS; port++) {
            Attacker attacker = session.attacker();
            for (int i = 0; i < PER_PORT; i++) {
                attacker.send(AttackPackets.hello(responderKey, session.random()));
            }
            CaptureSession.pause(Duration.ofMillis(50));
        }
        Attacker burst = session.attacker();
        for (int i = 0; i < BURST; i++) {
            burst.send(AttackPackets.hello(responderKey, session.random()));
        }
        CaptureSession.pause(Duration.ofMillis(300));
        SecureChannel channel = session.connect();
        CaptureSession.await(channel.ping(), "the PING after the flood");
        StreamSteps.close(channel, "capture: still serving");
    }
}
