package org.sss.tools.conform;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.sss.conformance.RequirementCatalog;
import org.sss.conformance.report.EvidenceBundle;
import org.sss.conformance.report.Exemptions;
import org.sss.conformance.report.FeatureScan;
import org.sss.conformance.report.Outcome;
import org.sss.conformance.report.RunReport;
import org.sss.conformance.report.ScenarioDefinition;
import org.sss.conformance.report.ScenarioResult;
import org.sss.conformance.report.ScenarioTags;
import org.sss.conformance.report.Traceability;
import org.sss.conformance.report.TraceabilityWriter;
import org.sss.conformance.target.Targets;
import org.sss.conformance.verdict.Verdict;

/**
 * One {@code sss conform}: which scenarios the tag expression, the name and the profile select; then the
 * runs against the target, the profile applied to every result, the reports of the whole run (results.json
 * of every run, the traceability report) and the console summary.
 */
public final class ConformRun {
    /** The largest {@code --repeat}. */
    public static final int MAX_REPEAT = 100;
    /** The system property the initiator-role scenarios read their command template from. */
    public static final String INITIATOR_PROPERTY = "sss.initiator.cmd";
    private static final String SEED_PROPERTY = "sss.seed";

    private final ConformProfile profile;
    private final String tags;
    private final List<ScenarioDefinition> suite;
    private final List<ScenarioDefinition> selected = new ArrayList<>();
    private final List<ScenarioDefinition> unclaimed = new ArrayList<>();
    private final String runTags;
    private final String name;

    /**
     * What to run and against what.
     *
     * @param target           {@code host:port}, or null for the embedded reference implementation
     * @param targetKey        the target's key (hex or file), with {@code target}
     * @param initiatorCommand the IUT's initiator command template, or null
     * @param seed             the seed of every scenario, or null
     * @param repeat           how many runs
     * @param reportDirectory  where the reports go
     * @param replayPrefix     the start of the replay commands of evidence bundles
     */
    public record Settings(String target, String targetKey, String initiatorCommand, Long seed, int repeat,
            Path reportDirectory, String replayPrefix) {
        public Settings {
            if (target != null) {
                Targets.external(target, targetKey, Map.of()); // fails early on a bad address or key
            }
        }
    }

    /** The console text and the exit code. */
    public record Report(String text, int exitCode) {
    }

    /**
     * @param profile   the IUT's profile
     * @param tags      the tag expression as given, or null
     * @param selection {@code tags} parsed, or null
     * @param name      a regular expression on scenario names, or null
     */
    public ConformRun(ConformProfile profile, String tags, Expression selection, String name) {
        this.profile = profile;
        this.tags = tags;
        this.name = name;
        this.suite = FeatureScan.suite();
        Pattern names = name == null ? null : Pattern.compile(name);
        TreeSet<String> allTags = new TreeSet<>();
        suite.forEach(s -> allTags.addAll(s.tags()));
        String exclusion = profile.exclusion(allTags);
        this.runTags = exclusion == null ? tags : tags == null ? exclusion : "(" + tags + ") and " + exclusion;
        for (ScenarioDefinition scenario : suite) {
            if ((selection == null || selection.evaluate(scenario.tags()))
                    && (names == null || names.matcher(scenario.name()).matches())) {
                (profile.unclaimed(scenario.tags()).isEmpty() ? selected : unclaimed).add(scenario);
            }
        }
        if (runTags != null) {
            TagExpressionParser.parse(runTags);
        }
    }

    /** The scenarios that will run. */
    public List<ScenarioDefinition> selected() {
        return List.copyOf(selected);
    }

    /** {@code --list}: one line per selected scenario, then the count. */
    public String listing() {
        StringBuilder text = new StringBuilder();
        for (ScenarioDefinition s : selected) {
            text.append(String.format("%-36s %s  %s%n", s.key(), s.name(), String.join(" ", s.tags())));
        }
        for (ScenarioDefinition s : unclaimed) {
            text.append(String.format("%-36s %s  %s  (not run: needs %s, not claimed by the profile)%n", s.key(),
                    s.name(), String.join(" ", s.tags()), String.join(", ", profile.unclaimed(s.tags()))));
        }
        return text.append(selected.size()).append(" scenarios selected")
                .append(unclaimed.isEmpty() ? "" : ", " + unclaimed.size() + " left out by the profile")
                .append(" (of ").append(suite.size()).append(" in the suite)").append(System.lineSeparator()).toString();
    }

    /** Runs the selection {@code settings.repeat()} times and reports. */
    public Report execute(Settings settings, PrintStream progress, boolean terminal) throws IOException {
        Map<String, String> saved = new LinkedHashMap<>();
        String started = Instant.now().toString();
        List<ScenarioResult> all = new ArrayList<>();
        String targetDescription;
        try {
            set(saved, SEED_PROPERTY, settings.seed() == null ? null : settings.seed().toString());
            set(saved, INITIATOR_PROPERTY, settings.initiatorCommand());
            set(saved, EvidenceBundle.REPLAY_PROPERTY, settings.replayPrefix());
            if (settings.target() != null) {
                Targets.install(Targets.external(settings.target(), settings.targetKey(), profile.timers()));
                targetDescription = Targets.current().description();
            } else {
                targetDescription = "the embedded reference implementation";
            }
            for (int run = 1; run <= settings.repeat(); run++) {
                String prefix = settings.repeat() == 1 ? "" : "run-" + run + "/";
                Path directory = settings.reportDirectory().resolve(prefix.isEmpty() ? "." : prefix).normalize();
                String task = settings.repeat() == 1 ? "conform" : "conform run " + run + "/" + settings.repeat();
                for (ScenarioResult r : ConformRunner.run(directory, runTags, name, new ConformProgress(progress,
                        terminal, task, selected.size()))) {
                    all.add(profile.apply(r).inRun(run, prefix));
                }
            }
        } finally {
            Targets.uninstall();
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        all.addAll(notClaimed());
        Path directory = settings.reportDirectory();
        new RunReport(RunReport.SCHEMA, targetDescription, started, Instant.now().toString(), all).write(directory);
        Traceability traceability = Traceability.build(RequirementCatalog.load(), suite, all, Exemptions.load());
        TraceabilityWriter.write(traceability, directory);
        ConformSummary summary = new ConformSummary(all, settings.repeat());
        StringBuilder text = new StringBuilder("\nconformance of ").append(targetDescription)
                .append(profile.features() == null && profile.expectedFailures().isEmpty() ? "" : " (profile " + profile.name() + ")")
                .append(tags == null ? "" : ", tags " + tags).append(":\n\n").append(summary.render(suite));
        text.append(paths(settings, all));
        return new Report(text.toString(), summary.exitCode());
    }

    /** The scenarios the profile leaves out, reported unsupported once (they did not run). */
    private List<ScenarioResult> notClaimed() {
        ScenarioTags tagReader = new ScenarioTags(RequirementCatalog.load());
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioDefinition s : unclaimed) {
            String why = "needs " + String.join(", ", profile.unclaimed(s.tags())) + ", which the profile does not claim";
            results.add(new ScenarioResult(s.key(), s.name(), s.feature(), s.line(), s.section(), s.tags(),
                    tagReader.requirements(s.tags()), tagReader.level(s.tags()).label(), Verdict.UNSUPPORTED,
                    Outcome.UNSUPPORTED, why, List.of(), why, null, null, null, 0, null, 1));
        }
        return results;
    }

    private static String paths(Settings settings, List<ScenarioResult> all) {
        Path dir = settings.reportDirectory();
        List<Path> runs = new ArrayList<>();
        for (int run = 1; run <= settings.repeat(); run++) {
            runs.add(settings.repeat() == 1 ? dir : dir.resolve("run-" + run));
        }
        StringBuilder text = new StringBuilder("\nreports:\n");
        text.append("  HTML (Cucumber):  ").append(join(runs, ConformRunner.HTML)).append('\n');
        text.append("  JUnit XML:        ").append(join(runs, ConformRunner.JUNIT)).append('\n');
        text.append("  results (JSON):   ").append(dir.resolve(RunReport.FILE)).append('\n');
        text.append("  traceability:     ").append(dir.resolve("traceability.md")).append(" (.html, .json)\n");
        text.append("  scenario output:  ").append(join(runs, ConformRunner.LOG)).append('\n');
        List<String> evidence = all.stream().filter(r -> r.evidence() != null).map(r -> dir.resolve(r.evidence()).toString())
                .toList();
        if (!evidence.isEmpty()) {
            text.append("  evidence bundles:\n");
            evidence.forEach(e -> text.append("    ").append(e).append('\n'));
        }
        return text.toString();
    }

    private static String join(List<Path> runs, String file) {
        return runs.size() == 1 ? runs.get(0).resolve(file).toString()
                : runs.get(0).getParent().resolve("run-{1.." + runs.size() + "}").resolve(file).toString();
    }

    private static void set(Map<String, String> saved, String key, String value) {
        saved.put(key, System.getProperty(key));
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
