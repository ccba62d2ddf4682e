package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DropCountersTest {

    @Test
    void countsEachVerdictSeparatelyAndSnapshotsOnlyNonZeroOnes() {
        DropCounters counters = new DropCounters();
        counters.increment(DropReason.UNKNOWN_MAGIC);
        counters.increment(DropReason.UNKNOWN_MAGIC, "magic 0x0102030405060708");
        counters.increment(DropReason.PACKET_REPLAYED);

        assertThat(counters.get(DropReason.UNKNOWN_MAGIC)).isEqualTo(2);
        assertThat(counters.get(DropReason.PACKET_REPLAYED)).isEqualTo(1);
        assertThat(counters.get(DropReason.BOX_OPEN_FAILED)).isZero();
        assertThat(counters.total()).isEqualTo(3);
        assertThat(counters.snapshot())
                .isEqualTo(Map.of(DropReason.UNKNOWN_MAGIC, 2L, DropReason.PACKET_REPLAYED, 1L));
    }

    @Test
    void unloggedCountersCountTheSame() {
        DropCounters counters = DropCounters.unlogged();
        counters.increment(DropReason.BAD_PACKET_LENGTH, "167 bytes");
        assertThat(counters.get(DropReason.BAD_PACKET_LENGTH)).isEqualTo(1);
        assertThat(counters.total()).isEqualTo(1);
    }
}
