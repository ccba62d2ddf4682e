package org.sss.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.tools.bench.StreamBenchmarkRunner.Settings;

/**
 * The statistics and the report formatting of {@code sss bench streams} on fixed inputs: medians,
 * nearest-rank percentiles, per-repetition ratios, number formats, and the console, Markdown and
 * JSON renderings. Nothing here measures speed.
 */
class StreamBenchmarkReportTest {
    private static final Settings SETTINGS = new Settings(5, 1, 200, 100, 10_000, 2, 42);

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertThat(StreamSummary.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(StreamSummary.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(StreamSummary.median(new double[] {7})).isEqualTo(7);
        assertThatThrownBy(() -> StreamSummary.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianLeavesItsInputInTheOrderMeasured() {
        double[] values = {9, 1, 5};
        StreamSummary.median(values);
        assertThat(values).containsExactly(9, 1, 5);
    }

    @Test
    void summaryHasMedianMinMaxAndTheValuesInTheirOrder() {
        StreamSummary summary = StreamSummary.of(40, 10, 30, 20, 50);
        assertThat(summary.median()).isEqualTo(30);
        assertThat(summary.min()).isEqualTo(10);
        assertThat(summary.max()).isEqualTo(50);
        assertThat(summary.values()).containsExactly(40, 10, 30, 20, 50);
        assertThatThrownBy(() -> StreamSummary.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void percentileIsNearestRankOnSortedSamples() {
        long[] hundred = new long[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = i + 1;
        }
        assertThat(StreamSummary.percentile(hundred, 50)).isEqualTo(50);
        assertThat(StreamSummary.percentile(hundred, 99)).isEqualTo(99);
        assertThat(StreamSummary.percentile(hundred, 100)).isEqualTo(100);
        assertThat(StreamSummary.percentile(hundred, 0.5)).isEqualTo(1);

        long[] thousand = new long[1000];
        for (int i = 0; i < thousand.length; i++) {
            thousand[i] = 10L * (i + 1);
        }
        assertThat(StreamSummary.percentile(thousand, 50)).isEqualTo(5_000);
        assertThat(StreamSummary.percentile(thousand, 99)).isEqualTo(9_900);
        assertThat(StreamSummary.percentile(thousand, 99.9)).isEqualTo(9_990);
    }

    @Test
    void percentileOfFewSamplesRoundsTheRankUp() {
        long[] three = {10, 20, 30};
        assertThat(StreamSummary.percentile(three, 50)).isEqualTo(20);
        assertThat(StreamSummary.percentile(three, 99)).isEqualTo(30);
        assertThat(StreamSummary.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(StreamSummary.percentile(new long[] {1, 2}, 50)).isEqualTo(1);
        assertThatThrownBy(() -> StreamSummary.percentile(three, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamSummary.percentile(three, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamSummary.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratioIsTheMedianOfPerRepetitionRatiosNotTheRatioOfMedians() {
        double[] goodput = {50, 60, 40};
        double[] ceiling = {100, 100, 50};
        StreamSummary ratio = StreamSummary.ofRatios(goodput, ceiling);
        assertThat(ratio.values()).containsExactly(0.5, 0.6, 0.8);
        assertThat(ratio.median()).isEqualTo(0.6);
        assertThat(ratio.min()).isEqualTo(0.5);
        assertThat(ratio.max()).isEqualTo(0.8);
        // the ratio of the medians would be 50 / 100 = 0.5
        assertThat(StreamSummary.median(goodput) / StreamSummary.median(ceiling)).isEqualTo(0.5);
        assertThatThrownBy(() -> StreamSummary.ofRatios(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersHaveFewerDecimalsAsTheyGrow() {
        assertThat(Figures.number(1234567.8)).isEqualTo("1,234,568");
        assertThat(Figures.number(123.4)).isEqualTo("123");
        assertThat(Figures.number(42.06)).isEqualTo("42.1");
        assertThat(Figures.number(3.14159)).isEqualTo("3.14");
        assertThat(Figures.number(-12.34)).isEqualTo("-12.3");
        assertThat(Figures.number(Double.NaN)).isEqualTo("n/a");
        assertThat(StreamReport.ratio(0.47849)).isEqualTo("0.478");
        assertThat(StreamReport.ratio(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
    }

    @Test
    void consoleTableAlignsColumnsAndShowsMedianMinMaxAndRatio() {
        String table = report().consoleTable();
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(2 + 4);
        assertThat(lines.get(0)).startsWith("workload").contains("| median (min-max)").contains("| ratio median (min-max)");
        assertThat(lines.get(1)).matches("[-+]+");
        assertThat(lines.get(2)).contains("bulk goodput, 1 stream").contains("| 50.0 (40.0-60.0)").contains("| MB/s")
                .contains("| crypto+UDP ceiling").contains("| 96.0 (90.0-110)").endsWith("| 0.500 (0.417-0.625)");
        assertThat(lines.get(3)).contains("request/response p50, fresh substream").contains("| 150 (140-160)")
                .endsWith("| 1.500 (1.400-1.600)");
        // no ratio: a dash
        assertThat(lines.get(4)).contains("heap per idle stream").contains("| 2,048 (2,000-2,100)").endsWith("| -");
        assertThat(lines.get(5)).startsWith("stream opens, sequential").endsWith("| FAILED: TimeoutException after 30 s");
        // the separator columns line up: every measured row has its '|' where the header has it
        int firstBar = lines.get(0).indexOf('|');
        assertThat(lines.get(2).indexOf('|')).isEqualTo(firstBar);
        assertThat(lines.get(3).indexOf('|')).isEqualTo(firstBar);
        assertThat(lines.get(4).indexOf('|')).isEqualTo(firstBar);
    }

    @Test
    void markdownHasTheTableNotesAndEveryRepetition() {
        String md = report().markdown();
        assertThat(md).startsWith("# sss bench streams\n")
                .contains("5 repetition(s) after 1 warm-up; bulk 200 MB per repetition, 100 concurrent streams; "
                        + "10000 idle streams; 2 s per rate and latency measurement; seed 42")
                .contains("| bulk goodput, 1 stream | **50.0** | 40.0–60.0 | MB/s | crypto+UDP ceiling | 96.0 | 90.0–110 "
                        + "| **0.500** | 0.417–0.625 |")
                .contains("| heap per idle stream | **2,048** | 2,000–2,100 | bytes | noise | 12.0 | -5.00–30.0 | – | – |")
                .contains("| stream opens, sequential | **failed**: TimeoutException after 30 s | | opens/s |")
                .contains("- **heap per idle stream**: approximate")
                .contains("| bulk goodput, 1 stream | 50.0, 60.0, 40.0, 55.0, 45.0 | 100, 96.0, 96.0, 110, 90.0 |");
    }

    @Test
    void jsonCarriesSettingsSummariesAndEveryValue() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report().json());
        assertThat(json.get("benchmark").asText()).isEqualTo("streams");
        assertThat(json.at("/settings/megabytes").asInt()).isEqualTo(200);
        assertThat(json.at("/settings/seed").asLong()).isEqualTo(42);
        assertThat(json.at("/environment/transport").asText()).isEqualTo("epoll");
        JsonNode bulk = json.get("results").get(0);
        assertThat(bulk.get("name").asText()).isEqualTo("bulk goodput, 1 stream");
        assertThat(bulk.at("/measured/median").asDouble()).isEqualTo(50.0);
        assertThat(bulk.at("/measured/values")).hasSize(5);
        assertThat(bulk.at("/baseline/max").asDouble()).isEqualTo(110.0);
        assertThat(bulk.at("/ratio/median").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(bulk.at("/ratio/max").asDouble()).isCloseTo(0.625, within(1e-12));
        assertThat(json.get("results").get(2).get("ratio").isNull()).isTrue();
        assertThat(json.get("results").get(3).get("failure").asText()).isEqualTo("TimeoutException after 30 s");
        assertThat(json.get("results").get(3).has("measured")).isFalse();
    }

    @Test
    void jsonWritesAnInfiniteRatioAsNull() throws Exception {
        StreamReport report = new StreamReport(SETTINGS, "NIO", 2, "17", "2025-01-01T00:00:00Z",
                List.of(StreamResult.withRatio("x", "u", new double[] {1}, "zero", new double[] {0}, "")));
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.at("/results/0/ratio/median").isNull()).isTrue();
        assertThat(json.at("/results/0/ratio/values/0").isNull()).isTrue();
    }

    @Test
    void reportSucceedsOnlyWhenEveryWorkloadFinished() {
        assertThat(report().succeeded()).isFalse();
        StreamReport allFinished = new StreamReport(SETTINGS, "epoll", 2, "17", "2025-01-01T00:00:00Z",
                report().results().subList(0, 3));
        assertThat(allFinished.succeeded()).isTrue();
    }

    @Test
    void writesMarkdownAndJsonFiles(@TempDir Path directory) throws Exception {
        List<Path> files = report().write(directory.resolve("bench"));
        assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("streams.md", "streams.json");
        assertThat(Files.readString(files.get(0))).isEqualTo(report().markdown());
        assertThat(Files.readString(files.get(1))).isEqualTo(report().json());
    }

    @Test
    void settingsRefuseValuesOutOfRangeNamingTheOption() {
        assertThatThrownBy(() -> new Settings(0, 1, 200, 100, 10_000, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--repetitions must be between 1 and 99, got 0");
        assertThatThrownBy(() -> new Settings(5, 1, 0, 100, 10_000, 2, 1))
                .hasMessage("--megabytes must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> new Settings(5, 1, 200, 0, 10_000, 2, 1))
                .hasMessage("--streams must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> new Settings(5, -1, 200, 100, 10_000, 2, 1))
                .hasMessage("--warmup must be between 0 and 10, got -1");
        assertThatThrownBy(() -> new Settings(5, 1, 200, 100, 0, 2, 1))
                .hasMessage("--idle-streams must be between 1 and 1000000, got 0");
        assertThatThrownBy(() -> new Settings(5, 1, 200, 100, 10_000, 61, 1))
                .hasMessage("--seconds must be between 1 and 60, got 61");
    }

    private static StreamReport report() {
        return new StreamReport(SETTINGS, "epoll", 2, "17.0.15", "2025-01-01T00:00:00Z", List.of(
                StreamResult.withRatio("bulk goodput, 1 stream", "MB/s", new double[] {50, 60, 40, 55, 45},
                        "crypto+UDP ceiling", new double[] {100, 96, 96, 110, 90}, "ceiling note"),
                StreamResult.withRatio("request/response p50, fresh substream", "µs", new double[] {150, 140, 160, 145, 155},
                        "existing substream", new double[] {100, 100, 100, 100, 100}, ""),
                StreamResult.withoutRatio("heap per idle stream", "bytes", new double[] {2048, 2000, 2100, 2040, 2050},
                        "noise", new double[] {12, -5, 30, 0, 20}, "approximate"),
                StreamResult.failed("stream opens, sequential", "opens/s", "existing", "TimeoutException after 30 s")));
    }
}
