package org.sss.tools.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the generated regions of a Markdown document. A region is the text between
 * {@code <!-- BEGIN KIND name -->} and {@code <!-- END KIND name -->}, each alone on its line;
 * everything outside the regions is kept byte for byte.
 */
public final class GeneratedRegions {

    private static final Pattern BEGIN = Pattern.compile("\\s*<!--\\s*BEGIN\\s+([A-Z]+)\\s+(\\S+)\\s*-->\\s*");
    private static final Pattern END = Pattern.compile("\\s*<!--\\s*END\\s+([A-Z]+)\\s+(\\S+)\\s*-->\\s*");

    private GeneratedRegions() {
    }

    /**
     * What a region stands for.
     *
     * @param kind the upper-case word after BEGIN, e.g. {@code LAYOUT}
     * @param name the name after it, e.g. {@code ack_frame}
     */
    public record Marker(String kind, String name) {

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    /**
     * The document with every region regenerated.
     *
     * @param text    the new document
     * @param regions every region, in document order
     * @param stale   the regions whose content changed, in document order
     */
    public record Rewrite(String text, List<Marker> regions, List<Marker> stale) {

        /** Copies the lists. */
        public Rewrite {
            regions = List.copyOf(regions);
            stale = List.copyOf(stale);
        }
    }

    /**
     * Regenerates every region of {@code document}.
     *
     * @param documentName the name used in error messages, e.g. {@code spec/SPEC.md}
     * @param generator    the content of a region, ending with a newline; throws
     *                     {@link SpecInputException} for a marker it does not know
     * @throws SpecInputException listing every unknown or unbalanced marker, with its line
     */
    public static Rewrite rewrite(String document, String documentName, Function<Marker, String> generator) {
        String[] lines = document.split("\n", -1);
        StringBuilder out = new StringBuilder(document.length());
        List<Marker> regions = new ArrayList<>();
        List<Marker> stale = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Marker open = null;
        int openLine = 0;
        StringBuilder oldContent = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String newline = i < lines.length - 1 ? "\n" : "";
            Matcher begin = BEGIN.matcher(line);
            Matcher end = END.matcher(line);
            if (begin.matches()) {
                if (open != null) {
                    problems.add(where(documentName, i) + "BEGIN " + marker(begin) + " inside region " + open
                            + " opened at line " + openLine);
                }
                open = marker(begin);
                openLine = i + 1;
                oldContent.setLength(0);
                out.append(line).append(newline);
            } else if (end.matches()) {
                Marker closing = marker(end);
                if (open == null) {
                    problems.add(where(documentName, i) + "END " + closing + " without a BEGIN");
                } else if (!open.equals(closing)) {
                    problems.add(where(documentName, i) + "END " + closing + " closes region " + open
                            + " opened at line " + openLine);
                } else {
                    regions.add(open);
                    String content = generate(generator, open, documentName, openLine, problems);
                    String fresh = content == null ? oldContent.toString() : "\n" + content + "\n";
                    if (!fresh.contentEquals(oldContent)) {
                        stale.add(open);
                    }
                    out.append(fresh);
                }
                open = null;
                out.append(line).append(newline);
            } else if (open != null) {
                oldContent.append(line).append('\n');
            } else {
                out.append(line).append(newline);
            }
        }
        if (open != null) {
            problems.add(documentName + ":" + openLine + ": BEGIN " + open + " has no END");
        }
        if (!problems.isEmpty()) {
            throw new SpecInputException(problems);
        }
        return new Rewrite(out.toString(), regions, stale);
    }

    private static String generate(Function<Marker, String> generator, Marker marker, String documentName,
                                   int line, List<String> problems) {
        try {
            return generator.apply(marker);
        } catch (SpecInputException e) {
            e.problems().forEach(p -> problems.add(documentName + ":" + line + ": " + p));
            return null;
        }
    }

    private static Marker marker(Matcher matcher) {
        return new Marker(matcher.group(1), matcher.group(2));
    }

    private static String where(String documentName, int index) {
        return documentName + ":" + (index + 1) + ": ";
    }
}
