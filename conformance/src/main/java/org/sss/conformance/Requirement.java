package org.sss.conformance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One requirement of SPEC.md: the sentence that carries a requirement ID such as
 * {@code [FRM-STREAM-7]}, with its BCP 14 level and the section it sits in.
 *
 * @param id           the stable ID, e.g. {@code FRM-STREAM-7}
 * @param level        the strength of its BCP 14 keyword
 * @param section      the section number, e.g. {@code 7.2}; empty before the first numbered heading
 * @param sectionTitle the section title, e.g. {@code STREAM}
 * @param text         the sentence, Markdown lightly removed, without the ID itself
 */
@JsonPropertyOrder({"id", "level", "section", "sectionTitle", "text"})
public record Requirement(String id, RequirementLevel level, String section, String sectionTitle, String text) {

    /** The form of a requirement ID: two to four capitals, then one or more dash-separated parts. */
    public static final Pattern ID = Pattern.compile("[A-Z]{2,4}(?:-[A-Z0-9]+)+");

    /**
     * @throws IllegalArgumentException if {@code id} does not have the form of {@link #ID}
     */
    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(sectionTitle, "sectionTitle");
        Objects.requireNonNull(text, "text");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id is not a requirement ID: " + id);
        }
    }
}
