package org.sss.tools.bench.compare;

import static org.sss.tools.bench.Figures.number;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sss.tools.bench.ConsoleTable;

/**
 * The results of one {@code sss bench} run and their renderings: a console table, a Markdown page
 * ({@code compare.md}), JSON ({@code compare.json}) and a goodput chart ({@code goodput.png}).
 *
 * <p>Every figure is the median of the repetitions with their minimum and maximum; a ratio is the
 * median of the per-repetition ratios of SSS's figure to the other's, measured in the same repetition.
 *
 * @param title the title of every rendering
 * @param started when the run started, ISO-8601
 * @param commandLine how it was started
 * @param seed the seed of every key and payload
 * @param settings what ran
 * @param machine what it ran on, with each contender's description
 * @param contenders each contender's display name, by id, in running order
 * @param rows one per figure, in the order measured
 * @param targets the targets, evaluated from the rows
 */
public record CompareReport(String title, String started, String commandLine, long seed, CompareSettings settings,
        Machine machine, Map<String, String> contenders, List<Row> rows, List<Target> targets) {

    /** The title of every rendering. */
    public static final String TITLE = "sss bench";
    /** The Markdown file's name. */
    public static final String MARKDOWN = "compare.md";
    /** The JSON file's name. */
    public static final String JSON = "compare.json";
    /** The chart's file name. */
    public static final String CHART = "goodput.png";

    static final String HOW_TO_READ = "median (min-max) over the repetitions; ratio = SSS / other, the median of the "
            + "per-repetition ratios, each pair measured in the same repetition; for µs and B lower is better";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Copies the collections. */
    public CompareReport {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(machine, "machine");
        contenders = Collections.unmodifiableMap(new LinkedHashMap<>(contenders));
        rows = List.copyOf(rows);
        targets = List.copyOf(targets);
    }

    /** Whether no workload failed (n/a is not a failure). */
    public boolean succeeded() {
        return rows.stream().flatMap(r -> r.series().values().stream()).noneMatch(s -> Series.FAILED.equals(s.status()));
    }

    /** The row {@code key}, or null. */
    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ numbers

    /** A ratio as printed: three decimals for small ones, fewer for large ones. */
    public static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? number(value) : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cellOf(Series series, Notes notes) {
        if (series == null) {
            return "-";
        }
        if (!series.ok()) {
            return notes.mark(series);
        }
        Spread spread = series.spread();
        return spread == null ? "-" : number(spread.median()) + " (" + number(spread.min()) + "-" + number(spread.max())
                + ")";
    }

    private static String ratioCell(Ratio ratio) {
        Spread spread = ratio.spread();
        return ratio(spread.median()) + " (" + ratio(spread.min()) + "-" + ratio(spread.max()) + ")";
    }

    /** The ratio columns of the tables: SSS over each peer, then over the ceilings. */
    private List<String> ratioColumns() {
        List<String> columns = new ArrayList<>();
        if (contenders.containsKey(Contenders.SUBJECT)) {
            for (String id : contenders.keySet()) {
                if (!id.equals(Contenders.SUBJECT)) {
                    columns.add(id);
                }
            }
            if (rows.stream().anyMatch(Row::isCeiling)) {
                columns.add(Ratios.CRYPTO);
                columns.add(Ratios.UDP);
            }
        }
        return columns;
    }

    private String columnName(String ratioColumn) {
        return Contenders.SUBJECT + "/" + (contenders.containsKey(ratioColumn) ? ratioColumn
                : ratioColumn.equals(Ratios.CRYPTO) ? "crypto" : "udp");
    }

    /**
     * The reasons of the n/a and failed cells, numbered: a cell shows {@code n/a [1]}, the note below
     * the table says why, so that one long reason does not widen a whole column.
     */
    private static final class Notes {
        private final List<String> reasons = new ArrayList<>();

        String mark(Series series) {
            int index = reasons.indexOf(series.verdict());
            if (index < 0) {
                reasons.add(series.verdict());
                index = reasons.size() - 1;
            }
            return series.status() + " [" + (index + 1) + "]";
        }

        /** One line per note, each starting with {@code prefix}; empty when there is none. */
        String lines(String prefix) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < reasons.size(); i++) {
                text.append(prefix).append('[').append(i + 1).append("] ").append(cell(reasons.get(i))).append('\n');
            }
            return text.toString();
        }
    }

    // ------------------------------------------------------------------ console

    /** Plain-text tables (figures, ceilings, targets), columns padded; each line ends with a newline. */
    public String consoleTable() {
        List<String> ratioColumns = ratioColumns();
        Notes notes = new Notes();
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("figure", "unit"));
        contenders.values().forEach(name -> header.add(name + " median (min-max)"));
        ratioColumns.forEach(c -> header.add(columnName(c)));
        table.add(header.toArray(String[]::new));
        for (Row row : rows) {
            if (row.isCeiling()) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(row.name(), row.unit()));
            contenders.keySet().forEach(id -> cells.add(cellOf(row.series().get(id), notes)));
            ratioColumns.forEach(c -> cells.add(row.ratio(c) == null ? "-" : ratio(row.ratio(c).spread().median())));
            table.add(cells.toArray(String[]::new));
        }
        StringBuilder text = new StringBuilder(ConsoleTable.render(table));
        List<String[]> ceilingTable = new ArrayList<>();
        ceilingTable.add(new String[] {"ceiling", "unit", "median (min-max)"});
        for (Row row : rows) {
            if (row.isCeiling()) {
                ceilingTable.add(new String[] {row.name(), row.unit(), cellOf(row.series().get(Row.CEILING), notes)});
            }
        }
        if (ceilingTable.size() > 1) {
            text.append('\n').append(ConsoleTable.render(ceilingTable));
        }
        text.append(notes.lines(""));
        text.append('\n').append(HOW_TO_READ).append(".\n\ntargets:\n");
        for (Target target : targets) {
            text.append("  ").append(target.verdict().equals("met") ? "met     " : target.verdict().startsWith("n/a")
                    ? "n/a     " : "MISSED  ").append(target.name()).append(": ").append(target.verdict());
            if (!target.figures().isEmpty()) {
                text.append(" -- ").append(target.figures());
            }
            text.append('\n');
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ Markdown

    /** The Markdown page: machine, command, the tables, targets, and every repetition's values. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append(": SSS beside ")
                .append(String.join(", ", contenders.values().stream().filter(n -> !n.equalsIgnoreCase("sss")).toList()))
                .append("\n\n");
        md.append("Started ").append(started).append(", `").append(cell(commandLine)).append("`, seed ").append(seed)
                .append(".\n\n");
        md.append("## Machine\n\n");
        md.append(String.format(Locale.ROOT, "- %d cores; %s (%s); %s; max heap %s MB%n", machine.cores(),
                machine.java(), machine.vm(), machine.os(), number(machine.maxHeapBytes() / 1e6)));
        machine.contenders().forEach((id, description) -> md.append("- **").append(id).append("**: ")
                .append(cell(description)).append('\n'));
        md.append(String.format(Locale.ROOT, "%nSettings: %d repetition(s) after %d warm-up; bulk %d MB, 1 and %d "
                + "streams; %d s per rate and latency measurement; %d handshaking clients; %d streams held open; loss %s "
                + "(%d MB each); workloads %s.%n%n", settings.repetitions(), settings.warmup(), settings.megabytes(),
                settings.streams(), settings.seconds(), settings.concurrency(), settings.manyStreams(),
                settings.lossPercents().isEmpty() ? "none" : String.join(", ",
                        settings.lossPercents().stream().map(p -> CompareRunner.percent(p) + "%").toList()),
                settings.lossMegabytes(), String.join(",", settings.workloads().stream().map(Workload::option).toList())));
        md.append("## Results\n\n");
        List<String> ratioColumns = ratioColumns();
        Notes notes = new Notes();
        md.append("| figure | unit |");
        contenders.values().forEach(name -> md.append(' ').append(cell(name)).append(" |"));
        ratioColumns.forEach(c -> md.append(' ').append(columnName(c)).append(" |"));
        md.append("\n| --- | --- |").append(" ---: |".repeat(contenders.size() + ratioColumns.size())).append('\n');
        for (Row row : rows) {
            if (row.isCeiling()) {
                continue;
            }
            md.append("| ").append(cell(row.name())).append(" | ").append(row.unit()).append(" |");
            contenders.keySet().forEach(id -> md.append(' ').append(markdownCell(row.series().get(id), notes)).append(" |"));
            ratioColumns.forEach(c -> md.append(' ').append(row.ratio(c) == null ? "–" : ratioCell(row.ratio(c)))
                    .append(" |"));
            md.append('\n');
        }
        md.append("\n| ceiling | unit | median (min–max) |\n| --- | --- | ---: |\n");
        for (Row row : rows) {
            if (row.isCeiling()) {
                md.append("| ").append(cell(row.name())).append(" | ").append(row.unit()).append(" | ")
                        .append(markdownCell(row.series().get(Row.CEILING), notes)).append(" |\n");
            }
        }
        String noteLines = notes.lines("- ");
        if (!noteLines.isEmpty()) {
            md.append('\n').append(noteLines);
        }
        md.append('\n').append(HOW_TO_READ).append(".\n\n## Targets\n\n| target | verdict | figures |\n| --- | --- | --- |\n");
        for (Target target : targets) {
            md.append("| ").append(cell(target.name())).append(" | ")
                    .append(target.met() ? "met" : "**" + cell(target.verdict()) + "**").append(" | ")
                    .append(cell(target.figures())).append(" |\n");
        }
        md.append("\n## Every repetition\n\n| figure | series | values |\n| --- | --- | --- |\n");
        for (Row row : rows) {
            for (Map.Entry<String, Series> entry : row.series().entrySet()) {
                Series series = entry.getValue();
                md.append("| ").append(cell(row.name())).append(" | ").append(entry.getKey()).append(" | ")
                        .append(series.ok() ? values(series) + " " + row.unit() : cell(series.verdict())).append(" |\n");
            }
        }
        md.append("\n![goodput per contender](").append(CHART).append(")\n");
        return md.toString();
    }

    private static String markdownCell(Series series, Notes notes) {
        if (series == null) {
            return "–";
        }
        if (!series.ok()) {
            return notes.mark(series);
        }
        Spread spread = series.spread();
        return spread == null ? "–" : "**" + number(spread.median()) + "** (" + number(spread.min()) + "–"
                + number(spread.max()) + ")";
    }

    private static String values(Series series) {
        return String.join(", ", series.values().stream().map(v -> v == null ? "–" : number(v)).toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // ------------------------------------------------------------------ JSON and files

    /** The report as JSON. */
    public String json() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report does not serialize: " + e.getMessage(), e);
        }
    }

    /** A report read back from {@link #json()}. */
    public static CompareReport fromJson(String json) throws IOException {
        return MAPPER.readValue(json, CompareReport.class);
    }

    /**
     * Writes {@value #MARKDOWN}, {@value #JSON} and {@value #CHART} into {@code directory}, creating it.
     *
     * @return the three files
     */
    public List<Path> write(Path directory) {
        try {
            Files.createDirectories(directory);
            Path markdown = directory.resolve(MARKDOWN);
            Path json = directory.resolve(JSON);
            Path chart = directory.resolve(CHART);
            Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
            Files.writeString(json, json() + "\n", StandardCharsets.UTF_8);
            GoodputChart.write(this, chart);
            return List.of(markdown, json, chart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + directory + ": " + e.getMessage(), e);
        }
    }
}
