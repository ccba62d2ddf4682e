package org.sss.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sss.conformance.scenarios.ReferenceTarget;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.Targets;
import org.sss.core.misbehaviour.ProtocolBug;

/**
 * The suite validates itself (DESIGN.md section 4, after BoringSSL's test runner): the reference
 * implementation is started with one deliberate protocol bug at a time ({@link ProtocolBug}), the
 * scenarios meant to catch it run against it, and one of them must fail naming the requirement the bug
 * breaks. The control is the suite's ordinary run ({@code RunConformanceScenariosTest}), where the same
 * scenarios pass against the reference implementation without bugs: so a failure here is the bug's
 * doing. One row per bug in {@link #TABLE}; every bug has a row.
 */
class ProtocolBugSelfTest {
    /** Which scenario catches which bug, and with which requirement ID. */
    static final List<BugExpectation> TABLE = List.of(
            new BugExpectation(ProtocolBug.COOKIE_LARGER_THAN_HELLO, "@NEG-DOS-3",
                    "HELLOs from a fresh address draw at most one COOKIE each, smaller than the HELLO", "PKT-SIZE-2"),
            new BugExpectation(ProtocolBug.DOUBLE_COOKIE, "@NEG-DOS-3",
                    "HELLOs from a fresh address draw at most one COOKIE each, smaller than the HELLO", "NEG-COOKIE-2"),
            new BugExpectation(ProtocolBug.NO_VERSION_FIELD, "@NEG-VER-1",
                    "The IUT sends the version field until a packet carrying it is acknowledged", "NEG-VER-1"),
            new BugExpectation(ProtocolBug.REUSE_NONCE, "@CRY-CTR-3",
                    "No two MESSAGEs of the IUT share a nonce counter value", "CRY-CTR-3"),
            new BugExpectation(ProtocolBug.ACK_UNRECEIVED, "@CHN-ACK-5",
                    "The IUT's ACKs never acknowledge a packet number the peer skipped", "CHN-ACK-5"),
            new BugExpectation(ProtocolBug.ACK_DROPPED_PACKET, "@CHN-RECV-2",
                    "A MESSAGE whose authentication tag is corrupted is ignored", "CHN-RECV-2"),
            new BugExpectation(ProtocolBug.IGNORE_PEER_MAX_PLAINTEXT, "@PKT-SIZE-9",
                    "The IUT keeps its MESSAGEs within the peer's MAX_PLAINTEXT", "PKT-SIZE-9"),
            new BugExpectation(ProtocolBug.CLOSE_NOT_LAST, "@FRM-CLOSE-1",
                    "The IUT's CLOSE carries the error its verdict names, and only zero bytes follow it", "FRM-CLOSE-1"),
            new BugExpectation(ProtocolBug.WRONG_CLOSE_CODE, "@FRM-STREAM-2",
                    "The IUT's CLOSE carries the error its verdict names, and only zero bytes follow it", "FRM-STREAM-2"),
            new BugExpectation(ProtocolBug.IGNORE_PEER_FLOW_CONTROL, "@CHN-FLOW-1",
                    "The IUT sends no stream data beyond the peer's INITIAL_MAX_STREAM_DATA", "CHN-FLOW-1"),
            new BugExpectation(ProtocolBug.SPLIT_RECORD, "@FRM-STREAM-9",
                    "The IUT sets RECORD on a STREAM frame exactly when the frame ends a record", "FRM-STREAM-9"),
            new BugExpectation(ProtocolBug.SUBSTREAM_UNDER_CLOSED_PARENT, "@STR-OPEN-3",
                    "The IUT opens no substream under a stream the peer has reset", "STR-OPEN-3"),
            new BugExpectation(ProtocolBug.ECHO_TRUNCATES_RECORDS, "@TST-ECHO-1",
                    "echo returns records and FIN", "TST-ECHO-1"));

    static Stream<BugExpectation> table() {
        return TABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theIntendedScenarioCatchesTheBug(BugExpectation row) {
        List<ScenarioRun.Outcome> outcomes = runAgainst(EnumSet.of(row.bug()), row.tag(), exactly(row.scenario()));
        assertThat(outcomes).as("scenarios tagged %s named '%s'", row.tag(), row.scenario()).isNotEmpty();
        assertThat(outcomes).as("with %s (%s) on, '%s' must fail naming %s; outcomes: %s", row.bug(),
                row.bug().description(), row.scenario(), row.requirement(), summary(outcomes))
                .allMatch(o -> o.failed() && o.failure().contains(row.requirement()));
    }

    /** Every bug has a row here, except the crash and hang bugs that the fuzzer's self-test finds. */
    @Test
    void everyBugHasARow() {
        assertThat(TABLE.stream().map(BugExpectation::bug).toList()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProtocolBug.values()).filter(b -> !FuzzBugSelfTest.BUGS.contains(b)).toList());
    }

    /** A regular expression that matches exactly {@code name}. */
    private static String exactly(String name) {
        return "^" + Pattern.quote(name) + "$";
    }

    private static List<ScenarioRun.Outcome> runAgainst(Set<ProtocolBug> bugs, String tags, String nameRegex) {
        Target target = ReferenceTarget.start(builder -> builder.protocolBugs(bugs));
        Targets.install(target);
        try {
            return ScenarioRun.run(tags, nameRegex);
        } finally {
            Targets.uninstall();
            target.close();
        }
    }

    private static String summary(List<ScenarioRun.Outcome> outcomes) {
        return outcomes.stream().map(o -> "\n  " + o.status() + " '" + o.scenario() + "'"
                + (o.failure().isEmpty() ? "" : ": " + firstLine(o.failure())))
                .collect(Collectors.joining());
    }

    private static String firstLine(String text) {
        return Arrays.stream(text.split("\n")).findFirst().orElse("");
    }
}
