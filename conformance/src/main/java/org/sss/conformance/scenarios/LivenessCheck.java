package org.sss.conformance.scenarios;

import java.time.Duration;
import java.util.Random;
import org.sss.conformance.peer.LivenessProbe;
import org.sss.conformance.target.Target;

/**
 * Is the IUT still serving? A fresh handshake with a new tester peer and an echo round trip of one
 * random record (Appendix A.1, {@link LivenessProbe}). Runs before and after every {@code @negative}
 * scenario, so that an IUT broken by a scenario is blamed on that scenario and not on the ones that
 * follow it.
 */
final class LivenessCheck {
    private LivenessCheck() {
    }

    /** Null when the IUT is live, else what went wrong. */
    static String probe(Target target, Random random, Duration timeout) {
        return LivenessProbe.probe(target.address(), target.publicKey(), random, timeout);
    }
}
