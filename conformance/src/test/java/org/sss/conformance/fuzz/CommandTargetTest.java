package org.sss.conformance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A target started from a command: address and key from its ready line, its exit seen as a crash. */
class CommandTargetTest {
    private static final String KEY = "ab".repeat(32);

    @Test
    void readsTheReadyLineAndReportsTheExitAsACrash() throws Exception {
        try (CommandTarget target = new CommandTarget(
                "sh -c 'echo \"x: listening udp 127.0.0.1:{port} key " + KEY + "\"; sleep 1; exit 7'", null)) {
            assertThat(target.current().address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(target.current().publicKey()).hasSize(32).containsOnly((byte) 0xab);
            Optional<String> exited = Optional.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (exited.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                exited = target.exited();
            }
            assertThat(exited).hasValueSatisfying(why -> assertThat(why).contains("exited with code 7"));
        }
    }

    @Test
    void aTargetThatEndsWithoutAReadyLineAndWithoutAKeyDoesNotStart() {
        assertThatThrownBy(() -> new CommandTarget("sh -c 'echo starting; exit 3'", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("starting");
    }
}
