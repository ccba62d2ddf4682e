package org.sss.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sss.conformance.report.Traceability.Row;
import org.sss.conformance.report.Traceability.ScenarioVerdicts;
import org.sss.conformance.report.Traceability.Status;

/**
 * Writes a {@link Traceability} report as {@code traceability.md} (for review in a pull request),
 * {@code traceability.json} (schema {@value #SCHEMA}, for tools) and {@code traceability.html}
 * (for a browser, beside Cucumber's report).
 */
public final class TraceabilityWriter {
    /** The {@code schema} member of traceability.json. */
    public static final String SCHEMA = "sss-traceability/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceabilityWriter() {
    }

    /** Writes the three files into {@code directory}; returns the path of the Markdown file. */
    public static Path write(Traceability report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("traceability.json"), json(report) + "\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("traceability.html"), html(report), StandardCharsets.UTF_8);
        Path markdown = directory.resolve("traceability.md");
        Files.writeString(markdown, markdown(report), StandardCharsets.UTF_8);
        return markdown;
    }

    /** The status as the reports print it. */
    public static String statusText(Row row) {
        return switch (row.status()) {
            case COVERED -> "covered";
            case NOT_OBSERVABLE -> "not observable: " + row.exemption();
            case UNCOVERED -> row.mustGap() ? "NO SCENARIO (MUST)" : "no scenario";
        };
    }

    static String json(Traceability report) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode musts = root.putObject("musts");
        report.mustCounts().forEach((status, count) -> musts.put(status.name().toLowerCase(java.util.Locale.ROOT), count));
        ArrayNode gaps = root.putArray("uncoveredMusts");
        report.uncoveredMusts().forEach(gaps::add);
        ArrayNode stale = root.putArray("staleExemptions");
        report.staleExemptions().forEach(stale::add);
        ArrayNode unknown = root.putArray("unknownExemptions");
        report.unknownExemptions().forEach(unknown::add);
        ObjectNode tags = root.putObject("unknownTags");
        report.unknownTags().forEach((scenario, ids) -> {
            ArrayNode list = tags.putArray(scenario);
            ids.forEach(list::add);
        });
        ArrayNode requirements = root.putArray("requirements");
        for (Row row : report.rows()) {
            ObjectNode r = requirements.addObject();
            r.put("id", row.id());
            r.put("level", row.level());
            r.put("section", row.section());
            r.put("status", row.status().name());
            r.put("mustGap", row.mustGap());
            r.put("verdict", row.verdict());
            if (row.exemption() != null) {
                r.put("notObservable", row.exemption());
            }
            ArrayNode scenarios = r.putArray("scenarios");
            for (ScenarioVerdicts s : row.scenarios()) {
                ObjectNode sn = scenarios.addObject();
                sn.put("key", s.key());
                sn.put("name", s.name());
                sn.put("verdict", s.verdict());
                ObjectNode outcomes = sn.putObject("outcomes");
                s.outcomes().forEach((o, n) -> outcomes.put(o.name(), n));
            }
            r.put("text", row.text());
        }
        return JSON.writeValueAsString(root);
    }

    static String markdown(Traceability report) {
        StringBuilder md = new StringBuilder("# Traceability: SPEC.md requirements and the scenarios that check them\n\n");
        Map<Status, Integer> musts = report.mustCounts();
        md.append("MUST and MUST NOT requirements: ").append(musts.get(Status.COVERED)).append(" covered by scenarios, ")
                .append(musts.get(Status.NOT_OBSERVABLE)).append(" not observable over UDP (exempted with a reason), ")
                .append(musts.get(Status.UNCOVERED)).append(" without a scenario.\n\n");
        problems(md, "MUST requirements without a scenario", report.uncoveredMusts());
        problems(md, "Stale exemptions (the requirement has a scenario)", report.staleExemptions());
        problems(md, "Exemptions naming no requirement", report.unknownExemptions());
        if (!report.unknownTags().isEmpty()) {
            md.append("## Tags naming no requirement\n\n");
            report.unknownTags().forEach((s, ids) -> md.append("- ").append(escape(s)).append(": ")
                    .append(String.join(", ", ids)).append('\n'));
            md.append('\n');
        }
        md.append("## Requirements\n\n| ID | level | status | verdict | scenarios | requirement |\n|---|---|---|---|---|---|\n");
        for (Row row : report.rows()) {
            StringBuilder scenarios = new StringBuilder();
            for (ScenarioVerdicts s : row.scenarios()) {
                scenarios.append(scenarios.length() == 0 ? "" : "<br>").append(escape(s.name())).append(" (`")
                        .append(s.key()).append("`): ").append(s.verdict());
            }
            md.append("| ").append(row.id()).append(" | ").append(row.level()).append(" | ")
                    .append(escape(statusText(row))).append(" | ").append(row.verdict()).append(" | ")
                    .append(scenarios).append(" | ").append(escape(row.text())).append(" |\n");
        }
        return md.toString();
    }

    static String html(Traceability report) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>SSS traceability</title>
                <style>
                body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;font-size:90%}
                .gap{background:#fdd}.exempt{background:#eee}.FAIL{color:#b00;font-weight:bold}.pass{color:#070}
                </style></head><body>
                <h1>SPEC.md requirements and the scenarios that check them</h1>
                """);
        Map<Status, Integer> musts = report.mustCounts();
        html.append("<p>MUST and MUST NOT: ").append(musts.get(Status.COVERED)).append(" covered, ")
                .append(musts.get(Status.NOT_OBSERVABLE)).append(" not observable, ")
                .append(musts.get(Status.UNCOVERED)).append(" without a scenario.</p>\n");
        html.append("<table><tr><th>ID</th><th>level</th><th>status</th><th>verdict</th><th>scenarios</th>"
                + "<th>requirement</th></tr>\n");
        for (Row row : report.rows()) {
            String css = row.mustGap() ? "gap" : row.status() == Status.NOT_OBSERVABLE ? "exempt" : "";
            html.append("<tr class=\"").append(css).append("\"><td>").append(row.id()).append("</td><td>")
                    .append(row.level()).append("</td><td>").append(xml(statusText(row))).append("</td><td class=\"")
                    .append(row.verdict()).append("\">").append(xml(row.verdict())).append("</td><td>");
            for (ScenarioVerdicts s : row.scenarios()) {
                html.append(xml(s.name())).append(" <code>").append(xml(s.key())).append("</code>: ")
                        .append(xml(s.verdict())).append("<br>");
            }
            html.append("</td><td>").append(xml(row.text())).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static void problems(StringBuilder md, String title, List<String> ids) {
        if (!ids.isEmpty()) {
            md.append("## ").append(title).append(" (").append(ids.size()).append(")\n\n")
                    .append(String.join(", ", ids)).append("\n\n");
        }
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
