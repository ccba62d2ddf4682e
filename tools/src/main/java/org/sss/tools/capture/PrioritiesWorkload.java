package org.sss.tools.capture;

import java.util.concurrent.CompletableFuture;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;

/** Two transfers at once whose priorities are swapped halfway (PRIORITY frames mid-transfer). */
final class PrioritiesWorkload implements Workload {
    static final int SIZE = 32 * 1024;

    @Override
    public String name() {
        return "priorities";
    }

    @Override
    public String description() {
        return "two streams to discard sending " + SIZE / 1024 + " KiB each at once; the first starts least "
                + "urgent and the second most urgent, and halfway through they swap (PRIORITY frames)";
    }

    @Override
    public void run(CaptureSession session) throws Exception {
        SecureChannel channel = session.connect();
        Stream first = StreamSteps.open(channel, TestServices.DISCARD);
        Stream second = StreamSteps.open(channel, TestServices.DISCARD);
        first.priority(Stream.LOWEST_PRIORITY);
        second.priority(0);
        byte[] data = StreamSteps.bytes(session, SIZE);
        int half = SIZE / 2;
        CompletableFuture<Void> a = writeBoth(first, second, data, 0, half);
        CaptureSession.await(a, "the first halves to be buffered");
        first.priority(0);
        second.priority(Stream.LOWEST_PRIORITY);
        CaptureSession.await(writeBoth(first, second, data, half, SIZE), "the second halves to be buffered");
        CaptureSession.await(CompletableFuture.allOf(first.finish(), second.finish()), "both transfers to finish");
        StreamSteps.close(channel, "capture: priorities done");
    }

    /** Queues {@code data[from, to)} on both streams, chunk by chunk, interleaved. */
    private static CompletableFuture<Void> writeBoth(Stream first, Stream second, byte[] data, int from, int to) {
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (int offset = from; offset < to; offset += StreamSteps.CHUNK) {
            byte[] chunk = java.util.Arrays.copyOfRange(data, offset, Math.min(to, offset + StreamSteps.CHUNK));
            all = CompletableFuture.allOf(all, first.write(chunk), second.write(chunk));
        }
        return all;
    }
}
