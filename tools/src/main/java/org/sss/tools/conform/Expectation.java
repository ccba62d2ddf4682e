package org.sss.tools.conform;

import java.util.Objects;
import org.sss.conformance.report.ScenarioResult;

/**
 * One entry of an expectation profile: the scenarios it applies to, by scenario name or by a requirement
 * ID they check, and why.
 *
 * @param scenario    a scenario's exact name, or null
 * @param requirement a requirement ID, or null
 * @param reason      why (printed beside the outcome)
 */
public record Expectation(String scenario, String requirement, String reason) {
    public Expectation {
        if ((scenario == null) == (requirement == null)) {
            throw new IllegalArgumentException("an expectation names either a scenario or a requirement, not "
                    + (scenario == null ? "neither" : "both"));
        }
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether it applies to {@code result}. */
    public boolean matches(ScenarioResult result) {
        return scenario != null ? scenario.equals(result.name()) : result.requirements().contains(requirement);
    }

    /** The scenario name or requirement ID it names. */
    public String subject() {
        return scenario != null ? "scenario '" + scenario + "'" : requirement;
    }
}
