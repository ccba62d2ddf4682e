package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.peer.LoggedDatagram;

/**
 * What one rule found in one or more exchanges: how many items it judged (packets, frames, streams,
 * whatever the rule looks at) and the violations. A scenario that asserts a rule also asserts that
 * the rule judged something, so that an exchange that gives a rule nothing to look at cannot pass it.
 */
public final class Findings {
    private final String requirement;
    private final List<Violation> violations = new ArrayList<>();
    private int judged;

    Findings(String requirement) {
        this.requirement = requirement;
    }

    /** The requirement ID of the rule. */
    public String requirement() {
        return requirement;
    }

    /** Counts one judged item. */
    void judged() {
        judged++;
    }

    /** Reports a violation shown by a channel packet. */
    void violation(String explanation, Exchange.Packet packet) {
        violations.add(Violation.of(requirement, explanation, packet));
    }

    /** Reports a violation shown by a datagram. */
    void violation(String explanation, LoggedDatagram datagram) {
        violations.add(Violation.of(requirement, explanation, datagram));
    }

    /** Adds what {@code other} found (for the same requirement). */
    void add(Findings other) {
        judged += other.judged;
        violations.addAll(other.violations);
    }

    /** How many items the rule judged. */
    public int judgedCount() {
        return judged;
    }

    /** The violations, in the order found. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }
}
