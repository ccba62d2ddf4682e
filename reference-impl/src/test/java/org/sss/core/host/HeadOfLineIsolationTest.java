package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sss.core.host.ImpairedLink.Direction;
import org.sss.core.host.ImpairedStreams.DigestSink;

/**
 * Streams on one channel do not hold each other up (SPEC.md section 8: each stream is delivered in
 * its own order, STR-DATA-1, and flow-controlled on its own, section 6.7), which is what a single
 * ordered byte stream carrying several conversations cannot offer.
 *
 * <p>Two streams share one channel through an {@link ImpairedLink}: a bulk stream A and a chat
 * stream B whose records the responder echoes one by one.
 * <ul>
 *   <li>Flow control: the responder's application stops reading A, so A's stream window fills and
 *       A's writer stalls; B's records still make their round trips while A stays stalled, because
 *       A's unread bytes use A's window and not the channel's. Released, A completes intact.
 *   <li>Loss: at 30 % loss both ways A keeps sending and keeps retransmitting, so at the receiver
 *       A's data has gaps throughout; B's records still make their round trips during that time,
 *       delivered as soon as their own bytes arrive, not after A's gaps fill. A then completes intact.
 * </ul>
 * Both streams have the default priority, so the sender shares the channel between them
 * (STR-PRIO-4). The bounds on B's round trips are generous and only end a failing run; the
 * latencies are printed, not asserted.
 */
@Tag("impaired")
class HeadOfLineIsolationTest {
    @RegisterExtension
    static final LoopbackHosts HOSTS = new LoopbackHosts();

    private static final String SERVICE = "hol";
    private static final String PROTOCOL = "hol/1";
    private static final byte[] ROLE_BULK = "bulk".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROLE_STALLED_BULK = "bulk, stalled until released".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ROLE_CHAT = "chat".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RELEASE = "release".getBytes(StandardCharsets.UTF_8);
    private static final Duration ROUND_TRIP_PATIENCE = Duration.ofSeconds(30);
    private static final Duration TRANSFER_PATIENCE = Duration.ofMinutes(3);

    @Test
    void aStreamWhoseReaderStallsDoesNotHoldUpAnotherStreamOnTheChannel() {
        Fixture f = new Fixture(Impairment.builder().lossRate(0.02).reorder(0.01, 3, Duration.ofMillis(20)).build());
        Stream bulk = f.channel.openStream(SERVICE, PROTOCOL);
        bulk.writeRecord(ROLE_STALLED_BULK);
        ImpairedData bulkData = new ImpairedData(HOSTS.nextSeed(), 4 << 20);
        CompletableFuture<Void> bulkWritten = ImpairedStreams.writeAll(bulk, bulkData);

        // the responder never reads A, so A's limit never rises: A's send window closes and its writer waits
        StreamStatistics windowClosed = Await.until("stream A's send window to close",
                () -> LoopbackHosts.join(bulk.statistics()),
                s -> s.sendWindowBytes() == 0 && s.sendQueueBytes() > 0, Duration.ofSeconds(60));
        assertThat(bulkWritten).isNotDone();
        // the writer may still fill A's send buffer for a moment after the window closed: wait until it is blocked
        StreamStatistics stalled = settled(bulk, windowClosed);

        Stream chat = ImpairedStreams.await(f.channel.connect(SERVICE, PROTOCOL), ROUND_TRIP_PATIENCE, "B's OK");
        chat.writeRecord(ROLE_CHAT);
        long[] latencies = chatRoundTrips(chat, 50, HOSTS.random());

        // A made no progress at all while B's records went back and forth
        StreamStatistics after = LoopbackHosts.join(bulk.statistics());
        assertThat(after.bytesWritten()).as("bytes written to A since it stalled").isEqualTo(stalled.bytesWritten());
        assertThat(after.sendWindowBytes()).isZero();
        assertThat(bulkWritten).isNotDone();

        // released, A completes with every byte intact
        chat.writeRecord(RELEASE);
        assertThat(ImpairedStreams.await(chat.readRecord(), ROUND_TRIP_PATIENCE, "the echo of the release").data())
                .isEqualTo(RELEASE);
        byte[] summary = ImpairedStreams.await(ImpairedStreams.sendToSink(bulk, bulkWritten), TRANSFER_PATIENCE,
                "A to complete once released");
        assertSummary(summary, bulkData);
        finishChat(chat);
        f.assertClean();
        print("stalled reader", latencies, f.link);
    }

    @Test
    void aStreamRecoveringFromHeavyLossDoesNotHoldUpAnotherStreamOnTheChannel() {
        Fixture f = new Fixture(Impairment.NONE);
        Stream bulk = ImpairedStreams.await(f.channel.connect(SERVICE, PROTOCOL), ROUND_TRIP_PATIENCE, "A's OK");
        bulk.writeRecord(ROLE_BULK);
        ImpairedData bulkData = new ImpairedData(HOSTS.nextSeed(), Long.MAX_VALUE);
        AtomicLong limit = new AtomicLong(Long.MAX_VALUE);
        CompletableFuture<Void> bulkWritten = ImpairedStreams.write(bulk, bulkData, limit::get);
        Stream chat = ImpairedStreams.await(f.channel.connect(SERVICE, PROTOCOL), ROUND_TRIP_PATIENCE, "B's OK");
        chat.writeRecord(ROLE_CHAT);
        Await.until("A to get going", () -> LoopbackHosts.join(bulk.statistics()),
                s -> s.bytesAcknowledged() > 256 * 1024, Duration.ofSeconds(60));

        Impairment heavyLoss = Impairment.builder().lossRate(0.30).build();
        f.link.impairment(heavyLoss);
        long retransmittedAtStart = LoopbackHosts.join(bulk.statistics()).bytesRetransmitted();
        long retransmittedBeforeChat = Await.until("A to retransmit under 30 % loss",
                () -> LoopbackHosts.join(bulk.statistics()).bytesRetransmitted(),
                r -> r > retransmittedAtStart, Duration.ofSeconds(60));

        long[] latencies = chatRoundTrips(chat, 20, HOSTS.random());

        // A was losing and retransmitting data the whole time B's records went back and forth
        long retransmittedAfterChat = LoopbackHosts.join(bulk.statistics()).bytesRetransmitted();
        assertThat(retransmittedAfterChat).as("bytes A retransmitted during B's round trips")
                .isGreaterThan(retransmittedBeforeChat);
        assertThat(bulkWritten).isNotDone();
        assertThat(f.link.counters(Direction.TO_RESPONDER).dropped()).isPositive();
        assertThat(f.link.counters(Direction.TO_INITIATOR).dropped()).isPositive();

        // stop A and let it complete on a clean path: every byte arrived once, in order
        limit.set(0);
        f.link.impairment(Impairment.NONE);
        byte[] summary = ImpairedStreams.await(ImpairedStreams.sendToSink(bulk, bulkWritten), TRANSFER_PATIENCE,
                "A to complete");
        assertSummary(summary, bulkData);
        finishChat(chat);
        f.assertClean();
        print("30 % loss", latencies, f.link);
    }

    // ------------------------------------------------------------------ fixture

    /** Two hosts, the service and a channel through an impaired link. */
    private static final class Fixture {
        final HolService service = new HolService();
        final Host responder = HOSTS.start(HOSTS.config(), new HostEvents());
        final Host initiator = HOSTS.start(HOSTS.config().acceptChannels(false), new HostEvents());
        final ImpairedLink link;
        final SecureChannel channel;

        Fixture(Impairment impairment) {
            responder.listen(SERVICE, PROTOCOL, "a bulk sink and a record echo", service);
            link = ImpairedStreams.link(HOSTS, responder, impairment);
            channel = LoopbackHosts.connect(initiator, link.address(), responder);
        }

        void assertClean() {
            assertThat(service.failures).as("streams that failed at the responder").isEmpty();
            service.sink.assertNoFailures();
            ImpairedStreams.assertNoHandlerFailures(responder, initiator);
        }
    }

    /**
     * The responder's side. The first record of a stream names its role: "bulk" streams go to a
     * {@link DigestSink}; a stalled bulk stream is not read at all until a chat stream carries the
     * release record; "chat" streams echo every record and finish after the peer's FIN.
     */
    private static final class HolService implements ServiceHandler {
        final DigestSink sink = new DigestSink();
        final CompletableFuture<Void> release = new CompletableFuture<>();
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

        @Override
        public void onStream(Stream stream) {
            stream.readRecord().whenComplete((role, failure) -> {
                if (failure != null || role == null) {
                    failures.add(failure != null ? failure : new AssertionError("a stream ended before its role"));
                } else if (Arrays.equals(role.data(), ROLE_BULK)) {
                    sink.onStream(stream);
                } else if (Arrays.equals(role.data(), ROLE_STALLED_BULK)) {
                    // completed on the event loop by the chat stream's handler, so the sink starts there
                    release.thenRun(() -> sink.onStream(stream));
                } else if (Arrays.equals(role.data(), ROLE_CHAT)) {
                    echo(stream);
                } else {
                    failures.add(new AssertionError("unknown role " + new String(role.data(), StandardCharsets.UTF_8)));
                }
            });
        }

        private void echo(Stream stream) {
            stream.readRecord().whenComplete((record, failure) -> {
                if (failure != null) {
                    failures.add(failure);
                } else if (record == null) {
                    stream.finish().exceptionally(e -> {
                        failures.add(e);
                        return null;
                    });
                } else {
                    if (Arrays.equals(record.data(), RELEASE)) {
                        release.complete(null);
                    }
                    stream.writeRecord(record.data());
                    echo(stream);
                }
            });
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Sends {@code count} records on B one at a time, each after the previous echo; the round-trip times. */
    private static long[] chatRoundTrips(Stream chat, int count, Random random) {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            byte[] message = new byte[16 + random.nextInt(200)];
            random.nextBytes(message);
            long start = System.nanoTime();
            chat.writeRecord(message);
            ReceivedRecord echo = ImpairedStreams.await(chat.readRecord(), ROUND_TRIP_PATIENCE,
                    "the echo of B's record " + i);
            latencies[i] = System.nanoTime() - start;
            // SPEC STR-REC-1: the record comes back whole, at its boundary
            assertThat(echo.complete()).isTrue();
            assertThat(echo.data()).as("echo of record %d", i).isEqualTo(message);
        }
        return latencies;
    }

    private static void finishChat(Stream chat) {
        ImpairedStreams.await(chat.finish(), ROUND_TRIP_PATIENCE, "B's FIN to be acknowledged");
        assertThat(ImpairedStreams.await(chat.readRecord(), ROUND_TRIP_PATIENCE, "the end of B")).isNull();
        ImpairedStreams.await(chat.closed(), ROUND_TRIP_PATIENCE, "B to close");
    }

    private static void assertSummary(byte[] summary, ImpairedData data) {
        assertThat(ImpairedData.describeSummary(summary)).as("what the responder read from A")
                .isEqualTo(ImpairedData.describeSummary(ImpairedData.summary(data.produced(), data.sha256Digest())));
    }

    private static void print(String what, long[] latencies, ImpairedLink link) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("[HeadOfLineIsolationTest] %s: B's round trips median %d ms, max %d ms (%s)%n", what,
                TimeUnit.NANOSECONDS.toMillis(sorted[sorted.length / 2]),
                TimeUnit.NANOSECONDS.toMillis(sorted[sorted.length - 1]), link);
    }

    /** Statistics of {@code stream} once its bytes written stayed the same for 300 ms (at most 30 s). */
    private static StreamStatistics settled(Stream stream, StreamStatistics first) {
        StreamStatistics previous = first;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            StreamStatistics now = LoopbackHosts.join(stream.statistics());
            if (now.bytesWritten() == previous.bytesWritten()) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("the writer of A never stopped: " + previous);
    }
}
