package org.sss.core.channel.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The algorithms side by side (SPEC.md section 6.6): each starts at the windows of CHN-CC-1. */
class CongestionControlTest {

    @Test
    void eachAlgorithmCreatesItsControllerAtTheInitialWindow() {
        assertThat(CongestionControl.CUBIC.create()).isInstanceOf(Cubic.class);
        assertThat(CongestionControl.NEWRENO.create()).isInstanceOf(NewReno.class);
        assertThat(CongestionControl.LEDBAT.create()).isInstanceOf(Ledbat.class);
        for (CongestionControl algorithm : CongestionControl.values()) {
            CongestionController controller = algorithm.create();
            // SPEC CHN-CC-2: every algorithm respects the initial window
            assertThat(controller.window()).isEqualTo(CongestionController.INITIAL_WINDOW);
            assertThat(controller.bytesInFlight()).isZero();
            assertThat(controller.name()).isEqualToIgnoringCase(algorithm.name());
        }
    }

    @Test
    void everyAlgorithmReducesOnLossAndKeepsTheMinimumWindow() {
        for (CongestionControl algorithm : CongestionControl.values()) {
            CongestionController controller = algorithm.create();
            long now = 1_000_000_000L;
            Flights.send(controller, 10, now);
            Flights.lose(controller, now, now + 100_000_000L);
            // SPEC CHN-CC-2: reduce the sending rate in response to loss
            assertThat(controller.window()).as("%s", algorithm).isLessThan(CongestionController.INITIAL_WINDOW);
            for (int i = 0; i < 10; i++) {
                now += 100_000_000L;
                Flights.send(controller, 1, now);
                Flights.lose(controller, now, now + 1);
            }
            assertThat(controller.window()).as("%s", algorithm).isEqualTo(CongestionController.MINIMUM_WINDOW);
        }
    }
}
