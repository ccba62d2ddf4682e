package org.sss.tools.capture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.sss.conformance.peer.wire.Magic;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** Captured MESSAGEs resent by an attacker while their channel is live: dropped, the channel undisturbed. */
final class ReplayedMessageWorkload implements Workload {
    static final int COPIES = 2;

    @Override
    public String name() {
        return "replayed-message";
    }

    @Override
    public String description() {
        return "an echo exchange, then an attacker resends every MESSAGE the initiator has sent so far, " + COPIES
                + " times each, from its own port while the channel is live (replays: dropped, never answered), "
                + "then the channel echoes again and closes";
    }

    @Override
    public boolean attack() {
        return true;
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        Stream echo = StreamSteps.open(channel, TestServices.ECHO);
        byte[] first = "before the replay".getBytes(StandardCharsets.UTF_8);
        CaptureSession.await(echo.write(first), "the first bytes");
        StreamSteps.expectEcho(first, StreamSteps.read(echo, first.length), "the echo before the replay");
        List<byte[]> messages = session.sent().of(Magic.MESSAGE);
        Attacker attacker = session.attacker();
        for (int copy = 0; copy < COPIES; copy++) {
            for (byte[] message : messages) {
                attacker.send(message);
                CaptureSession.pause(Duration.ofMillis(20));
            }
        }
        byte[] second = "after the replay".getBytes(StandardCharsets.UTF_8);
        CaptureSession.await(echo.write(second), "the bytes after the replay");
        echo.finish();
        StreamSteps.expectEcho(second, StreamSteps.readAll(echo), "the echo after the replay");
        StreamSteps.close(channel, "capture: replayed-message done");
    }
}
