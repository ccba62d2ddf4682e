package org.sss.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sss.core.wire.WireLimits;

/**
 * The bulk ceiling's mechanics over real loopback UDP: full-size packets, every one accounted
 * for, opened or lost. Its speed is not asserted.
 */
class StreamCeilingTest {

    @Test
    void packetsAreFullSizeAndTheBoxFillsTheDatagram() {
        assertThat(StreamCeiling.HEADER + 16 + StreamCeiling.PLAINTEXT).isEqualTo(WireLimits.MAX_DATAGRAM);
        assertThat(StreamCeiling.PLAINTEXT).isEqualTo(WireLimits.MAX_PLAINTEXT);
    }

    @Test
    void everyPacketOpensOrIsCountedLost() throws Exception {
        long bytes = 2_000_000;
        long packets = (bytes + StreamCeiling.PLAINTEXT - 1) / StreamCeiling.PLAINTEXT;
        StreamCeiling.Outcome outcome = StreamCeiling.measure(bytes, 1, 60);
        assertThat(outcome.bytesOpened() % StreamCeiling.PLAINTEXT).isZero();
        long opened = outcome.bytesOpened() / StreamCeiling.PLAINTEXT;
        assertThat(opened).isPositive().isLessThanOrEqualTo(packets);
        assertThat(opened + outcome.packetsLost()).isEqualTo(packets);
        assertThat(outcome.nanos()).isPositive();
        assertThat(outcome.transport()).isIn("epoll", "NIO");
    }
}
