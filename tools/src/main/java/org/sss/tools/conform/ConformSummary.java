package org.sss.tools.conform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sss.conformance.report.Outcome;
import org.sss.conformance.report.ScenarioDefinition;
import org.sss.conformance.report.ScenarioResult;

/**
 * The verdict of a whole {@code sss conform} run: per scenario its outcomes over the runs (its pass rate
 * with {@code --repeat}) and worst outcome, per SPEC.md section the count of each worst outcome, the
 * failed scenarios, and the exit code: {@value #OK} when every MUST scenario passed in every run (a SHOULD
 * that fails is a warning), {@value #MUST_FAILED} when a MUST scenario failed, {@value #INCONCLUSIVE} when
 * nothing failed but some scenario could not reach a verdict.
 */
final class ConformSummary {
    static final int OK = 0;
    static final int MUST_FAILED = 1;
    static final int INCONCLUSIVE = 3;

    /** The columns of the table by section: the graded verdicts, then the profile's outcomes. */
    private static final List<Outcome> COLUMNS = List.of(Outcome.PASS, Outcome.PASS_LENIENT, Outcome.FAIL,
            Outcome.UNSUPPORTED, Outcome.INCONCLUSIVE, Outcome.EXPECTED_FAIL, Outcome.UNEXPECTED_PASS);

    /** One scenario over every run. */
    record Scenario(String key, String name, String section, boolean must, List<ScenarioResult> runs) {
        Outcome worst() {
            Outcome worst = runs.get(0).outcome();
            for (ScenarioResult r : runs) {
                if (r.outcome().severity() > worst.severity()) {
                    worst = r.outcome();
                }
            }
            return worst;
        }

        long passes() {
            return runs.stream().filter(r -> r.outcome().passed() || r.outcome() == Outcome.EXPECTED_FAIL).count();
        }

        String passRate() {
            return passes() + "/" + runs.size();
        }
    }

    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final int runCount;

    ConformSummary(List<ScenarioResult> results, int runCount) {
        this.runCount = runCount;
        Map<String, List<ScenarioResult>> byKey = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        byKey.forEach((key, runs) -> scenarios.put(key, new Scenario(key, runs.get(0).name(), runs.get(0).section(),
                runs.get(0).isMust(), List.copyOf(runs))));
    }

    List<Scenario> scenarios() {
        return List.copyOf(scenarios.values());
    }

    int exitCode() {
        boolean inconclusive = false;
        for (Scenario s : scenarios.values()) {
            for (ScenarioResult r : s.runs()) {
                if (r.outcome() == Outcome.FAIL && s.must()) {
                    return MUST_FAILED;
                }
                inconclusive |= r.outcome() == Outcome.INCONCLUSIVE;
            }
        }
        return inconclusive ? INCONCLUSIVE : OK;
    }

    /** The table by section, the failures and warnings, and the pass rates when there were repeats. */
    String render(List<ScenarioDefinition> definitions) {
        Map<String, String> titles = sectionTitles(definitions);
        Map<String, Map<Outcome, Integer>> bySection = new TreeMap<>(ConformSummary::compareSections);
        for (Scenario s : scenarios.values()) {
            bySection.computeIfAbsent(s.section(), k -> new EnumMap<>(Outcome.class)).merge(s.worst(), 1, Integer::sum);
        }
        boolean profileColumns = scenarios.values().stream().anyMatch(s -> s.worst() == Outcome.EXPECTED_FAIL
                || s.worst() == Outcome.UNEXPECTED_PASS);
        List<Outcome> columns = profileColumns ? COLUMNS : COLUMNS.subList(0, 5);
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-34s", "section"));
        columns.forEach(c -> text.append(String.format("%13s", c.label())));
        text.append('\n');
        Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
        bySection.forEach((section, counts) -> {
            text.append(String.format("%-34s", abbreviate(section + " " + titles.getOrDefault(section, ""), 33)));
            columns.forEach(c -> text.append(String.format("%13d", counts.getOrDefault(c, 0))));
            text.append('\n');
            counts.forEach((o, n) -> totals.merge(o, n, Integer::sum));
        });
        text.append(String.format("%-34s", "total (" + scenarios.size() + " scenarios" + (runCount > 1 ? ", "
                + runCount + " runs each" : "") + ")"));
        columns.forEach(c -> text.append(String.format("%13d", totals.getOrDefault(c, 0))));
        text.append('\n');
        list(text, "FAILED (MUST)", s -> s.worst() == Outcome.FAIL && s.must());
        list(text, "warning: failed (SHOULD or weaker)", s -> s.worst() == Outcome.FAIL && !s.must());
        list(text, "inconclusive", s -> s.worst() == Outcome.INCONCLUSIVE);
        list(text, "unexpected pass (the profile expects a failure)", s -> s.worst() == Outcome.UNEXPECTED_PASS);
        if (runCount > 1) {
            List<Scenario> flaky = scenarios.values().stream().filter(s -> s.runs().stream()
                    .map(ScenarioResult::outcome).distinct().count() > 1).toList();
            text.append("\npass rate over ").append(runCount).append(" runs: ")
                    .append(scenarios.values().stream().filter(s -> s.passes() == s.runs().size()).count())
                    .append(" of ").append(scenarios.size()).append(" scenarios passed every run");
            text.append(flaky.isEmpty() ? "; none flaky\n" : "; flaky (different outcomes across runs):\n");
            flaky.forEach(s -> text.append("  ").append(s.passRate()).append("  ").append(s.name()).append(" (")
                    .append(s.key()).append(")\n"));
        }
        return text.toString();
    }

    private void list(StringBuilder text, String heading, java.util.function.Predicate<Scenario> which) {
        List<Scenario> selected = scenarios.values().stream().filter(which).toList();
        if (selected.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append(":\n");
        for (Scenario s : selected) {
            ScenarioResult last = s.runs().stream().filter(r -> r.outcome() == s.worst()).reduce((a, b) -> b).orElseThrow();
            text.append("  ").append(s.name()).append(" (").append(s.key()).append(")");
            if (runCount > 1) {
                text.append(" pass rate ").append(s.passRate());
            }
            text.append("\n    requirements: ").append(String.join(" ", last.requirements()));
            String why = last.failure() != null ? last.failure() : last.abortReason() != null ? last.abortReason()
                    : last.note();
            if (why != null) {
                text.append("\n    ").append(abbreviate(why.lines().findFirst().orElse(""), 160));
            }
            if (last.evidence() != null) {
                text.append("\n    evidence: ").append(last.evidence());
            }
            text.append('\n');
        }
    }

    /**
     * Section number to a title: the shortest name among the section's features numbered with the
     * section alone ("6 Channel", not "6.9 Rekeying"), without its number; else the first feature's.
     */
    private static Map<String, String> sectionTitles(List<ScenarioDefinition> definitions) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Boolean> whole = new LinkedHashMap<>();
        for (ScenarioDefinition d : definitions) {
            String name = d.featureName();
            String title = name.replaceFirst("^[0-9A-Z]+([.,-][0-9]+)*\\s+", "");
            boolean wholeSection = name.startsWith(d.section() + " ");
            String known = titles.get(d.section());
            boolean better = known == null
                    || wholeSection && (!whole.get(d.section()) || title.length() < known.length());
            if (better) {
                titles.put(d.section(), title);
                whole.put(d.section(), wholeSection);
            }
        }
        return titles;
    }

    /** Numbered sections in numeric order, then appendices. */
    private static int compareSections(String a, String b) {
        boolean na = a.matches("\\d+");
        boolean nb = b.matches("\\d+");
        if (na && nb) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

}
