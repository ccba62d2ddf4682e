package org.sss.tools.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with fake contenders, fake ceilings and a fake impairment whose values are scripted per
 * repetition: medians, spreads, ratios, targets, n/a and failures, and the three renderings.
 */
class CompareRunnerTest {
    private static final int REPETITIONS = 3;
    private static final double[] SSS_BULK = {100, 300, 200};
    private static final double QUIC_BULK = 100;
    private static final double CRYPTO = 400;

    private static FakeContender sss;
    private static FakeContender quic;
    private static FakeContender tls;
    private static List<String> ceilingCalls;
    private static String console;
    private static CompareReport report;

    @BeforeAll
    static void run() throws Exception {
        // warm-up 1: every script sees one unreported call first, so index i + 1 is repetition i
        sss = new FakeContender("sss")
                .script("bulk1", call -> call == 0 ? 1.0 : SSS_BULK[call - 1])
                .script("bulkn", call -> 500.0)
                .script("handshakes", call -> 300.0)
                .script("ttfb", call -> FakeContender.samples(10, 200))
                .script("rr", call -> new Contender.Latencies(FakeContender.samples(10, 100),
                        FakeContender.samples(10, 105)))
                .script("many", call -> new Contender.ManyStreams(1000, 500, 800));
        quic = new FakeContender("quic")
                .script("bulk1", call -> QUIC_BULK)
                .script("bulkn", call -> 250.0)
                .script("handshakes", call -> 100.0)
                .script("ttfb", call -> FakeContender.samples(10, 400))
                .script("rr", call -> new Contender.Latencies(FakeContender.samples(10, 200),
                        FakeContender.samples(10, 300)))
                .script("many", call -> new UnsupportedOperationException("quiche caps streams at 100"));
        tls = new FakeContender("tls")
                .script("bulk1", call -> 50.0)
                .script("bulkn", call -> 50.0)
                .script("handshakes", call -> 200.0)
                .script("ttfb", call -> new IllegalStateException("server echoed 99 bytes of 100"))
                .script("rr", call -> new Contender.Latencies(FakeContender.samples(10, 300),
                        FakeContender.samples(10, 900)))
                .script("many", call -> new Contender.ManyStreams(10, 20_000, 40_000));
        ceilingCalls = new ArrayList<>();
        Ceilings ceilings = new Ceilings() {
            @Override
            public double cryptoMegabytesPerSecondPerCore(Duration duration, long seed) {
                ceilingCalls.add("crypto");
                return CRYPTO;
            }

            @Override
            public UdpRate udp(Loopback loopback, Duration duration, long seed) {
                ceilingCalls.add("udp");
                return new UdpRate(1_000_000, 1000);
            }
        };
        Impairment impairment = new Impairment() {
            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }

            @Override
            public Run bulk(String contenderId, double lossPercent, long bytes, long seed) {
                if (contenderId.equals("tls")) {
                    throw new UnsupportedOperationException("no TCP under test");
                }
                return new Run(lossPercent == 1 ? 80 : 40, 10_000, Math.round(lossPercent * 100));
            }

            @Override
            public void close() {
            }
        };
        CompareSettings settings = new CompareSettings(List.of("sss", "quic", "tls"), REPETITIONS, 1, 1, 10, 10, 1, 2,
                List.of(1.0, 5.0), 1, List.of(Workload.values()), 42);
        StringWriter out = new StringWriter();
        report = new CompareRunner(settings, List.of(sss, quic, tls), ceilings, impairment, "sss bench --seed 42",
                new PrintWriter(out, true)).run();
        console = out.toString();
    }

    @Test
    void mediansAndSpreadsAreOverTheRepetitionsOnly() {
        Series bulk = report.row("bulk1").series().get("sss");
        assertThat(bulk.values()).containsExactly(100.0, 300.0, 200.0);
        assertThat(bulk.spread()).isEqualTo(new Spread(200, 100, 300, 3));
        assertThat(report.row("ttfb.p50").series().get("sss").spread().median()).isEqualTo(200.0);
        assertThat(report.row("rr.p50.fresh").series().get("sss").spread().median()).isEqualTo(105.0);
    }

    @Test
    void ratiosAreMediansOfPerRepetitionRatiosToEachPeerAndTheCeilings() {
        Row bulk = report.row("bulk1");
        assertThat(bulk.ratio("quic").spread()).isEqualTo(new Spread(2, 1, 3, 3));
        assertThat(bulk.ratio("tls").spread().median()).isEqualTo(4.0);
        assertThat(bulk.ratio(Ratios.CRYPTO).spread()).isEqualTo(new Spread(0.5, 0.25, 0.75, 3));
        assertThat(bulk.ratio(Ratios.UDP).spread().median()).isEqualTo(0.2);
        assertThat(report.row("handshakes").ratio("tls").spread().median()).isEqualTo(1.5);
        assertThat(report.row("handshakes").ratio(Ratios.CRYPTO)).isNull();
        assertThat(report.row("loss.1.dropped").ratios()).isEmpty();
        assertThat(report.row("loss.1").ratio("quic").spread().median()).isEqualTo(1.0);
    }

    @Test
    void targetsSayMetOrMissedByHowMuch() {
        assertThat(report.targets()).extracting(Target::verdict).containsExactly(
                "met", "missed by 16.7%", "missed by 25.0%", "met");
        Target crypto = report.targets().get(1);
        assertThat(crypto.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(crypto.figures()).contains("sss 200 MB/s").contains("crypto ceiling 400 MB/s").contains("0.500");
        assertThat(Targets.verdict(1.21, 1.10, true)).isEqualTo("missed by 10.0%");
        assertThat(Targets.verdict(1.10, 1.10, true)).isEqualTo("met");
        assertThat(console).contains("MISSED  SSS handshakes/s >= 2 x TLS handshakes/s: missed by 25.0%");
    }

    @Test
    void notApplicableAndFailuresAreReportedAndAFailedWorkloadIsNotRetried() {
        Series many = report.row("many.opens").series().get("quic");
        assertThat(many.status()).isEqualTo(Series.NOT_APPLICABLE);
        assertThat(many.reason()).isEqualTo("quiche caps streams at 100");
        assertThat(quic.calls("many")).isEqualTo(1);
        Series ttfb = report.row("ttfb.p99").series().get("tls");
        assertThat(ttfb.status()).isEqualTo(Series.FAILED);
        assertThat(ttfb.reason()).contains("server echoed 99 bytes of 100");
        assertThat(ttfb.values()).containsOnlyNulls();
        assertThat(tls.calls("ttfb")).isEqualTo(1);
        // the others went on: every repetition of every other workload
        assertThat(tls.calls("rr")).isEqualTo(1 + REPETITIONS);
        assertThat(report.row("loss.5").series().get("tls").verdict()).isEqualTo("n/a: no TCP under test");
        assertThat(report.row("loss.5.dropped").series().get("sss").spread().median()).isEqualTo(5.0);
        assertThat(report.succeeded()).isFalse();
        assertThat(console).contains("tls failed: server echoed 99 bytes of 100 (not run again)")
                .contains("quic n/a: quiche caps streams at 100");
    }

    @Test
    void aReasonIsANumberedNoteBelowTheTablesNotACell() {
        List<String> tableLines = console.lines()
                .filter(l -> l.contains(" | ") && !l.startsWith("repetition") && !l.startsWith("warm-up")).toList();
        assertThat(tableLines).noneMatch(l -> l.contains("quiche caps streams at 100"))
                .anyMatch(l -> l.matches(".*\\| n/a \\[\\d+\\] +\\|.*"))
                .anyMatch(l -> l.matches(".*\\| failed \\[\\d+\\] +\\|.*"));
        assertThat(console).containsPattern("(?m)^\\[\\d+\\] n/a: quiche caps streams at 100$")
                .containsPattern("(?m)^\\[\\d+\\] failed: .*server echoed 99 bytes of 100");
    }

    @Test
    void contendersAreInterleavedWithinEachRepetitionAndCeilingsMeasuredInEvery() {
        assertThat(ceilingCalls).hasSize(2 * (1 + REPETITIONS));
        List<String> bulkLines = console.lines().filter(l -> l.contains("| bulk x1:")).toList();
        assertThat(bulkLines).hasSize(1 + REPETITIONS);
        assertThat(bulkLines.get(1)).startsWith("repetition 1/3 | bulk x1: sss 100 MB/s; quic 100 MB/s; tls 50.0 MB/s;");
        assertThat(console).contains("seed=42 (replay the keys and payloads with --seed 42)");
    }

    @Test
    void jsonRoundTripsEveryValue() throws Exception {
        String json = report.json();
        CompareReport read = CompareReport.fromJson(json);
        assertThat(read).isEqualTo(report);
        assertThat(json).contains("\"commandLine\" : \"sss bench --seed 42\"")
                .contains("fake quic");
    }

    @Test
    void markdownAndChartAreWritten(@TempDir Path directory) throws Exception {
        List<Path> files = report.write(directory);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly(CompareReport.MARKDOWN, CompareReport.JSON, CompareReport.CHART);
        String markdown = Files.readString(directory.resolve(CompareReport.MARKDOWN));
        assertThat(markdown).contains("| bulk goodput, 1 stream | MB/s | **200** (100–300) | **100** (100–100) |")
                .contains("| 2.000 (1.000-3.000) |")
                .contains("| bulk goodput, 1 stream | sss | 100, 300, 200 MB/s |")
                .contains("n/a: quiche caps streams at 100")
                .contains("**sss**: SSS: fake sss")
                .contains("`sss bench --seed 42`")
                .contains("| SSS handshakes/s >= 2 x TLS handshakes/s | **missed by 25.0%** |");
        BufferedImage chart = ImageIO.read(directory.resolve(CompareReport.CHART).toFile());
        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isGreaterThan(100);
    }
}
