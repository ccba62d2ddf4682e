package org.sss.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sss.conformance.Requirement;
import org.sss.conformance.RequirementCatalog;
import org.sss.conformance.RequirementLevel;

/**
 * Reads a scenario's tags the way the issue fixes them: requirement IDs ({@code @NEG-COOKIE-3}) and a
 * level ({@code @must}, {@code @must-not}, {@code @should}, {@code @should-not}, {@code @may}).
 */
public final class ScenarioTags {
    private static final Map<String, RequirementLevel> LEVEL_TAGS = Map.of(
            "@must", RequirementLevel.MUST,
            "@must-not", RequirementLevel.MUST_NOT,
            "@should", RequirementLevel.SHOULD,
            "@should-not", RequirementLevel.SHOULD_NOT,
            "@may", RequirementLevel.MAY);

    private final RequirementCatalog catalog;

    public ScenarioTags(RequirementCatalog catalog) {
        this.catalog = catalog;
    }

    /** The requirement IDs among {@code tags} that SPEC.md defines, in tag order. */
    public List<String> requirements(List<String> tags) {
        List<String> ids = new ArrayList<>();
        for (String tag : tags) {
            String id = idOf(tag);
            if (id != null && catalog.find(id).isPresent() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Tags that have the form of a requirement ID but name none of SPEC.md (typos, removed requirements). */
    public List<String> unknownRequirements(List<String> tags) {
        List<String> ids = new ArrayList<>();
        for (String tag : tags) {
            String id = idOf(tag);
            if (id != null && catalog.find(id).isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The scenario's level: the strongest of its level tags, else the strongest level of its requirements,
     * else MUST (a scenario that says nothing is taken as seriously as possible).
     */
    public RequirementLevel level(List<String> tags) {
        RequirementLevel fromTags = null;
        for (String tag : tags) {
            fromTags = stronger(fromTags, LEVEL_TAGS.get(tag));
        }
        if (fromTags != null) {
            return fromTags;
        }
        RequirementLevel fromRequirements = null;
        for (String id : requirements(tags)) {
            fromRequirements = stronger(fromRequirements, catalog.find(id).map(Requirement::level).orElse(null));
        }
        return fromRequirements != null ? fromRequirements : RequirementLevel.MUST;
    }

    /** Whether a level is MUST or MUST NOT. */
    public static boolean isMust(RequirementLevel level) {
        return level == RequirementLevel.MUST || level == RequirementLevel.MUST_NOT;
    }

    private static String idOf(String tag) {
        String id = tag.startsWith("@") ? tag.substring(1) : tag;
        return Requirement.ID.matcher(id).matches() ? id : null;
    }

    /** MUST and MUST NOT outrank SHOULD and SHOULD NOT, which outrank MAY; the enum's order says so. */
    private static RequirementLevel stronger(RequirementLevel a, RequirementLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return rank(b) < rank(a) ? b : a;
    }

    private static int rank(RequirementLevel level) {
        return switch (level) {
            case MUST, MUST_NOT -> 0;
            case SHOULD, SHOULD_NOT -> 1;
            case MAY -> 2;
        };
    }
}
