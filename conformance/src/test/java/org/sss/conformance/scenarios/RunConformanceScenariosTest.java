package org.sss.conformance.scenarios;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the conformance scenarios (the feature files under {@code org/sss/conformance/scenarios}, one
 * set per SPEC.md section) on the JUnit Platform through the Cucumber engine, against the target of
 * {@link org.sss.conformance.target.Targets}: by default the reference implementation that
 * {@link ReferenceTarget} starts. Run only these with
 * {@code mvn -pl conformance test -Dtest=RunConformanceScenariosTest}; pick scenarios by requirement
 * with {@code -Dcucumber.filter.tags="@TST-ECHO-1"}; replay a run's random choices with
 * {@code -Dsss.seed=N} (every scenario prints its seed). Reports under {@code conformance/target/conformance/}:
 * Cucumber's HTML, JSON and JUnit XML, and the suite's own ({@link org.sss.conformance.report.ConformanceReportPlugin}):
 * results.json with the graded verdicts, the traceability report, and an evidence bundle per failed scenario.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("org.sss.conformance.scenarios")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.sss.conformance.scenarios")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary, html:target/conformance/scenarios.html,"
        + " json:target/conformance/scenarios.json, junit:target/conformance/scenarios-junit.xml,"
        + " org.sss.conformance.report.ConformanceReportPlugin:target/conformance")
public class RunConformanceScenariosTest {
}
