package org.sss.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sss.conformance.fuzz.FuzzConfig;
import org.sss.conformance.fuzz.FuzzListener;
import org.sss.conformance.fuzz.FuzzResult;
import org.sss.conformance.fuzz.FuzzStatus;
import org.sss.conformance.fuzz.FuzzTarget;
import org.sss.conformance.fuzz.FuzzTargets;
import org.sss.conformance.fuzz.Fuzzer;
import org.sss.conformance.fuzz.Reproducer;
import org.sss.conformance.fuzz.Stage;
import org.sss.conformance.scenarios.ReferenceTarget;
import org.sss.core.misbehaviour.ProtocolBug;

/**
 * The fuzzer validates itself like the scenarios do ({@link ProtocolBugSelfTest}): the reference
 * implementation is started with one protocol bug that crashes or hangs it on bad input, a short run
 * with a fixed seed must find it and save a shrunk reproducer; the control is the same run against the
 * reference implementation without bugs, which must find nothing.
 */
class FuzzBugSelfTest {
    /** A crash or hang bug, and the stage whose packets reach it. */
    record Row(ProtocolBug bug, Stage stage) {
        @Override
        public String toString() {
            return bug + " (" + stage.label() + ")";
        }
    }

    static final List<Row> TABLE = List.of(
            new Row(ProtocolBug.MALFORMED_INITIATE_CRASHES, Stage.PRE),
            new Row(ProtocolBug.UNKNOWN_FRAME_CRASHES, Stage.POST),
            new Row(ProtocolBug.EMPTY_STREAM_FRAME_HANGS, Stage.POST));

    /** The bugs this test owns; {@link ProtocolBugSelfTest} has a row for every other one. */
    static final Set<ProtocolBug> BUGS = Set.of(ProtocolBug.MALFORMED_INITIATE_CRASHES,
            ProtocolBug.UNKNOWN_FRAME_CRASHES, ProtocolBug.EMPTY_STREAM_FRAME_HANGS);

    private static final long SEED = 20261126L;
    private static final long PACKETS = 600;
    private static final int BATCH = 30;

    static Stream<Row> table() {
        return TABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aShortRunFindsTheBugAndSavesAShrunkReproducer(Row row, @TempDir Path out) throws Exception {
        FuzzResult result = run(Set.of(row.bug()), List.of(row.stage()), out);
        assertThat(result.findings()).as("with %s on (%s), seed %d", row.bug(), row.bug().description(), SEED)
                .isNotEmpty();
        var finding = result.findings().get(0);
        assertThat(finding.stage()).isEqualTo(row.stage());
        assertThat(finding.minimal()).as("inputs left after shrinking a batch of %d", BATCH)
                .hasSizeBetween(1, BATCH / 3);
        for (String file : List.of(Reproducer.PCAP, Reproducer.CASE, "keylog.txt", "replay.txt")) {
            assertThat(finding.directory().resolve(file)).exists();
        }
        assertThat(Files.readString(finding.directory().resolve("replay.txt"))).contains("./sss replay ");
        assertThat(Reproducer.read(finding.directory()).inputs()).hasSameSizeAs(finding.minimal());
    }

    @Test
    void theSameRunAgainstTheHealthyReferenceFindsNothing(@TempDir Path out) {
        FuzzResult result = run(Set.of(), List.of(Stage.PRE, Stage.POST), out);
        assertThat(result.status().packets()).isGreaterThanOrEqualTo(PACKETS);
        assertThat(result.status().channels()).as("channels of the post-handshake batches")
                .isGreaterThanOrEqualTo(PACKETS / BATCH / 2);
        assertThat(result.findings()).as("findings against the reference implementation, seed %d", SEED).isEmpty();
    }

    private static FuzzResult run(Set<ProtocolBug> bugs, List<Stage> stages, Path out) {
        FuzzConfig config = new FuzzConfig(stages, SEED, PACKETS, Duration.ofSeconds(50), BATCH,
                Duration.ofSeconds(2), out, 24, 1);
        try (FuzzTarget target = FuzzTargets.started(() -> ReferenceTarget.start(b -> b.protocolBugs(bugs)))) {
            return new Fuzzer(config, target, new FuzzListener() {
                @Override
                public void progress(FuzzStatus status) {
                }

                @Override
                public void note(String line) {
                    System.out.println("fuzz: " + line);
                }
            }, "--target HOST:PORT --target-key KEY").run();
        }
    }
}
