package org.sss.conformance.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStep;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import io.cucumber.plugin.event.WriteEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sss.conformance.RequirementCatalog;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.verdict.Verdict;
import org.sss.conformance.verdict.VerdictNotes;

/**
 * The suite's Cucumber plugin ({@code org.sss.conformance.report.ConformanceReportPlugin:DIR}): grades each
 * scenario when it finishes ({@link VerdictNotes#grade}, read on the scenario's own thread, where its notes
 * live), writes an {@link EvidenceBundle} for each failed one while its tester peers are still at hand,
 * and at the end of the run writes {@code results.json} ({@link RunReport}) and the traceability report
 * ({@link TraceabilityWriter}) into DIR.
 *
 * <p>The seed comes from the line the scenario hooks log ({@code ... seed: N ...}); the tester peers from
 * {@link ScenarioPeers}, sampled at the start of every step so that the peers of the scenario are known
 * before its last hook closes them.
 */
public final class ConformanceReportPlugin implements ConcurrentEventListener {
    private static final Pattern SEED = Pattern.compile("\\bseed: (-?\\d+)");
    private static final int MAX_FAILURE = 4000;

    private final Path directory;
    private final RequirementCatalog catalog;
    private final ScenarioTags tags;
    private final Map<UUID, Recording> running = new ConcurrentHashMap<>();
    private final List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
    private volatile Instant started = Instant.now();

    /** What the plugin learns about one running scenario. */
    private static final class Recording {
        final Instant started;
        final List<StepRecord> steps = new ArrayList<>();
        final Map<TesterPeer, InetSocketAddress> peers = new LinkedHashMap<>();
        Long seed;
        Throwable failure;

        Recording(Instant started) {
            this.started = started;
        }
    }

    /** @param directory where the reports go (created when missing) */
    public ConformanceReportPlugin(String directory) {
        this(Path.of(directory), RequirementCatalog.load());
    }

    ConformanceReportPlugin(Path directory, RequirementCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
        this.tags = new ScenarioTags(catalog);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, e -> started = e.getInstant());
        publisher.registerHandlerFor(TestCaseStarted.class, e -> running.put(e.getTestCase().getId(),
                new Recording(e.getInstant())));
        publisher.registerHandlerFor(TestStepStarted.class, this::stepStarted);
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(WriteEvent.class, this::written);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> writeReports(e.getInstant()));
    }

    /** Every result so far, in the order the scenarios finished. */
    public List<ScenarioResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    private void stepStarted(TestStepStarted event) {
        Recording recording = running.get(event.getTestCase().getId());
        if (recording == null) {
            return;
        }
        recording.steps.add(new StepRecord(event.getInstant(), describe(event.getTestStep()), null, null));
        for (TesterPeer peer : ScenarioPeers.current()) {
            recording.peers.computeIfAbsent(peer, ConformanceReportPlugin::localAddressOrNull);
        }
    }

    private void stepFinished(TestStepFinished event) {
        Recording recording = running.get(event.getTestCase().getId());
        if (recording == null || recording.steps.isEmpty()) {
            return;
        }
        Result result = event.getResult();
        int last = recording.steps.size() - 1;
        recording.steps.set(last, recording.steps.get(last).finish(result.getStatus().name(), result.getError()));
        if (result.getError() != null && recording.failure == null && result.getStatus().name().equals("FAILED")) {
            recording.failure = result.getError();
        }
    }

    private void written(WriteEvent event) {
        Recording recording = running.get(event.getTestCase().getId());
        Matcher seed = SEED.matcher(event.getText());
        if (recording != null && recording.seed == null && seed.find()) {
            recording.seed = Long.parseLong(seed.group(1));
        }
    }

    private void finished(TestCaseFinished event) {
        Recording recording = running.remove(event.getTestCase().getId());
        if (recording == null) {
            recording = new Recording(event.getInstant());
        }
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        VerdictNotes notes = VerdictNotes.current();
        Verdict verdict = notes.grade(result.getStatus().name());
        Throwable error = recording.failure != null ? recording.failure : result.getError();
        String feature = fileName(testCase.getUri().toString());
        List<String> tagList = testCase.getTags();
        ScenarioResult scenario = new ScenarioResult(ScenarioDefinition.key(feature, testCase.getLocation().getLine()),
                testCase.getName(), feature, testCase.getLocation().getLine(), ScenarioDefinition.section(feature),
                tagList, tags.requirements(tagList), tags.level(tagList).label(), verdict, Outcome.of(verdict), null,
                notes.lenientReasons(), notes.abortReason(), notes.blame(),
                verdict == Verdict.FAIL || verdict == Verdict.INCONCLUSIVE ? message(error) : null, recording.seed,
                Duration.between(recording.started, event.getInstant()).toMillis(), null, 1);
        if (verdict == Verdict.FAIL) {
            scenario = withEvidence(scenario, recording, error);
        }
        results.add(scenario);
    }

    private ScenarioResult withEvidence(ScenarioResult scenario, Recording recording, Throwable error) {
        try {
            String bundle = EvidenceBundle.write(directory,
                    new EvidenceBundle.Contents(scenario, recording.steps, recording.peers, error));
            return scenario.withEvidence(bundle);
        } catch (IOException | RuntimeException e) {
            System.err.println("conformance report: no evidence bundle for '" + scenario.name() + "': " + e);
            return scenario;
        }
    }

    private void writeReports(Instant finished) {
        try {
            new RunReport(RunReport.SCHEMA, null, started.toString(), finished.toString(), results()).write(directory);
            TraceabilityWriter.write(Traceability.build(catalog, FeatureScan.suite(), results(), Exemptions.load()),
                    directory);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the conformance reports into " + directory, e);
        }
    }

    private static String describe(TestStep step) {
        if (step instanceof PickleStepTestStep pickle) {
            return pickle.getStep().getKeyword().strip() + " " + pickle.getStep().getText();
        }
        if (step instanceof HookTestStep hook) {
            return "hook " + hook.getHookType() + " " + hook.getCodeLocation();
        }
        return step.getCodeLocation();
    }

    private static InetSocketAddress localAddressOrNull(TesterPeer peer) {
        try {
            return peer.localAddress();
        } catch (RuntimeException closed) {
            return null;
        }
    }

    private static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String message(Throwable error) {
        if (error == null) {
            return null;
        }
        String text = error.getMessage() == null ? error.toString() : error.getMessage().strip();
        return text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE) + "…";
    }
}
