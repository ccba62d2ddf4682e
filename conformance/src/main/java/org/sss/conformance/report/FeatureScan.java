package org.sss.conformance.report;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every scenario of the suite's feature files with its tags, read by Cucumber's own Gherkin parser
 * without running anything: the traceability report needs the scenarios a run did not select too.
 */
public final class FeatureScan {
    /** Where the conformance scenarios live on the class path. */
    public static final String SCENARIOS = "org/sss/conformance/scenarios";

    private FeatureScan() {
    }

    /** The scenarios of every feature file under {@link #SCENARIOS}, by file name then line. */
    public static List<ScenarioDefinition> suite() {
        return scan(FeatureScan.class.getClassLoader(), SCENARIOS);
    }

    /** The scenarios of every {@code .feature} file in the class-path directory {@code resourceDirectory}. */
    public static List<ScenarioDefinition> scan(ClassLoader loader, String resourceDirectory) {
        List<ScenarioDefinition> all = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(resourceDirectory);
            while (roots.hasMoreElements()) {
                URI root = roots.nextElement().toURI();
                if ("jar".equals(root.getScheme())) {
                    all.addAll(scanJar(root));
                } else {
                    all.addAll(scanDirectory(Path.of(root)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the feature files under " + resourceDirectory, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        all.sort(Comparator.comparing(ScenarioDefinition::feature).thenComparingInt(ScenarioDefinition::line));
        return Collections.unmodifiableList(all);
    }

    /** The scenarios of one feature file's text. */
    public static List<ScenarioDefinition> parse(String fileName, String gherkin) {
        GherkinParser parser = GherkinParser.builder().includeSource(false).build();
        List<Envelope> envelopes;
        try (Stream<Envelope> stream = parser.parse(fileName, gherkin.getBytes(StandardCharsets.UTF_8))) {
            envelopes = stream.toList();
        }
        Map<String, Integer> lines = new HashMap<>();
        String featureName = "";
        List<ScenarioDefinition> scenarios = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            if (envelope.getParseError().isPresent()) {
                throw new IllegalArgumentException(fileName + ": " + envelope.getParseError().get().getMessage());
            }
            if (envelope.getGherkinDocument().isPresent()) {
                featureName = indexLines(envelope.getGherkinDocument().get(), lines);
            }
            if (envelope.getPickle().isPresent()) {
                Pickle pickle = envelope.getPickle().get();
                List<String> ids = pickle.getAstNodeIds();
                Integer line = lines.get(ids.get(ids.size() - 1));
                scenarios.add(new ScenarioDefinition(fileName, line == null ? 0 : line, pickle.getName(), featureName,
                        pickle.getTags().stream().map(PickleTag::getName).toList()));
            }
        }
        return scenarios;
    }

    private static List<ScenarioDefinition> scanDirectory(Path directory) throws IOException {
        List<ScenarioDefinition> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".feature")).toList()) {
                scenarios.addAll(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return scenarios;
    }

    /** Scans a directory inside a jar, closing the jar's file system again unless someone else had opened it. */
    private static List<ScenarioDefinition> scanJar(URI root) throws IOException {
        FileSystem opened;
        try {
            opened = FileSystems.newFileSystem(root, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return scanDirectory(FileSystems.getFileSystem(root).provider().getPath(root));
        }
        try (FileSystem jar = opened) {
            return scanDirectory(jar.provider().getPath(root));
        }
    }

    /** Maps the AST node IDs of scenarios and example rows to their lines; returns the feature's name. */
    private static String indexLines(GherkinDocument document, Map<String, Integer> lines) {
        Feature feature = document.getFeature().orElse(null);
        if (feature == null) {
            return "";
        }
        for (FeatureChild child : feature.getChildren()) {
            child.getScenario().ifPresent(s -> indexScenario(s, lines));
            child.getRule().ifPresent(rule -> {
                for (RuleChild ruleChild : rule.getChildren()) {
                    ruleChild.getScenario().ifPresent(s -> indexScenario(s, lines));
                }
            });
        }
        return feature.getName();
    }

    private static void indexScenario(Scenario scenario, Map<String, Integer> lines) {
        lines.put(scenario.getId(), scenario.getLocation().getLine().intValue());
        for (Examples examples : scenario.getExamples()) {
            for (TableRow row : examples.getTableBody()) {
                lines.put(row.getId(), row.getLocation().getLine().intValue());
            }
        }
    }
}
