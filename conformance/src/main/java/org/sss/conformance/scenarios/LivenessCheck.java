package org.sss.conformance.scenarios;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.target.Target;

/**
 * Is the IUT still serving? A fresh handshake with a new tester peer and an echo round trip of one
 * random record (Appendix A.1). Runs before and after every {@code @negative} scenario, so that an IUT
 * broken by a scenario is blamed on that scenario and not on the ones that follow it.
 */
final class LivenessCheck {
    private static final int RECORD = 64;

    private LivenessCheck() {
    }

    /** Null when the IUT is live, else what went wrong. */
    static String probe(Target target, Random random, Duration timeout) {
        try (TesterPeer peer = TesterPeer.connect(target.address(), target.publicKey(), random, timeout)) {
            long lsid = peer.openStream("echo", "sss-test/1");
            byte[] record = new byte[RECORD];
            random.nextBytes(record);
            peer.sendRecord(lsid, record);
            peer.finish(lsid);
            StreamInbox inbox = peer.awaitStream(lsid, StreamInbox::isFinished, timeout);
            List<byte[]> records = inbox.records();
            if (records.size() != 2 || !Arrays.equals(records.get(1), record)) {
                return "echo returned " + inbox + " instead of the request's reply and the record sent";
            }
            return null;
        } catch (RuntimeException | java.io.IOException e) {
            return "a fresh handshake and echo round trip failed: " + e;
        }
    }
}
