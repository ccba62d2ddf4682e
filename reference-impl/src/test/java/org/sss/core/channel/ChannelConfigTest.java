package org.sss.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The configuration's defaults (SPEC.md sections 7.9 and 10) and its argument checks. */
class ChannelConfigTest {

    @Test
    void defaultsAreTheSpecifications() {
        ChannelConfig config = ChannelConfig.defaults();
        assertThat(config.localSettings()).isEqualTo(PeerSettings.DEFAULTS);
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.maxAckDelay()).isEqualTo(Duration.ofMillis(25));
        assertThat(config.rotationInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.rotationJitter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.initialRtt()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.packetNumberSkipPeriod()).isEqualTo(1024);
    }

    @Test
    void valuesOutsideTheirSettingsRangeAreRefusedByName() {
        assertThatThrownBy(() -> ChannelConfig.builder().maxPlaintext(255).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPlaintext");
        assertThatThrownBy(() -> ChannelConfig.builder().maxPlaintext(1169).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPlaintext");
        assertThatThrownBy(() -> ChannelConfig.builder().maxAckDelay(Duration.ofMillis(16_384)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAckDelay");
        assertThatThrownBy(() -> ChannelConfig.builder().maxAckDelay(Duration.ofNanos(1_500_000)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole milliseconds");
        assertThatThrownBy(() -> ChannelConfig.builder().initialMaxData(1L << 62).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialMaxData");
        assertThatThrownBy(() -> ChannelConfig.builder().initialRtt(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialRtt");
    }
}
