package org.sss.conformance.fuzz;

import java.util.Optional;
import org.sss.conformance.target.Target;

/**
 * The target of a fuzzing run, as far as the fuzzer controls it: the running target, whether it
 * crashed (for a target it started as a process), and whether a fresh one can be started, which
 * shrinking a failure needs.
 */
public interface FuzzTarget extends AutoCloseable {
    /** The target running now. */
    Target current();

    /** Why the target is gone (its process exited, with the code), or empty while it runs or when unknown. */
    default Optional<String> exited() {
        return Optional.empty();
    }

    /** Whether {@link #restart} can start a fresh target. */
    boolean canRestart();

    /** Stops the current target and starts a fresh one. */
    void restart();

    /** One line naming the target. */
    String description();

    @Override
    void close();
}
