package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.tools.cli.SssRun.sss;

import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sss bench profile}: its usage errors, and the summary of a real recording. */
class BenchProfileCommandTest {
    @Test
    void aMissingRecordingIsAUsageError(@TempDir Path dir) {
        SssRun run = sss("bench", "profile", dir.resolve("none.jfr").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such recording");
    }

    @Test
    void topOutOfRangeIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = record(dir);
        assertThat(sss("bench", "profile", file.toString(), "--top", "0").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void printsTheSamplesPerPartAndPerMethod(@TempDir Path dir) throws Exception {
        Path file = record(dir);
        SssRun run = sss("bench", "profile", file.toString(), "--top", "3");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("[0-9,]+ execution samples, [0-9,]+ native-method samples")
                .contains("by part of the stack (top frame):").contains("by method (top frame):");
    }

    private static Path record(Path dir) throws Exception {
        Path file = dir.resolve("spin.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
            long x = 0;
            while (System.nanoTime() < end) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
            }
            recording.stop();
            recording.dump(file);
            assertThat(x).isNotNegative();
        }
        return file;
    }
}
