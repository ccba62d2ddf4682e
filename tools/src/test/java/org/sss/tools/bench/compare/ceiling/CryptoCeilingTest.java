package org.sss.tools.bench.compare.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The crypto ceiling seals and opens (it throws if a packet does not open back). Speed is not asserted. */
class CryptoCeilingTest {

    @Test
    void sealsAndOpensFullSizePackets() {
        CryptoCeiling.Result result = CryptoCeiling.measure(Duration.ofMillis(500), 1);
        assertThat(result.packets()).isPositive();
        assertThat(result.sealOpenPerSecond()).isPositive();
        assertThat(result.sealPerSecond()).isPositive();
        assertThat(result.openPerSecond()).isPositive();
        assertThat(result.sealOpenMegabytesPerSecond()).isEqualTo(result.sealOpenPerSecond() * 1168 / 1e6);
    }
}
