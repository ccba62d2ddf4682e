package org.sss.tools.bench.compare.sss;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sss.tools.bench.compare.Contender;
import org.sss.tools.bench.compare.Loopback;

/**
 * Every SSS workload of {@code sss bench} at tiny sizes over real loopback UDP: each one verifies
 * what it carried (it throws otherwise) and yields samples. Speed is not asserted.
 */
class SssContenderTest {
    private final SssContender sss = new SssContender();
    private final Loopback loopback = Loopback.ipv4();

    @Test
    void bulkCarriesEveryByteOnOneAndOnFourStreams() throws Exception {
        assertThat(sss.bulk(loopback, 2_000_000, 1, 1)).isPositive();
        assertThat(sss.bulk(loopback, 2_000_001, 4, 2)).isPositive();
        assertThat(sss.describe()).contains("Bouncy Castle").containsAnyOf("epoll", "NIO").contains("CUBIC");
    }

    @Test
    void handshakesComplete() throws Exception {
        assertThat(sss.handshakesPerSecond(loopback, Duration.ofSeconds(1), 2, 3)).isPositive();
    }

    @Test
    void everyFirstByteComesOverAFreshChannel() throws Exception {
        assertThat(sss.timeToFirstByte(loopback, Duration.ofMillis(500), 4)).isNotEmpty().doesNotContain(0L);
    }

    @Test
    void requestResponseOnExistingAndFreshStreams() throws Exception {
        Contender.Latencies latencies = sss.requestResponse(loopback, Duration.ofMillis(500), 5);
        assertThat(latencies.existing()).isNotEmpty().doesNotContain(0L);
        assertThat(latencies.fresh()).isNotEmpty().doesNotContain(0L);
        // the two kinds alternate, starting with the existing one: their counts differ by at most one
        assertThat(latencies.existing().length - latencies.fresh().length).isBetween(0, 1);
    }

    @Test
    void manyStreamsAreOpenedAndHeld() throws Exception {
        Contender.ManyStreams many = sss.manyStreams(loopback, 50, 8, 6);
        assertThat(many.opensPerSecond()).isPositive();
        assertThat(many.heapBytesPerStream()).isFinite();
    }

    @Test
    void namesItself() {
        assertThat(sss.id()).isEqualTo("sss");
        assertThat(sss.streamUnit()).isEqualTo("stream");
    }
}
