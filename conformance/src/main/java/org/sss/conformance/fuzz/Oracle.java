package org.sss.conformance.fuzz;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.sss.conformance.peer.LivenessProbe;
import org.sss.conformance.target.Target;

/**
 * Is the target still well after a batch? Its process has not exited, and a fresh handshake with an
 * echo round trip ({@link LivenessProbe}) succeeds within the timeout; a failed probe is tried once
 * more with three times the timeout before it counts, so that a busy machine is not taken for a hang.
 */
final class Oracle {
    /** What went wrong. */
    enum Kind {
        /** The target's process exited. */
        CRASH,
        /** The target runs (or is not a process of the fuzzer's) but completes no handshake and echo. */
        NOT_LIVE
    }

    /** A failed check. */
    record Failure(Kind kind, String detail) {
    }

    private final Duration timeout;

    Oracle(Duration timeout) {
        this.timeout = timeout;
    }

    /** Empty when the target is well; {@code confirm} tries a failed probe once more with a longer timeout. */
    Optional<Failure> check(FuzzTarget target, Random random, boolean confirm) {
        Optional<Failure> crashed = crashed(target);
        if (crashed.isPresent()) {
            return crashed;
        }
        Target t = target.current();
        String problem = LivenessProbe.probe(t.address(), t.publicKey(), random, timeout);
        if (problem != null && confirm) {
            problem = LivenessProbe.probe(t.address(), t.publicKey(), random, timeout.multipliedBy(3));
        }
        if (problem == null) {
            return Optional.empty();
        }
        crashed = crashed(target);
        return crashed.isPresent() ? crashed : Optional.of(new Failure(Kind.NOT_LIVE, problem));
    }

    private static Optional<Failure> crashed(FuzzTarget target) {
        return target.exited().map(why -> new Failure(Kind.CRASH, why));
    }
}
