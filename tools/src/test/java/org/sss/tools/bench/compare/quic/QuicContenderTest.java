package org.sss.tools.bench.compare.quic;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.quic.Quic;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sss.tools.bench.compare.Contender.Latencies;
import org.sss.tools.bench.compare.Contender.ManyStreams;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * Every workload of the QUIC contender, with tiny sizes on 127.0.0.1. The workloads verify what they
 * measure themselves (byte counts, echoed content) and throw otherwise; these tests check that they
 * return numbers at all. quiche's native library must load here: the tools build ships it for
 * linux-x86_64, so a failure to load fails the tests instead of skipping them.
 */
class QuicContenderTest {
    private static final long SEED = 8;
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final QuicContender contender = new QuicContender();

    @BeforeAll
    static void nativeQuicLoads() {
        assertThat(Quic.isAvailable())
                .as("quiche native library (netty-codec-native-quic) on %s/%s: %s", System.getProperty("os.name"),
                        System.getProperty("os.arch"), Quic.unavailabilityCause())
                .isTrue();
    }

    @Test
    void bulkOnOneStream() throws Exception {
        assertThat(contender.bulk(Loopback.ipv4(), 2_000_000, 1, SEED)).isPositive().isFinite();
    }

    @Test
    void bulkOnFourStreamsWithAnUnevenSplit() throws Exception {
        assertThat(contender.bulk(Loopback.ipv4(), 2_000_003, 4, SEED)).isPositive().isFinite();
    }

    @Test
    void handshakes() throws Exception {
        assertThat(contender.handshakesPerSecond(Loopback.ipv4(), SECOND, 4, SEED)).isPositive().isFinite();
    }

    @Test
    void timeToFirstByte() throws Exception {
        long[] samples = contender.timeToFirstByte(Loopback.ipv4(), SECOND, SEED);
        assertPositiveSamples(samples);
    }

    @Test
    void requestResponse() throws Exception {
        Latencies latencies = contender.requestResponse(Loopback.ipv4(), SECOND, SEED);
        assertPositiveSamples(latencies.existing());
        assertPositiveSamples(latencies.fresh());
        // the two kinds alternate, starting with the existing one: their counts differ by at most one
        assertThat(latencies.existing().length - latencies.fresh().length).isBetween(0, 1);
    }

    @Test
    void manyStreams() throws Exception {
        ManyStreams streams = contender.manyStreams(Loopback.ipv4(), 50, 10, SEED);
        assertThat(streams.opensPerSecond()).isPositive().isFinite();
        assertThat(streams.heapBytesPerStream()).isNotNaN();
    }

    @Test
    void describesWhatRuns() throws Exception {
        contender.requestResponse(Loopback.ipv4(), Duration.ofMillis(100), SEED);
        assertThat(contender.describe()).contains("quiche", "BoringSSL", "TLSv1.3", "CUBIC",
                DatagramTransport.TRANSPORT.epoll() ? "epoll" : "NIO", ServerCertificate.SIGNING_KEY);
        assertThat(contender.id()).isEqualTo("quic");
    }

    private static void assertPositiveSamples(long[] samples) {
        assertThat(samples).isNotEmpty();
        assertThat(Arrays.stream(samples).min().orElseThrow()).as("shortest sample").isPositive();
    }
}
