package org.sss.tools.bench.compare.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sss.tools.bench.compare.Contender.Latencies;
import org.sss.tools.bench.compare.Contender.ManyStreams;
import org.sss.tools.bench.compare.Loopback;
import org.sss.tools.bench.compare.ServerCertificate;

/**
 * Every workload of the TLS contender, tiny, over real TCP on 127.0.0.1. Each workload verifies its
 * own counts, echoes and that every handshake was full (it throws otherwise); speed is not asserted.
 */
class TlsContenderTest {
    private static final Loopback LOOPBACK = Loopback.ipv4();
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final TlsContender tls = new TlsContender();

    @Test
    void bulkCarriesEveryByteOverOneAndOverFourConnections() throws Exception {
        assertThat(tls.bulk(LOOPBACK, 2_000_000, 1, 1)).isPositive().isFinite();
        // not a multiple of the connections or of the write size: the shares differ by one byte
        assertThat(tls.bulk(LOOPBACK, 2_000_003, 4, 2)).isPositive().isFinite();
    }

    @Test
    void handshakesAreCountedAndFull() throws Exception {
        assertThat(tls.handshakesPerSecond(LOOPBACK, SECOND, 4, 3)).isPositive().isFinite();
        assertThat(tls.describe()).contains("TLSv1.3", ServerCertificate.SIGNING_KEY)
                .containsPattern("negotiated: TLS_(AES|CHACHA20)");
    }

    @Test
    void timeToFirstByteHasOneSamplePerConnection() throws Exception {
        long[] samples = tls.timeToFirstByte(LOOPBACK, SECOND, 4);
        assertThat(samples).isNotEmpty();
        assertThat(Arrays.stream(samples).min().getAsLong()).isPositive();
    }

    @Test
    void requestResponseOnAnExistingAndOnFreshConnections() throws Exception {
        Latencies latencies = tls.requestResponse(LOOPBACK, SECOND, 5);
        assertThat(latencies.existing()).isNotEmpty();
        assertThat(Arrays.stream(latencies.existing()).min().getAsLong()).isPositive();
        assertThat(latencies.fresh()).isNotEmpty();
        assertThat(Arrays.stream(latencies.fresh()).min().getAsLong()).isPositive();
        // the two kinds alternate, starting with the existing one: their counts differ by at most one
        assertThat(latencies.existing().length - latencies.fresh().length).isBetween(0, 1);
    }

    @Test
    void manyConnectionsStayOpenAndAreMeasured() throws Exception {
        ManyStreams many = tls.manyStreams(LOOPBACK, 50, 10, 6);
        assertThat(many.opensPerSecond()).isPositive().isFinite();
        assertThat(many.heapBytesPerStream()).isFinite();
        assertThat(tls.streamUnit()).isEqualTo("connection");
    }

    @Test
    void tooManyConnectionsForTheDescriptorLimitAreRefusedWithTheReason() {
        long[] limits = DescriptorLimit.openFileLimits();
        int tooMany = limits == null ? Integer.MAX_VALUE / 2 : (int) Math.min(Integer.MAX_VALUE / 2, limits[0] / 2 + 1);
        assertThatThrownBy(() -> tls.manyStreams(LOOPBACK, tooMany, 10, 7))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("file descriptors")
                .hasMessageContaining("open-files limit");
    }
}
