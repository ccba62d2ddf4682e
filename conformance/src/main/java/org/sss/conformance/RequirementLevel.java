package org.sss.conformance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * The strength of a SPEC.md requirement, the BCP 14 (RFC 2119, RFC 8174) keywords folded into
 * five levels: REQUIRED and SHALL count as MUST, RECOMMENDED as SHOULD, OPTIONAL as MAY.
 */
public enum RequirementLevel {
    MUST("MUST"),
    MUST_NOT("MUST NOT"),
    SHOULD("SHOULD"),
    SHOULD_NOT("SHOULD NOT"),
    MAY("MAY");

    private static final Map<String, RequirementLevel> KEYWORDS = Map.ofEntries(
            Map.entry("MUST", MUST),
            Map.entry("REQUIRED", MUST),
            Map.entry("SHALL", MUST),
            Map.entry("MUST NOT", MUST_NOT),
            Map.entry("SHALL NOT", MUST_NOT),
            Map.entry("SHOULD", SHOULD),
            Map.entry("RECOMMENDED", SHOULD),
            Map.entry("SHOULD NOT", SHOULD_NOT),
            Map.entry("NOT RECOMMENDED", SHOULD_NOT),
            Map.entry("MAY", MAY),
            Map.entry("OPTIONAL", MAY));

    private final String label;

    RequirementLevel(String label) {
        this.label = label;
    }

    /** The level as written in requirements.json and in reports, e.g. {@code MUST NOT}. */
    @JsonValue
    public String label() {
        return label;
    }

    /**
     * The level a BCP 14 keyword stands for.
     *
     * @param keyword one of the eleven BCP 14 keywords, upper case, words separated by one space
     * @throws IllegalArgumentException if {@code keyword} is not a BCP 14 keyword
     */
    public static RequirementLevel ofKeyword(String keyword) {
        RequirementLevel level = KEYWORDS.get(keyword);
        if (level == null) {
            throw new IllegalArgumentException("keyword is not a BCP 14 keyword: " + keyword);
        }
        return level;
    }

    /**
     * The level with the given label.
     *
     * @throws IllegalArgumentException if {@code label} is none of the five labels
     */
    @JsonCreator
    public static RequirementLevel ofLabel(String label) {
        for (RequirementLevel level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("label is not a requirement level: " + label);
    }
}
