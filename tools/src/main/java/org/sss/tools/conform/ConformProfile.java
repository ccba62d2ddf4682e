package org.sss.tools.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.sss.conformance.report.Outcome;
import org.sss.conformance.report.ScenarioResult;
import org.sss.conformance.target.Target;

/**
 * What an implementation under test says about itself before it is tested (conformance/README.md):
 * its name, the optional features it claims (a scenario tagged {@code @requires-FEATURE} runs only when
 * FEATURE is claimed; without a {@code features} list every feature counts as claimed), the values of
 * its timer hooks, the scenarios it is known to fail (with the reason) and the alternatives the spec
 * allows that it takes. Written as YAML ({@code .yaml}, {@code .yml}) or as Java properties.
 *
 * @param name                 the IUT's name
 * @param features             the optional features it claims, or null when it lists none
 * @param timers               timer hook name to value
 * @param expectedFailures     scenarios it is expected to fail: a failure is reported {@code xfail}, a pass
 *                             {@code upass}
 * @param acceptedAlternatives scenarios whose failure shows an alternative the profile accepts: reported
 *                             {@code lenient}
 */
public record ConformProfile(String name, List<String> features, Map<String, Duration> timers,
        List<Expectation> expectedFailures, List<Expectation> acceptedAlternatives) {

    /** The tag prefix of scenarios that need an optional feature. */
    public static final String REQUIRES = "@requires-";
    private static final Set<String> TIMERS = Set.of(Target.IDLE_TIMEOUT, Target.MINUTE_KEY_ROTATION,
            Target.REKEY_INTERVAL);

    public ConformProfile {
        features = features == null ? null : List.copyOf(features);
        timers = Map.copyOf(timers);
        expectedFailures = List.copyOf(expectedFailures);
        acceptedAlternatives = List.copyOf(acceptedAlternatives);
    }

    /** The profile of an IUT that said nothing about itself. */
    public static ConformProfile none() {
        return new ConformProfile("(no profile)", null, Map.of(), List.of(), List.of());
    }

    /**
     * Reads a profile file.
     *
     * @throws IllegalArgumentException naming the file and the problem, when it is malformed
     */
    public static ConformProfile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        try {
            return name.endsWith(".yaml") || name.endsWith(".yml") ? yaml(text) : properties(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A YAML profile: {@code name}, {@code features} (a list), {@code timers} (hook name to milliseconds),
     * {@code expected-failures} and {@code accepted-alternatives} (lists of {@code scenario} or
     * {@code requirement} with {@code reason}).
     */
    public static ConformProfile yaml(String text) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a profile is a YAML mapping");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!Set.of("name", "features", "timers", "expected-failures", "accepted-alternatives").contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }
        List<String> features = null;
        if (root.has("features")) {
            features = new ArrayList<>();
            for (JsonNode feature : root.get("features")) {
                features.add(feature.asText());
            }
        }
        Map<String, Duration> timers = new LinkedHashMap<>();
        root.path("timers").fields().forEachRemaining(e -> timers.put(timer(e.getKey()), millis(e.getValue().asText())));
        return new ConformProfile(root.path("name").asText("(unnamed)"), features, timers,
                expectations(root.path("expected-failures")), expectations(root.path("accepted-alternatives")));
    }

    /**
     * A properties profile: {@code name}, {@code features} (comma-separated), {@code timer.NAME} (ms),
     * {@code expected-failure.ID} or {@code expected-failure.scenario.NAME}, and likewise
     * {@code accepted-alternative.*}, each with the reason as value.
     */
    public static ConformProfile properties(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        List<String> features = null;
        Map<String, Duration> timers = new LinkedHashMap<>();
        List<Expectation> expected = new ArrayList<>();
        List<Expectation> accepted = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            if (key.equals("name")) {
                continue;
            } else if (key.equals("features")) {
                features = value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*"));
            } else if (key.startsWith("timer.")) {
                timers.put(timer(key.substring(6)), millis(value));
            } else if (key.startsWith("expected-failure.")) {
                expected.add(expectation(key.substring(17), value));
            } else if (key.startsWith("accepted-alternative.")) {
                accepted.add(expectation(key.substring(21), value));
            } else {
                throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }
        return new ConformProfile(p.getProperty("name", "(unnamed)"), features, timers, expected, accepted);
    }

    /** Whether the IUT claims {@code feature} (every feature, when the profile lists none). */
    public boolean claims(String feature) {
        return features == null || features.contains(feature);
    }

    /** The optional features a scenario's tags require that the profile does not claim. */
    public List<String> unclaimed(List<String> tags) {
        return tags.stream().filter(t -> t.startsWith(REQUIRES)).map(t -> t.substring(REQUIRES.length()))
                .filter(f -> !claims(f)).toList();
    }

    /** A tag expression that leaves out the scenarios needing a feature not claimed, or null when none is. */
    public String exclusion(java.util.Collection<String> allTags) {
        List<String> excluded = allTags.stream().filter(t -> t.startsWith(REQUIRES))
                .filter(t -> !claims(t.substring(REQUIRES.length()))).distinct().sorted().toList();
        return excluded.isEmpty() ? null : "not (" + String.join(" or ", excluded) + ")";
    }

    /** {@code result} as the profile sees it: an expected failure, an unexpected pass, an accepted alternative. */
    public ScenarioResult apply(ScenarioResult result) {
        Outcome outcome = result.outcome();
        if (outcome == Outcome.FAIL) {
            for (Expectation e : acceptedAlternatives) {
                if (e.matches(result)) {
                    return result.withOutcome(Outcome.PASS_LENIENT, "profile accepts an alternative (" + e.subject()
                            + "): " + e.reason());
                }
            }
        }
        for (Expectation e : expectedFailures) {
            if (e.matches(result)) {
                if (outcome == Outcome.FAIL) {
                    return result.withOutcome(Outcome.EXPECTED_FAIL, "expected failure (" + e.subject() + "): " + e.reason());
                }
                if (outcome.passed()) {
                    return result.withOutcome(Outcome.UNEXPECTED_PASS, "passed, though the profile expects it to fail ("
                            + e.subject() + "): " + e.reason());
                }
            }
        }
        return result;
    }

    private static List<Expectation> expectations(JsonNode list) {
        List<Expectation> expectations = new ArrayList<>();
        for (JsonNode entry : list) {
            String reason = entry.path("reason").asText(null);
            if (reason == null) {
                throw new IllegalArgumentException("every expectation needs a reason: " + entry);
            }
            expectations.add(new Expectation(entry.path("scenario").asText(null), entry.path("requirement").asText(null),
                    reason));
        }
        return expectations;
    }

    private static Expectation expectation(String subject, String reason) {
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("every expectation needs a reason: " + subject);
        }
        return subject.startsWith("scenario.") ? new Expectation(subject.substring(9), null, reason)
                : new Expectation(null, subject, reason);
    }

    private static String timer(String name) {
        if (!TIMERS.contains(name)) {
            throw new IllegalArgumentException("unknown timer hook '" + name + "', known: " + new java.util.TreeSet<>(TIMERS));
        }
        return name;
    }

    private static Duration millis(String value) {
        try {
            return Duration.ofMillis(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a timer is a number of milliseconds, not '" + value + "'", e);
        }
    }
}
