package org.sss.tools.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sss.tools.cli.SssCommand;
import org.sss.tools.spec.TestRepo;
import picocli.CommandLine;

/**
 * The capture corpus in {@code pcaps/} (issue 6): every workload of {@code sss capture} has its capture,
 * key log, expected dissection and README row; each capture's dissection today equals its golden file;
 * every box of a non-attack capture opens with its key log; every frame has valid checksums; the sizes
 * stay small. The directory is {@code -Dsss.pcaps=DIR}, or {@code pcaps/} of the checkout.
 */
class CorpusGoldenTest {
    private static final String REGENERATE = "scripts/regenerate-pcaps.sh --dissections-only";
    private static final long MAX_PCAP = 300_000;
    private static final long MAX_CORPUS = 3_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus() {
        String property = System.getProperty("sss.pcaps");
        return property != null ? Path.of(property) : TestRepo.layout().root().resolve("pcaps");
    }

    @Test
    void everyWorkloadHasItsFilesAndAReadmeRow() throws IOException {
        Path dir = corpus();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        for (Workloads.Entry w : Workloads.list()) {
            for (String suffix : List.of(".pcap", ".keylog", ".expected.json")) {
                assertThat(dir.resolve(w.name() + suffix)).as("run scripts/regenerate-pcaps.sh " + w.name())
                        .isRegularFile();
            }
            assertThat(readme).as("pcaps/README.md has a table row for " + w.name())
                    .containsPattern("(?m)^\\| `" + java.util.regex.Pattern.quote(w.name()) + "` \\|");
        }
    }

    @Test
    void theCapturesStaySmall() throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(corpus())) {
            for (Path f : files.toList()) {
                long size = Files.size(f);
                total += size;
                if (f.toString().endsWith(".pcap")) {
                    assertThat(size).as(f.getFileName() + " in bytes").isLessThan(MAX_PCAP);
                }
            }
        }
        assertThat(total).as("the whole corpus in bytes").isLessThan(MAX_CORPUS);
    }

    @TestFactory
    Stream<DynamicTest> eachCaptureDissectsAsItsGoldenFile() throws IOException {
        return pcaps().stream().map(pcap -> DynamicTest.dynamicTest(name(pcap), () -> {
            Path expected = sibling(pcap, ".expected.json");
            assertThat(expected).as("the golden dissection; create it with " + REGENERATE).isRegularFile();
            String actual = dissect(pcap);
            String golden = Files.readString(expected, StandardCharsets.UTF_8);
            if (!normalise(actual).equals(normalise(golden))) {
                fail(diff(name(pcap), normalise(golden), normalise(actual)));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBoxOfANonAttackCaptureOpensAndEveryFrameHasValidChecksums() throws IOException {
        List<String> attacks = Workloads.list().stream().filter(Workloads.Entry::attack).map(Workloads.Entry::name)
                .toList();
        return pcaps().stream().map(pcap -> DynamicTest.dynamicTest(name(pcap), () -> {
            List<byte[]> frames = CaptureTestSupport.frames(pcap);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(CaptureTestSupport.checksumProblem(frames.get(i))).as("%s frame %d", name(pcap), i + 1)
                        .isNull();
            }
            if (attacks.contains(name(pcap))) {
                return;
            }
            JsonNode packets = JSON.readTree(dissect(pcap));
            assertThat(packets.size()).isEqualTo(frames.size());
            for (JsonNode p : packets) {
                String kind = p.get("kind").asText();
                if (kind.equals("INITIATE") || kind.equals("MESSAGE")) {
                    assertThat(p.get("box").asText()).as("%s packet %s", name(pcap), p.get("index"))
                            .startsWith("opened");
                }
                assertThat(p.get("violations")).as("%s packet %s", name(pcap), p.get("index")).isEmpty();
            }
        }));
    }

    private static List<Path> pcaps() throws IOException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.filter(f -> f.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    private static String dissect(Path pcap) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SssCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("dissect", "--json", "--keylog", sibling(pcap, ".keylog").toString(), pcap.toString());
        assertThat(exit).as("sss dissect %s: %s", pcap.getFileName(), err).isZero();
        return out.toString();
    }

    private static Path sibling(Path pcap, String suffix) {
        return pcap.resolveSibling(name(pcap) + suffix);
    }

    private static String name(Path pcap) {
        String file = pcap.getFileName().toString();
        return file.substring(0, file.length() - ".pcap".length());
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    /** The first differing line with a little context, and how to accept the new dissection. */
    private static String diff(String name, String golden, String actual) {
        String[] g = golden.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < g.length && i < a.length && g[i].equals(a[i])) {
            i++;
        }
        List<String> out = new ArrayList<>();
        out.add("pcaps/" + name + ".pcap no longer dissects as pcaps/" + name + ".expected.json; first difference at "
                + "line " + (i + 1) + " (golden " + g.length + " lines, now " + a.length + "):");
        for (int j = Math.max(0, i - 3); j < Math.min(Math.max(g.length, a.length), i + 4); j++) {
            if (j < g.length && (j >= a.length || !g[j].equals(a[j]))) {
                out.add("- " + g[j]);
            }
            if (j < a.length && (j >= g.length || !a[j].equals(g[j]))) {
                out.add("+ " + a[j]);
            }
            if (j < g.length && j < a.length && g[j].equals(a[j])) {
                out.add("  " + g[j]);
            }
        }
        out.add("If the change to sss dissect is intended, accept it with: " + REGENERATE);
        return String.join("\n", out);
    }
}
