package org.sss.tools.bench.compare.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sss.tools.bench.compare.Loopback;

/** The UDP ceiling over real loopback: every datagram sent is accounted for. Speed is not asserted. */
class UdpCeilingTest {

    @Test
    void datagramsArriveAndAreCounted() throws Exception {
        UdpCeiling.Result result = UdpCeiling.measure(Loopback.ipv4(), Duration.ofMillis(500), 1);
        assertThat(result.packetsReceived()).isPositive().isLessThanOrEqualTo(result.packetsSent());
        assertThat(result.nanos()).isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(result.megabytesPerSecond()).isEqualTo(result.packetsPerSecond() * 1232 / 1e6);
        assertThat(result.transport()).isIn("epoll", "NIO");
    }
}
