package org.sss.conformance.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.sss.conformance.verdict.Verdict;

/**
 * What one run of one scenario showed: the scenario, the graded verdict and what it said about it,
 * why it failed, the seed that replays it and where its evidence bundle is.
 *
 * @param key            {@code feature:line}, stable across runs ({@link ScenarioDefinition#key()})
 * @param name           the scenario's name
 * @param feature        its feature file's name
 * @param line           its line
 * @param section        its SPEC.md section ({@link ScenarioDefinition#section(String)})
 * @param tags           its tags
 * @param requirements   the requirement IDs among its tags that SPEC.md defines
 * @param level          its level: from its {@code @must}, {@code @must-not}, ... tags, else the strongest
 *                       level of its requirements; {@code MUST} when neither says
 * @param verdict        the graded verdict ({@link org.sss.conformance.verdict.VerdictNotes#grade})
 * @param outcome        the verdict as reported, after the IUT's expectation profile (if any)
 * @param note           why a profile changed the outcome, or null
 * @param lenientReasons the allowed alternatives the IUT took (pass-lenient)
 * @param abortReason    why the scenario ended unsupported or inconclusive, or null
 * @param blame          why the liveness check after it failed, or null
 * @param failure        the failure message (first line: the requirement and what was expected vs observed), or null
 * @param seed           the seed it ran with, or null when it printed none
 * @param durationMillis how long it ran
 * @param evidence       the evidence bundle's directory relative to the report directory, or null
 * @param run            which run of a {@code --repeat} it belongs to, from 1
 */
@JsonPropertyOrder({"key", "name", "feature", "line", "section", "tags", "requirements", "level", "verdict", "outcome",
    "note", "lenientReasons", "abortReason", "blame", "failure", "seed", "durationMillis", "evidence", "run"})
public record ScenarioResult(String key, String name, String feature, int line, String section, List<String> tags,
        List<String> requirements, String level, Verdict verdict, Outcome outcome, String note,
        List<String> lenientReasons, String abortReason, String blame, String failure, Long seed, long durationMillis,
        String evidence, int run) {

    public ScenarioResult {
        tags = List.copyOf(tags);
        requirements = List.copyOf(requirements);
        lenientReasons = List.copyOf(lenientReasons);
    }

    /** Whether the scenario checks a MUST or MUST NOT (its failure fails the run). */
    public boolean isMust() {
        return "MUST".equals(level) || "MUST NOT".equals(level);
    }

    /** This result with another outcome, and why. */
    public ScenarioResult withOutcome(Outcome newOutcome, String why) {
        return new ScenarioResult(key, name, feature, line, section, tags, requirements, level, verdict, newOutcome, why,
                lenientReasons, abortReason, blame, failure, seed, durationMillis, evidence, run);
    }

    /** This result with its evidence bundle's directory. */
    public ScenarioResult withEvidence(String directory) {
        return new ScenarioResult(key, name, feature, line, section, tags, requirements, level, verdict, outcome, note,
                lenientReasons, abortReason, blame, failure, seed, durationMillis, directory, run);
    }

    /** This result as part of run {@code number}, its evidence directory under {@code prefix}. */
    public ScenarioResult inRun(int number, String prefix) {
        return new ScenarioResult(key, name, feature, line, section, tags, requirements, level, verdict, outcome, note,
                lenientReasons, abortReason, blame, failure, seed, durationMillis,
                evidence == null ? null : prefix + evidence, number);
    }
}
