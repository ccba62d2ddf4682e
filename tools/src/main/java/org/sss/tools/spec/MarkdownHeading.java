package org.sss.tools.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ATX heading of SPEC.md split into its section number and title: {@code ### 7.2 STREAM} is
 * level 3, number {@code 7.2}, title {@code STREAM}; {@code ## Appendix A. Receiver verdicts} is
 * number {@code A}. A heading without a number has an empty number.
 *
 * @param level  the number of {@code #}
 * @param number the section number, or empty
 * @param title  the rest of the heading
 */
record MarkdownHeading(int level, String number, String title) {

    private static final Pattern ATX = Pattern.compile(" {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*");
    private static final List<Pattern> NUMBERED = List.of(
            Pattern.compile("(\\d+(?:\\.\\d+)*)\\.?\\s+(.+)"),
            Pattern.compile("Appendix\\s+([A-Z](?:\\.\\d+)*)[.:]?\\s+(.+)"),
            Pattern.compile("([A-Z](?:\\.\\d+)+)\\.?\\s+(.+)"),
            Pattern.compile("([A-Z])[.:]\\s+(.+)"));

    /** The heading on {@code line}, if it is one. */
    static Optional<MarkdownHeading> parse(String line) {
        Matcher atx = ATX.matcher(line);
        if (!atx.matches()) {
            return Optional.empty();
        }
        int level = atx.group(1).length();
        String text = atx.group(2).strip();
        for (Pattern numbered : NUMBERED) {
            Matcher m = numbered.matcher(text);
            if (m.matches()) {
                return Optional.of(new MarkdownHeading(level, m.group(1), m.group(2).strip()));
            }
        }
        return Optional.of(new MarkdownHeading(level, "", text));
    }
}
