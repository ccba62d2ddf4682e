package org.sss.tools.spec;

import org.sss.conformance.RequirementCatalog;

/** Turns SPEC.md into the content of {@code spec/requirements.json}. */
public final class SpecRequirements {

    private SpecRequirements() {
    }

    /**
     * The requirements.json document for {@code markdown}.
     *
     * @param documentName the name used in error messages
     * @throws SpecInputException listing every duplicate ID and every ID without a BCP 14 keyword
     */
    public static String toJson(String markdown, String documentName) {
        return new RequirementCatalog(RequirementExtractor.extract(markdown, documentName)).toJson();
    }
}
