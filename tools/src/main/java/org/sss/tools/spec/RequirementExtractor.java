package org.sss.tools.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementLevel;

/**
 * Finds the requirements of SPEC.md: every {@code [ID]} (outside code, links and generated
 * regions) defines one, with the first BCP 14 keyword of its sentence (of its list item or table
 * row when the sentence has none) and the nearest numbered heading above it.
 */
public final class RequirementExtractor {

    private static final Pattern ID_TOKEN = Pattern.compile("\\[(" + Requirement.ID.pattern() + ")\\]");
    private static final Pattern KEYWORD = Pattern.compile(
            "\\b(MUST NOT|MUST|REQUIRED|SHALL NOT|SHALL|SHOULD NOT|SHOULD|NOT RECOMMENDED|RECOMMENDED|MAY|OPTIONAL)\\b");
    /** A sentence ends at . ! or ? (closing quotes or emphasis may follow) before a capital, [ or `. */
    private static final Pattern SENTENCE_BREAK = Pattern.compile(
            "(?<!\\be\\.g|\\bi\\.e|\\bcf|\\bvs)[.!?][\"')*_]*\\s+(?=[*_\"(]*[A-Z\\[`])");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-*+]|\\d+[.)])\\s+(.*)");
    private static final Pattern TABLE_DELIMITER = Pattern.compile("\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*");
    private static final Pattern REGION_BEGIN = Pattern.compile("\\s*<!--\\s*BEGIN\\s.*-->\\s*");
    private static final Pattern REGION_END = Pattern.compile("\\s*<!--\\s*END\\s.*-->\\s*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    private enum Kind { PARAGRAPH, ITEM, ROW }

    /** A paragraph, list item or table row, its lines joined by single spaces. */
    private static final class Block {
        final Kind kind;
        final StringBuilder text = new StringBuilder();
        final List<int[]> lineStarts = new ArrayList<>();
        final String section;
        final String sectionTitle;

        Block(Kind kind, String section, String sectionTitle) {
            this.kind = kind;
            this.section = section;
            this.sectionTitle = sectionTitle;
        }

        void add(String line, int lineNumber) {
            if (text.length() > 0) {
                text.append(' ');
            }
            lineStarts.add(new int[] {lineNumber, text.length()});
            text.append(line.strip());
        }

        int lineAt(int index) {
            int line = lineStarts.get(0)[0];
            for (int[] start : lineStarts) {
                if (start[1] <= index) {
                    line = start[0];
                }
            }
            return line;
        }
    }

    private final String documentName;
    private final List<Block> blocks = new ArrayList<>();
    private final Deque<MarkdownHeading> headings = new ArrayDeque<>();
    private Block current;

    private RequirementExtractor(String documentName) {
        this.documentName = documentName;
    }

    /**
     * The requirements of {@code markdown} in document order.
     *
     * @param documentName the name used in error messages, e.g. {@code spec/SPEC.md}
     * @throws SpecInputException listing every duplicate ID and every ID without a BCP 14 keyword
     */
    public static List<Requirement> extract(String markdown, String documentName) {
        RequirementExtractor extractor = new RequirementExtractor(documentName);
        extractor.split(markdown);
        return extractor.requirements();
    }

    private void split(String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        boolean inFence = false;
        boolean inRegion = false;
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = i + 1;
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                flush();
                continue;
            }
            if (inFence) {
                continue;
            }
            if (REGION_BEGIN.matcher(line).matches()) {
                inRegion = true;
                flush();
                continue;
            }
            if (REGION_END.matcher(line).matches()) {
                inRegion = false;
                continue;
            }
            if (inRegion) {
                continue;
            }
            if (inComment) {
                int close = line.indexOf("-->");
                if (close < 0) {
                    continue;
                }
                inComment = false;
                line = line.substring(close + 3);
            }
            line = line.replaceAll("<!--.*?-->", "");
            int open = line.indexOf("<!--");
            if (open >= 0) {
                inComment = true;
                line = line.substring(0, open);
            }
            line(line, lineNumber);
        }
        flush();
    }

    private void line(String raw, int lineNumber) {
        String line = raw.replaceFirst("^\\s{0,3}(>\\s?)+", "");
        var heading = MarkdownHeading.parse(line);
        if (heading.isPresent()) {
            flush();
            while (!headings.isEmpty() && headings.peek().level() >= heading.get().level()) {
                headings.pop();
            }
            headings.push(heading.get());
            return;
        }
        if (line.isBlank()) {
            flush();
            return;
        }
        if (line.stripLeading().startsWith("|")) {
            flush();
            if (!TABLE_DELIMITER.matcher(line).matches()) {
                start(Kind.ROW).add(line, lineNumber);
                flush();
            }
            return;
        }
        Matcher item = LIST_ITEM.matcher(line);
        if (item.matches()) {
            flush();
            start(Kind.ITEM).add(item.group(1), lineNumber);
            return;
        }
        (current == null ? start(Kind.PARAGRAPH) : current).add(line, lineNumber);
    }

    private Block start(Kind kind) {
        MarkdownHeading numbered = null;
        for (MarkdownHeading heading : headings) {
            if (!heading.number().isEmpty()) {
                numbered = heading;
                break;
            }
        }
        if (numbered != null) {
            current = new Block(kind, numbered.number(), strip(numbered.title()));
        } else {
            current = new Block(kind, "", headings.isEmpty() ? "" : strip(headings.peek().title()));
        }
        return current;
    }

    private void flush() {
        if (current != null) {
            blocks.add(current);
            current = null;
        }
    }

    private List<Requirement> requirements() {
        List<Requirement> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Block block : blocks) {
            String text = block.text.toString();
            String masked = maskCode(text);
            Matcher id = ID_TOKEN.matcher(masked);
            while (id.find()) {
                if (isLink(masked, id)) {
                    continue;
                }
                int line = block.lineAt(id.start());
                String name = id.group(1);
                Integer earlier = firstLine.putIfAbsent(name, line);
                if (earlier != null) {
                    problems.add(documentName + ":" + line + ": requirement ID " + name
                            + " is defined again (first at line " + earlier + ")");
                    continue;
                }
                int[] sentence = sentence(masked, block.kind == Kind.ROW ? cell(masked, id.start()) : whole(masked), id.start());
                String keyword = keyword(masked.substring(sentence[0], sentence[1]));
                if (keyword == null && block.kind != Kind.PARAGRAPH) {
                    keyword = keyword(masked);
                }
                if (keyword == null) {
                    problems.add(documentName + ":" + line + ": requirement " + name
                            + " has no BCP 14 keyword (MUST, SHOULD, MAY, ...) in its sentence");
                    continue;
                }
                String sentenceText = text.substring(sentence[0], id.start()) + text.substring(id.end(), sentence[1]);
                found.add(new Requirement(name, RequirementLevel.ofKeyword(keyword), block.section,
                        block.sectionTitle, strip(sentenceText)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecInputException(problems);
        }
        return found;
    }

    /** Whether the ID at {@code id} is a link text or a link reference definition, not a definition. */
    private static boolean isLink(String masked, Matcher id) {
        int after = id.end();
        if (after < masked.length() && (masked.charAt(after) == '(' || masked.charAt(after) == '[')) {
            return true;
        }
        return id.start() == 0 && after < masked.length() && masked.charAt(after) == ':';
    }

    private static int[] whole(String text) {
        return new int[] {0, text.length()};
    }

    /** The bounds of the table cell around {@code index}. */
    private static int[] cell(String row, int index) {
        int start = row.lastIndexOf('|', index) + 1;
        int end = row.indexOf('|', index);
        return new int[] {start, end < 0 ? row.length() : end};
    }

    /** The bounds of the sentence around {@code index} within {@code bounds} of {@code text}. */
    private static int[] sentence(String text, int[] bounds, int index) {
        int start = bounds[0];
        int end = bounds[1];
        Matcher brk = SENTENCE_BREAK.matcher(text).region(bounds[0], bounds[1]);
        while (brk.find()) {
            int breakAfter = brk.start() + 1;
            if (breakAfter <= index) {
                start = brk.end();
            } else {
                end = breakAfter;
                break;
            }
        }
        return new int[] {start, end};
    }

    private static String keyword(String maskedText) {
        Matcher keyword = KEYWORD.matcher(ID_TOKEN.matcher(maskedText).replaceAll(" ").replaceAll("\\s+", " "));
        return keyword.find() ? keyword.group(1) : null;
    }

    /** {@code text} with the content of code spans replaced by spaces, so that offsets stay put. */
    private static String maskCode(String text) {
        StringBuilder masked = new StringBuilder(text);
        Matcher span = CODE_SPAN.matcher(text);
        while (span.find()) {
            for (int i = span.start(); i < span.end(); i++) {
                masked.setCharAt(i, ' ');
            }
        }
        return masked.toString();
    }

    /** Markdown removed lightly: links to their text, no emphasis markers, code ticks or table pipes. */
    private static String strip(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = text.replace("**", "").replace("__", "").replace("`", "");
        text = text.replaceAll("<br\\s*/?>", " ").replaceAll("\\s*\\|\\s*", " | ");
        text = text.replaceAll("\\s+", " ").strip();
        text = text.replaceAll("^\\|\\s*", "").replaceAll("\\s*\\|$", "");
        return text.strip();
    }
}
