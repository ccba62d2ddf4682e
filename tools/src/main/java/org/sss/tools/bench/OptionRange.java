package org.sss.tools.bench;

/** The range check of the benchmarks' settings, with the message every {@code sss bench} command prints. */
public final class OptionRange {
    private OptionRange() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code option} unless {@code min <= value <= max}.
     *
     * @param option the command-line option the value came from, e.g. {@code --seconds}
     */
    public static void requireBetween(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
