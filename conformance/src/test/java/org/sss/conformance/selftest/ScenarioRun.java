package org.sss.conformance.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.sss.conformance.target.Targets;

/**
 * Runs the conformance scenarios that a tag expression selects, through the JUnit Platform launcher
 * and the Cucumber engine exactly as {@code RunConformanceScenariosTest} does, against the target
 * installed in {@link Targets}, and returns the outcome of each scenario.
 */
final class ScenarioRun {
    private static final String SCENARIOS = "org.sss.conformance.scenarios";

    /** The outcome of one scenario: its name, JUnit status and failure text (message and causes), if any. */
    record Outcome(String scenario, TestExecutionResult.Status status, String failure) {
        boolean failed() {
            return status == TestExecutionResult.Status.FAILED;
        }
    }

    private ScenarioRun() {
    }

    /**
     * Runs the scenarios that {@code tags} selects and whose name matches {@code nameRegex}; every
     * scenario's outcome, in the order they finished.
     */
    static List<Outcome> run(String tags, String nameRegex) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SCENARIOS))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", SCENARIOS)
                .configurationParameter("cucumber.filter.tags", tags)
                .configurationParameter("cucumber.filter.name", nameRegex)
                .configurationParameter("cucumber.plugin", "summary")
                .configurationParameter("cucumber.publish.quiet", "true")
                .build();
        List<Outcome> outcomes = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), result.getStatus(),
                            result.getThrowable().map(ScenarioRun::describe).orElse("")));
                }
            }
        });
        return outcomes;
    }

    private static String describe(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
