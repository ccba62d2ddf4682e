package org.sss.tools.conform;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.sss.conformance.report.ConformanceReportPlugin;
import org.sss.conformance.report.FeatureScan;
import org.sss.conformance.report.RunReport;
import org.sss.conformance.report.ScenarioResult;

/**
 * One run of the conformance scenarios in this JVM: the JUnit Platform Launcher with the Cucumber engine,
 * the suite's glue, Cucumber's HTML and JUnit XML reports and the suite's own plugin writing into one
 * directory. What the scenarios print (their seeds, logs of the embedded target) goes to {@code run.log}
 * there, so that the console shows only the progress bar.
 */
final class ConformRunner {
    static final String PACKAGE = FeatureScan.SCENARIOS.replace('/', '.');
    static final String HTML = "scenarios.html";
    static final String JUNIT = "scenarios-junit.xml";
    static final String LOG = "run.log";

    private ConformRunner() {
    }

    /**
     * Runs the scenarios that {@code tags} (a Cucumber tag expression, or null) and {@code name} (a regular
     * expression, or null) select, and returns their results.
     *
     * @throws IOException when the plugin wrote no results (the run broke down)
     */
    static List<ScenarioResult> run(Path directory, String tags, String name, ConformProgress progress)
            throws IOException {
        Files.createDirectories(directory);
        deleteEvidenceOfAnEarlierRun(directory.resolve("evidence"));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(PACKAGE))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", PACKAGE)
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                .configurationParameter("cucumber.plugin", "html:" + directory.resolve(HTML) + ", junit:"
                        + directory.resolve(JUNIT) + ", " + ConformanceReportPlugin.class.getName() + ":" + directory);
        if (tags != null) {
            request.configurationParameter("cucumber.filter.tags", tags);
        }
        if (name != null) {
            request.configurationParameter("cucumber.filter.name", name);
        }
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (OutputStream log = Files.newOutputStream(directory.resolve(LOG));
                PrintStream captured = new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(captured);
            System.setErr(captured);
            try {
                launcher.execute(discovery, progress);
            } finally {
                System.setOut(out);
                System.setErr(err);
                progress.close();
            }
        }
        Path results = directory.resolve(RunReport.FILE);
        if (!Files.exists(results)) {
            throw new IOException("the run wrote no " + results + "; see " + directory.resolve(LOG));
        }
        return RunReport.read(results).results();
    }

    /** Bundles left by an earlier run into the same directory would be mistaken for this run's. */
    private static void deleteEvidenceOfAnEarlierRun(Path evidence) throws IOException {
        if (!Files.isDirectory(evidence)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(evidence)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
