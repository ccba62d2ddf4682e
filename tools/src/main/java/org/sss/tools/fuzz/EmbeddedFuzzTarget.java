package org.sss.tools.fuzz;

import java.util.Map;
import java.util.Set;
import org.sss.conformance.fuzz.FuzzTarget;
import org.sss.conformance.fuzz.FuzzTargets;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.testservices.TestServiceHost;
import org.sss.tools.conform.EmbeddedReferenceTarget;

/**
 * The default target of {@code sss fuzz}: the embedded reference implementation, restarted fresh for
 * every shrinking step; with protocol bugs switched on only when asked for (the hidden {@code --bug}).
 */
public final class EmbeddedFuzzTarget {
    private EmbeddedFuzzTarget() {
    }

    /** A restartable embedded reference target with {@code bugs} on (none: a correct implementation). */
    public static FuzzTarget start(Set<ProtocolBug> bugs) {
        if (bugs.isEmpty()) {
            return FuzzTargets.started(() -> new EmbeddedReferenceTarget().start());
        }
        // the buggy host declares no timer hooks: fuzzing never waits one out
        return FuzzTargets.started(() -> EmbeddedReferenceTarget.of(
                TestServiceHost.start(b -> b.protocolBugs(bugs)), " with protocol bugs " + bugs, Map.of()));
    }
}
