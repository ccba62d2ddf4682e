package org.sss.tools.spec;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bits of Markdown the generators write: table rows and prose taken from ksy docs. */
final class Markdown {

    /** A period that ends a sentence: followed by white space or the end, not part of e.g./i.e. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e|\\bcf|\\bvs)\\.(?=\\s|$)");

    private Markdown() {
    }

    /** A table: a header row, the delimiter row, the rows; one line each, every line ending in \n. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        row(out, header);
        row(out, header.stream().map(h -> "---").toList());
        rows.forEach(r -> row(out, r));
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell(cell)).append(" |");
        }
        out.append('\n');
    }

    private static String cell(String text) {
        String escaped = text.replace("|", "\\|").replace('\n', ' ').strip();
        return escaped;
    }

    /** The first sentence of {@code text}, or all of it when it has no sentence end. */
    static String firstSentence(String text) {
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.end()).strip() : text.strip();
    }

    /** {@code text} as inline code. */
    static String code(String text) {
        return "`" + text + "`";
    }
}
