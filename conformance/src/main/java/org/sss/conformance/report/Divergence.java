package org.sss.conformance.report;

import org.opentest4j.AssertionFailedError;

/**
 * The expected and the observed value of a failed assertion, and where they first differ. AssertJ and
 * JUnit carry both values in an {@link AssertionFailedError}; any other failure is shown by its message,
 * which by the suite's rules names the requirement and says what was expected and what was observed.
 */
public final class Divergence {
    private Divergence() {
    }

    /** The text of the failure section of an evidence bundle. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "no failure was recorded\n";
        }
        StringBuilder text = new StringBuilder("failure: ");
        if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined()
                && assertion.isActualDefined()) {
            text.append(firstLine(failure)).append('\n');
            String expected = String.valueOf(assertion.getExpected().getStringRepresentation());
            String observed = String.valueOf(assertion.getActual().getStringRepresentation());
            text.append("expected: ").append(expected).append('\n');
            text.append("observed: ").append(observed).append('\n');
            text.append(firstDifference(expected, observed)).append('\n');
        } else {
            text.append(failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage().strip())
                    .append('\n');
        }
        return text.toString();
    }

    /** Where two renderings first differ: {@code first divergence at character N: ...}. */
    static String firstDifference(String expected, String observed) {
        int n = Math.min(expected.length(), observed.length());
        int i = 0;
        while (i < n && expected.charAt(i) == observed.charAt(i)) {
            i++;
        }
        if (i == expected.length() && i == observed.length()) {
            return "the renderings are equal: the values differ in something their text does not show";
        }
        return "first divergence at character " + i + ": expected " + excerpt(expected, i) + ", observed "
                + excerpt(observed, i);
    }

    /** The failure's message up to its first line break, or its class when it has none. */
    static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getName();
        }
        String stripped = message.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }

    private static String excerpt(String text, int at) {
        if (at >= text.length()) {
            return "(end)";
        }
        return "'" + text.substring(at, Math.min(text.length(), at + 24)) + (at + 24 < text.length() ? "…'" : "'");
    }
}
