package org.sss.conformance.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * What a running scenario said about its own verdict beyond pass or fail: the allowed alternatives it
 * accepted (pass-lenient), or why it could not run (unsupported, inconclusive). Kept per thread, since
 * a scenario's steps, hooks and Cucumber's event listeners run on one thread; reset when a scenario
 * starts and read by the report plugin when it finishes.
 */
public final class VerdictNotes {
    private static final ThreadLocal<VerdictNotes> CURRENT = ThreadLocal.withInitial(VerdictNotes::new);

    private final List<String> lenient = new ArrayList<>();
    private Verdict abortedAs;
    private String abortReason;
    private String blame;

    private VerdictNotes() {
    }

    /** The notes of the scenario running on this thread. */
    public static VerdictNotes current() {
        return CURRENT.get();
    }

    /** Starts empty notes for a new scenario on this thread. */
    public static VerdictNotes reset() {
        VerdictNotes notes = new VerdictNotes();
        CURRENT.set(notes);
        return notes;
    }

    /** The IUT took an alternative the spec allows; the scenario passes leniently, naming it. */
    public void lenient(String reason) {
        lenient.add(reason);
    }

    /** Ends the scenario as unsupported. */
    public UnsupportedFeatureException unsupported(String feature) {
        abortedAs = Verdict.UNSUPPORTED;
        abortReason = feature;
        return new UnsupportedFeatureException(feature);
    }

    /** Ends the scenario as inconclusive. */
    public InconclusiveException inconclusive(String reason, Throwable cause) {
        abortedAs = Verdict.INCONCLUSIVE;
        abortReason = reason;
        return cause == null ? new InconclusiveException(reason) : new InconclusiveException(reason, cause);
    }

    /** Records that the liveness check after this scenario failed: the scenario broke the IUT. */
    public void blame(String what) {
        blame = what;
    }

    public List<String> lenientReasons() {
        return List.copyOf(lenient);
    }

    /** The verdict the scenario ended with when it aborted itself, or null. */
    public Verdict abortedAs() {
        return abortedAs;
    }

    public String abortReason() {
        return abortReason;
    }

    /** Why the scenario was blamed for breaking the IUT, or null. */
    public String blame() {
        return blame;
    }

    /**
     * The graded verdict of a finished scenario from Cucumber's status name ({@code PASSED},
     * {@code FAILED}, {@code SKIPPED}, ...) and these notes.
     */
    public Verdict grade(String cucumberStatus) {
        return switch (cucumberStatus) {
            case "PASSED" -> lenient.isEmpty() ? Verdict.PASS : Verdict.PASS_LENIENT;
            case "SKIPPED" -> abortedAs != null ? abortedAs : Verdict.INCONCLUSIVE;
            case "FAILED" -> Verdict.FAIL;
            default -> Verdict.INCONCLUSIVE; // PENDING, UNDEFINED, AMBIGUOUS, UNUSED: a problem of the suite itself
        };
    }
}
