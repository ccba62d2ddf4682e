package org.sss.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sss.conformance.scenarios.ReferenceTarget;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.Targets;
import org.sss.core.misbehaviour.ProtocolBug;

/**
 * The capture-replay scenarios (B-capture-replay.feature) can fail: run against the reference implementation with
 * a deliberate protocol bug, the scenario meant to catch it fails naming what broke. The control is the suite's
 * ordinary run, where the same scenarios pass.
 */
class ReplayBugSelfTest {
    private static final String HELLO_REPLAY =
            "A captured HELLO replayed from a fresh socket draws one fresh COOKIE and nothing else";
    private static final String ATTACKS =
            "The attack captures of the corpus, replayed with timing compressed, leave the IUT serving";

    @Test
    void aResponderThatAnswersAHelloTwiceFailsTheHelloReplay() {
        List<ScenarioRun.Outcome> outcomes = runAgainst(ProtocolBug.DOUBLE_COOKIE, "@NEG-RPROC-2", HELLO_REPLAY);

        assertThat(outcomes).isNotEmpty().allMatch(o -> o.failed() && o.failure().contains("NEG-COOKIE-2"),
                "failed naming NEG-COOKIE-2");
    }

    @Test
    void aResponderThatAMalformedInitiateStopsFailsTheAttackReplay() throws IOException, URISyntaxException {
        URL corpus = getClass().getClassLoader().getResource("org/sss/conformance/replay/corpus");
        assumeTrue(corpus != null && corpus.getProtocol().equals("file"), "no capture corpus on the class path");
        try (Stream<Path> files = Files.list(Path.of(corpus.toURI()))) {
            assumeTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("malformed")),
                    "the corpus holds no malformed.pcap with a wrong-length INITIATE");
        }

        List<ScenarioRun.Outcome> outcomes = runAgainst(ProtocolBug.MALFORMED_INITIATE_CRASHES, "@NEG-DOS-3", ATTACKS);

        assertThat(outcomes).isNotEmpty().allMatch(o -> o.failed() && o.failure().contains("stopped serving"),
                "failed naming the liveness check");
    }

    private static List<ScenarioRun.Outcome> runAgainst(ProtocolBug bug, String tags, String name) {
        Target target = ReferenceTarget.start(builder -> builder.protocolBugs(EnumSet.of(bug)));
        Targets.install(target);
        try {
            return ScenarioRun.run(tags, "^" + Pattern.quote(name) + "$");
        } finally {
            Targets.uninstall();
            target.close();
        }
    }
}
