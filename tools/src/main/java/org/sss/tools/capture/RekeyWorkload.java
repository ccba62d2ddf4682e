package org.sss.tools.capture;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.channel.ChannelState;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/**
 * Rekeying by replacement (SPEC.md 6.9) with the initiator's rotation age shortened to two seconds: a
 * second handshake, the stream carried on to the replacement, the old channel closed with
 * CHANNEL_REPLACED.
 */
final class RekeyWorkload implements Workload {
    static final Duration ROTATION = Duration.ofSeconds(2);
    private static final int PART = 2 * 1024;

    @Override
    public String name() {
        return "rekey";
    }

    @Override
    public String description() {
        return "an echo stream across a rekey: the initiator's rotation age set to 2 s, a second handshake makes "
                + "the replacement channel, the stream's data moves to it, the old channel closes with "
                + "CHANNEL_REPLACED";
    }

    @Override
    public ChannelConfig initiatorChannel(ChannelConfig defaults) {
        return defaults.toBuilder().rotationInterval(ROTATION).rotationJitter(Duration.ZERO).build();
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel first = session.connect();
        Stream echo = StreamSteps.open(first, TestServices.ECHO);
        byte[] before = StreamSteps.bytes(session, PART);
        StreamSteps.write(echo, before);
        StreamSteps.expectEcho(before, StreamSteps.read(echo, PART), "the echo before the rekey");
        SecureChannel replacement = awaitReplacement(session, first);
        byte[] after = StreamSteps.bytes(session, PART);
        StreamSteps.write(echo, after);
        echo.finish();
        StreamSteps.expectEcho(after, StreamSteps.readAll(echo), "the echo after the rekey");
        // the old channel closes 3 PTO after the replacement (CHN-REKEY-5); wait for it before closing
        CaptureSession.await(first.closed(), "the old channel to close with CHANNEL_REPLACED");
        StreamSteps.close(replacement, "capture: rekey done");
    }

    /** Polls the initiator's channels until an established one other than {@code old} appears. */
    private static SecureChannel awaitReplacement(CaptureSession session, SecureChannel old)
            throws InterruptedException {
        long deadline = System.nanoTime() + CaptureSession.PATIENCE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<SecureChannel> channels = CaptureSession.await(session.initiator().channels(), "the channel list");
            for (SecureChannel c : channels) {
                if (!Arrays.equals(c.channelId(), old.channelId()) && c.state() == ChannelState.ESTABLISHED) {
                    return c;
                }
            }
            CaptureSession.pause(Duration.ofMillis(50));
        }
        throw new IllegalStateException("no replacement channel within " + CaptureSession.PATIENCE.toSeconds() + " s");
    }
}
