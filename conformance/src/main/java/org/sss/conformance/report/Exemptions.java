package org.sss.conformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sss.conformance.Requirement;

/**
 * The requirements that no black-box observation over UDP can decide (internal state, memory erasure,
 * the quality of a random generator, a local API), each with the reason: {@code
 * conformance/untestable-requirements.tsv}, one {@code ID<TAB>reason} a line, {@code #} starts a
 * comment. The build packs it as {@value #RESOURCE}. The traceability report lists them as "not
 * observable" instead of uncovered.
 */
public final class Exemptions {
    /** Where the build puts the file on the class path. */
    public static final String RESOURCE = "/org/sss/conformance/report/untestable-requirements.tsv";

    private final Map<String, String> reasons;

    public Exemptions(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** None. */
    public static Exemptions none() {
        return new Exemptions(Map.of());
    }

    /** The suite's file, from the class path. */
    public static Exemptions load() {
        try (InputStream in = Exemptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path (conformance/pom.xml packs "
                        + "conformance/untestable-requirements.tsv there)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException naming the line, when a line is not {@code ID<TAB>reason} with a
     *                                  well-formed ID and a non-empty reason, or names an ID twice
     */
    public static Exemptions parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = lines[i].indexOf('\t');
            String id = tab < 0 ? "" : lines[i].substring(0, tab).strip();
            String reason = tab < 0 ? "" : lines[i].substring(tab + 1).strip();
            if (!Requirement.ID.matcher(id).matches() || reason.isEmpty()) {
                throw new IllegalArgumentException("untestable-requirements.tsv:" + (i + 1)
                        + ": expected ID<TAB>reason, got '" + line + "'");
            }
            if (reasons.putIfAbsent(id, reason) != null) {
                throw new IllegalArgumentException("untestable-requirements.tsv:" + (i + 1) + ": " + id + " twice");
            }
        }
        return new Exemptions(reasons);
    }

    /** ID to reason, in file order. */
    public Map<String, String> reasons() {
        return reasons;
    }

    /** Why {@code id} cannot be observed, or null when it is not exempted. */
    public String reason(String id) {
        return reasons.get(id);
    }
}
