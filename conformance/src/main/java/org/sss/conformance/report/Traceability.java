package org.sss.conformance.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementCatalog;

/**
 * Every requirement of SPEC.md with the scenarios that check it and their verdicts (DESIGN.md section 3:
 * every MUST has at least one scenario). A MUST or MUST NOT with no scenario is flagged, unless the
 * exemptions file says why no black-box observation can decide it. Also names the exemptions that have
 * gone stale (the requirement has a scenario now) or name no requirement, and the tags that look like a
 * requirement ID but name none.
 */
public final class Traceability {

    /** Whether a requirement is checked. */
    public enum Status {
        /** At least one scenario is tagged with it. */
        COVERED,
        /** No scenario, and the exemptions file says why none can observe it over UDP. */
        NOT_OBSERVABLE,
        /** No scenario: a gap when the requirement is a MUST or MUST NOT. */
        UNCOVERED
    }

    /**
     * One scenario that checks a requirement, with how often each outcome occurred (once per run).
     *
     * @param key      {@code feature:line}
     * @param name     the scenario's name
     * @param outcomes outcome to count; empty when the scenario did not run
     */
    public record ScenarioVerdicts(String key, String name, Map<Outcome, Integer> outcomes) {
        public ScenarioVerdicts {
            Map<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
            copy.putAll(outcomes);
            outcomes = Collections.unmodifiableMap(copy);
        }

        /** E.g. {@code pass}, {@code not run}, or with repeats {@code pass 4/5, FAIL 1/5}. */
        public String verdict() {
            int runs = outcomes.values().stream().mapToInt(Integer::intValue).sum();
            if (runs == 0) {
                return "not run";
            }
            if (runs == 1) {
                return outcomes.keySet().iterator().next().label();
            }
            StringJoiner text = new StringJoiner(", ");
            outcomes.forEach((outcome, count) -> text.add(outcome.label() + " " + count + "/" + runs));
            return text.toString();
        }
    }

    /**
     * One requirement of SPEC.md and its coverage.
     *
     * @param requirement the requirement
     * @param status      covered, not observable, or uncovered
     * @param exemption   why it is not observable, or null
     * @param scenarios   the scenarios tagged with it
     */
    public record Row(Requirement requirement, Status status, String exemption,
            List<ScenarioVerdicts> scenarios) {
        public Row {
            scenarios = List.copyOf(scenarios);
        }

        public String id() {
            return requirement.id();
        }

        public String level() {
            return requirement.level().label();
        }

        public String section() {
            return requirement.section();
        }

        public String text() {
            return requirement.text();
        }

        /** Whether this is a MUST or MUST NOT that nothing checks and nothing exempts: a gap. */
        public boolean mustGap() {
            return status == Status.UNCOVERED && ScenarioTags.isMust(requirement.level());
        }

        /**
         * The requirement's verdict over its scenarios: the worst outcome that occurred, {@code not run}
         * when none of them ran, {@code -} when it has none.
         */
        public String verdict() {
            if (scenarios.isEmpty()) {
                return "-";
            }
            Outcome worst = null;
            for (ScenarioVerdicts scenario : scenarios) {
                for (Outcome outcome : scenario.outcomes().keySet()) {
                    if (worst == null || outcome.severity() > worst.severity()) {
                        worst = outcome;
                    }
                }
            }
            return worst == null ? "not run" : worst.label();
        }
    }

    private final List<Row> rows;
    private final Map<String, List<String>> unknownTags;
    private final List<String> staleExemptions;
    private final List<String> unknownExemptions;

    private Traceability(List<Row> rows, Map<String, List<String>> unknownTags, List<String> staleExemptions,
            List<String> unknownExemptions) {
        this.rows = List.copyOf(rows);
        this.unknownTags = Collections.unmodifiableMap(unknownTags);
        this.staleExemptions = List.copyOf(staleExemptions);
        this.unknownExemptions = List.copyOf(unknownExemptions);
    }

    /**
     * Builds the report.
     *
     * @param catalog     the requirements of SPEC.md
     * @param scenarios   every scenario the feature files declare ({@link FeatureScan})
     * @param results     the results of the runs so far (any number of runs; may be empty)
     * @param exemptions  the requirements that cannot be observed over UDP
     */
    public static Traceability build(RequirementCatalog catalog, List<ScenarioDefinition> scenarios,
            List<ScenarioResult> results, Exemptions exemptions) {
        ScenarioTags tags = new ScenarioTags(catalog);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> requirementsOf = new LinkedHashMap<>();
        Map<String, List<String>> unknownTags = new LinkedHashMap<>();
        for (ScenarioDefinition scenario : scenarios) {
            names.put(scenario.key(), scenario.name());
            requirementsOf.put(scenario.key(), tags.requirements(scenario.tags()));
            List<String> unknown = tags.unknownRequirements(scenario.tags());
            if (!unknown.isEmpty()) {
                unknownTags.put(scenario.key() + " " + scenario.name(), unknown);
            }
        }
        Map<String, Map<Outcome, Integer>> outcomes = new LinkedHashMap<>();
        for (ScenarioResult result : results) {
            names.putIfAbsent(result.key(), result.name());
            requirementsOf.putIfAbsent(result.key(), result.requirements());
            outcomes.computeIfAbsent(result.key(), k -> new EnumMap<>(Outcome.class)).merge(result.outcome(), 1, Integer::sum);
        }
        Map<String, List<ScenarioVerdicts>> byRequirement = new LinkedHashMap<>();
        requirementsOf.forEach((key, ids) -> {
            for (String id : ids) {
                byRequirement.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new ScenarioVerdicts(key, names.get(key), outcomes.getOrDefault(key, Map.of())));
            }
        });
        List<Row> rows = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Requirement requirement : catalog.requirements()) {
            List<ScenarioVerdicts> checking = byRequirement.getOrDefault(requirement.id(), List.of());
            String exemption = exemptions.reason(requirement.id());
            Status status;
            if (!checking.isEmpty()) {
                status = Status.COVERED;
                if (exemption != null) {
                    stale.add(requirement.id());
                }
            } else {
                status = exemption != null ? Status.NOT_OBSERVABLE : Status.UNCOVERED;
            }
            rows.add(new Row(requirement, status, exemption, checking));
        }
        List<String> unknownExemptions = exemptions.reasons().keySet().stream()
                .filter(id -> catalog.find(id).isEmpty()).toList();
        return new Traceability(rows, unknownTags, stale, unknownExemptions);
    }

    /** Every requirement of SPEC.md, in document order. */
    public List<Row> rows() {
        return rows;
    }

    /** The MUST and MUST NOT requirements that no scenario checks and no exemption excuses. */
    public List<String> uncoveredMusts() {
        return rows.stream().filter(Row::mustGap).map(Row::id).toList();
    }

    /** Exempted requirements that a scenario checks after all: the exemption should go. */
    public List<String> staleExemptions() {
        return staleExemptions;
    }

    /** Exemptions that name no requirement of SPEC.md. */
    public List<String> unknownExemptions() {
        return unknownExemptions;
    }

    /** Scenario ({@code feature:line name}) to its tags that look like requirement IDs but name none. */
    public Map<String, List<String>> unknownTags() {
        return unknownTags;
    }

    /** How many requirements have each status, for the MUST and MUST NOT requirements only. */
    public Map<Status, Integer> mustCounts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        rows.stream().filter(r -> ScenarioTags.isMust(r.requirement().level()))
                .forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

}
