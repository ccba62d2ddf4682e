package org.sss.conformance.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Is an IUT still serving? A fresh handshake with a new tester peer and an echo round trip of one
 * random record (SPEC.md Appendix A.1), within a timeout. Shared by the scenarios' liveness check
 * around {@code @negative} scenarios and by the fuzzer's oracle after every batch.
 */
public final class LivenessProbe {
    private static final int RECORD = 64;

    private LivenessProbe() {
    }

    /** Null when the IUT at {@code address} with key {@code publicKey} is live, else what went wrong. */
    public static String probe(InetSocketAddress address, byte[] publicKey, Random random, Duration timeout) {
        try (TesterPeer peer = TesterPeer.connect(address, publicKey, random, timeout)) {
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
        } catch (RuntimeException | IOException e) {
            return "a fresh handshake and echo round trip failed: " + e;
        }
    }
}
