package org.sss.tools.bench;

import static org.sss.tools.bench.Figures.number;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sss.tools.bench.StreamBenchmarkRunner.Settings;

/**
 * The results of one {@code sss bench streams} invocation and their three renderings: a console
 * table, a Markdown page ({@code streams.md}) and JSON ({@code streams.json}).
 *
 * <p>Every figure is printed as the median of the repetitions with their minimum and maximum; a
 * ratio is the median of the per-repetition ratios of a figure to the baseline measured beside it.
 *
 * @param settings what ran
 * @param transport the hosts' socket implementation, {@code epoll} or {@code NIO}
 * @param cores available processors
 * @param java the Java runtime's version
 * @param started when the run started, as ISO-8601 text
 * @param results one line per figure, in the order measured
 */
public record StreamReport(Settings settings, String transport, int cores, String java, String started,
        List<StreamResult> results) {

    /** The title of every rendering. */
    public static final String TITLE = "sss bench streams";

    /** Said once under every rendering. */
    static final String HOW_TO_READ = "median (min-max) over the repetitions; ratio = the median of the per-repetition"
            + " ratios measured / baseline, each pair measured side by side in the same repetition";

    /** Copies the list. */
    public StreamReport {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(started, "started");
        results = List.copyOf(results);
    }

    /** Whether every workload finished. */
    public boolean succeeded() {
        return results.stream().allMatch(StreamResult::succeeded);
    }

    // ------------------------------------------------------------------ numbers

    /** A ratio as printed: three decimals. */
    public static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** {@code median (min-max)} with {@code dash} between min and max. */
    static String spread(StreamSummary summary, boolean isRatio, String dash) {
        if (summary == null) {
            return "-";
        }
        return isRatio
                ? ratio(summary.median()) + " (" + ratio(summary.min()) + dash + ratio(summary.max()) + ")"
                : number(summary.median()) + " (" + number(summary.min()) + dash + number(summary.max()) + ")";
    }

    // ------------------------------------------------------------------ console

    /** A plain-text table, columns padded to their widest cell; each line ends with a newline. */
    public String consoleTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"workload", "median (min-max)", "unit", "baseline", "baseline median (min-max)",
            "ratio median (min-max)"});
        for (StreamResult result : results) {
            if (!result.succeeded()) {
                rows.add(new String[] {result.name(), "FAILED: " + result.failure()});
                continue;
            }
            rows.add(new String[] {result.name(), spread(result.measured(), false, "-"), result.unit(),
                result.baselineName(), spread(result.baseline(), false, "-"),
                result.ratio() == null ? "-" : spread(result.ratio(), true, "-")});
        }
        return ConsoleTable.render(rows);
    }

    // ------------------------------------------------------------------ Markdown

    /** The Markdown page: settings, the table, each line's note, and every repetition's values. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(TITLE).append("\n\n");
        md.append(String.format(Locale.ROOT, "Started %s; %s; %d cores; Java %s; %s transport.%n%n", started,
                settingsLine(), cores, java, transport));
        md.append("| workload | median | min–max | unit | baseline | baseline median | baseline min–max "
                + "| ratio (median) | ratio min–max |\n");
        md.append("| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (StreamResult result : results) {
            if (!result.succeeded()) {
                md.append("| ").append(cell(result.name())).append(" | **failed**: ").append(cell(result.failure()))
                        .append(" | | ").append(cell(result.unit())).append(" | ").append(cell(result.baselineName()))
                        .append(" | | | | |\n");
                continue;
            }
            StreamSummary measured = result.measured();
            StreamSummary baseline = result.baseline();
            StreamSummary ratio = result.ratio();
            md.append("| ").append(cell(result.name()))
                    .append(" | **").append(number(measured.median())).append("**")
                    .append(" | ").append(number(measured.min())).append("–").append(number(measured.max()))
                    .append(" | ").append(cell(result.unit()))
                    .append(" | ").append(cell(result.baselineName()))
                    .append(" | ").append(number(baseline.median()))
                    .append(" | ").append(number(baseline.min())).append("–").append(number(baseline.max()))
                    .append(" | ").append(ratio == null ? "–" : "**" + ratio(ratio.median()) + "**")
                    .append(" | ").append(ratio == null ? "–" : ratio(ratio.min()) + "–" + ratio(ratio.max()))
                    .append(" |\n");
        }
        md.append('\n').append(HOW_TO_READ).append(".\n");
        List<StreamResult> noted = results.stream().filter(r -> !r.note().isEmpty()).toList();
        if (!noted.isEmpty()) {
            md.append("\n## Notes\n\n");
            for (StreamResult result : noted) {
                md.append("- **").append(result.name()).append("**: ").append(result.note()).append('\n');
            }
        }
        md.append("\n## Every repetition\n\n");
        md.append("| workload | measured | baseline |\n| --- | --- | --- |\n");
        for (StreamResult result : results) {
            if (result.succeeded()) {
                md.append("| ").append(cell(result.name())).append(" | ").append(list(result.measured()))
                        .append(" | ").append(list(result.baseline())).append(" |\n");
            }
        }
        return md.toString();
    }

    private String settingsLine() {
        return String.format(Locale.ROOT, "%d repetition(s) after %d warm-up; bulk %d MB per repetition, %d concurrent "
                + "streams; %d idle streams; %d s per rate and latency measurement; seed %d",
                settings.repetitions(), settings.warmup(), settings.megabytes(), settings.streams(),
                settings.idleStreams(), settings.seconds(), settings.seed());
    }

    private static String list(StreamSummary summary) {
        StringBuilder text = new StringBuilder();
        for (double value : summary.values()) {
            text.append(text.length() == 0 ? "" : ", ").append(number(value));
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // ------------------------------------------------------------------ JSON

    /** The report as JSON: settings, environment, and per line every repetition's values and the summaries. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", "streams");
        root.put("started", started);
        ObjectNode config = root.putObject("settings");
        config.put("repetitions", settings.repetitions());
        config.put("warmup", settings.warmup());
        config.put("megabytes", settings.megabytes());
        config.put("streams", settings.streams());
        config.put("idleStreams", settings.idleStreams());
        config.put("seconds", settings.seconds());
        config.put("seed", settings.seed());
        ObjectNode environment = root.putObject("environment");
        environment.put("transport", transport);
        environment.put("cores", cores);
        environment.put("java", java);
        root.put("howToRead", HOW_TO_READ);
        ArrayNode lines = root.putArray("results");
        for (StreamResult result : results) {
            ObjectNode line = lines.addObject();
            line.put("name", result.name());
            line.put("unit", result.unit());
            line.put("baselineName", result.baselineName());
            if (!result.succeeded()) {
                line.put("failure", result.failure());
                continue;
            }
            summary(line.putObject("measured"), result.measured());
            summary(line.putObject("baseline"), result.baseline());
            if (result.ratio() == null) {
                line.putNull("ratio");
            } else {
                summary(line.putObject("ratio"), result.ratio());
            }
            line.put("note", result.note());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report does not serialise", e);
        }
    }

    private static void summary(ObjectNode node, StreamSummary summary) {
        finite(node, "median", summary.median());
        finite(node, "min", summary.min());
        finite(node, "max", summary.max());
        ArrayNode values = node.putArray("values");
        for (double value : summary.values()) {
            if (Double.isFinite(value)) {
                values.add(value);
            } else {
                values.addNull();
            }
        }
    }

    /** JSON has no infinities (a ratio to a zero baseline): those become null. */
    private static void finite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    // ------------------------------------------------------------------ files

    /**
     * Writes {@code streams.md} and {@code streams.json} into {@code directory}, creating it.
     *
     * @return the two files, Markdown first
     */
    public List<Path> write(Path directory) {
        try {
            Files.createDirectories(directory);
            Path md = directory.resolve("streams.md");
            Path json = directory.resolve("streams.json");
            Files.writeString(md, markdown(), StandardCharsets.UTF_8);
            Files.writeString(json, json(), StandardCharsets.UTF_8);
            return List.of(md, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + directory, e);
        }
    }
}
