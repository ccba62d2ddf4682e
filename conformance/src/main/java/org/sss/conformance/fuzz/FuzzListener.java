package org.sss.conformance.fuzz;

/** What a run reports as it goes: for a progress bar. */
public interface FuzzListener {
    /** After every batch. */
    void progress(FuzzStatus status);

    /** A failing batch is being shrunk; then saved as {@code finding}. */
    default void finding(Finding finding) {
    }

    /** Free text: shrinking steps, restarts. */
    default void note(String line) {
    }
}
