package org.sss.conformance.report;

import java.util.List;

/**
 * One scenario as its feature file declares it (an outline yields one per example row), read without
 * running it: where it is, its name and all its tags (the feature's and the rule's included).
 *
 * @param feature     the feature file's name, e.g. {@code 06-channel.feature}
 * @param line        the line of the scenario (of the example row, for an outline)
 * @param name        the scenario's name
 * @param featureName the name of the feature it belongs to, e.g. {@code 6 Channel}
 * @param tags        its tags with their {@code @}
 */
public record ScenarioDefinition(String feature, int line, String name, String featureName, List<String> tags) {
    public ScenarioDefinition {
        tags = List.copyOf(tags);
    }

    /** The stable key of the scenario across runs: {@code feature:line}. */
    public String key() {
        return key(feature, line);
    }

    /** The section of SPEC.md the feature file belongs to, from its name's prefix ({@code 06-...} is 6). */
    public String section() {
        return section(feature);
    }

    /** {@code feature:line}. */
    public static String key(String feature, int line) {
        return feature + ":" + line;
    }

    /**
     * The SPEC.md section of a feature file named {@code NN-topic.feature} (leading zeros dropped) or
     * {@code A-topic.feature} (an appendix); the whole base name when it has no such prefix.
     */
    public static String section(String featureFile) {
        String base = featureFile.endsWith(".feature") ? featureFile.substring(0, featureFile.length() - 8) : featureFile;
        int dash = base.indexOf('-');
        String prefix = dash > 0 ? base.substring(0, dash) : base;
        if (prefix.matches("\\d+")) {
            return String.valueOf(Integer.parseInt(prefix));
        }
        return prefix;
    }
}
