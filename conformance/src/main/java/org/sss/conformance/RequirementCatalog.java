package org.sss.conformance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The requirements of SPEC.md in document order, as stored in {@code spec/requirements.json}
 * (schema {@value #SCHEMA}). {@code sss spec requirements} writes the file; the suite reads it
 * to know which requirement IDs exist and which of them are MUSTs.
 */
public final class RequirementCatalog {

    /** The value of the file's {@code schema} member. */
    public static final String SCHEMA = "sss-requirements/1";

    /** Where the {@code sss-spec} jar carries requirements.json. */
    public static final String RESOURCE = "/org/sss/spec/requirements.json";

    private static final String SOURCE = "SPEC.md";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Requirement> requirements;
    private final Map<String, Requirement> byId;

    /**
     * @param requirements in document order
     * @throws IllegalArgumentException if two requirements share an ID
     */
    public RequirementCatalog(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
        Map<String, Requirement> index = new LinkedHashMap<>();
        for (Requirement requirement : this.requirements) {
            if (index.putIfAbsent(requirement.id(), requirement) != null) {
                throw new IllegalArgumentException("requirements contain " + requirement.id() + " twice");
            }
        }
        this.byId = Map.copyOf(index);
    }

    /**
     * Reads the catalog that the {@code sss-spec} jar carries.
     *
     * @throws IllegalStateException if the jar has no requirements.json
     */
    public static RequirementCatalog load() {
        try (InputStream in = RequirementCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "no " + RESOURCE + " on the class path; generate it with `./sss spec requirements`");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a requirements.json document.
     *
     * @throws IllegalArgumentException if the document is not of schema {@value #SCHEMA}, or its
     *                                  {@code count} disagrees with its list
     */
    public static RequirementCatalog read(InputStream json) throws IOException {
        Document document = MAPPER.readValue(json, Document.class);
        if (!SCHEMA.equals(document.schema())) {
            throw new IllegalArgumentException("schema is " + document.schema() + ", expected " + SCHEMA);
        }
        if (document.requirements() == null || document.count() != document.requirements().size()) {
            throw new IllegalArgumentException("count " + document.count() + " disagrees with the list of requirements");
        }
        return new RequirementCatalog(document.requirements());
    }

    /** The document that {@link #read} reads back, two-space indented, ending with a newline. */
    public String toJson() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer)
                    .writeValueAsString(new Document(SCHEMA, SOURCE, requirements.size(), requirements)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("requirements do not serialise", e);
        }
    }

    /** All requirements in document order. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /** The requirement with this ID, if SPEC.md defines it. */
    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The IDs of every requirement at {@code level}, in document order. */
    public Set<String> idsAt(RequirementLevel level) {
        Set<String> ids = new LinkedHashSet<>();
        for (Requirement requirement : requirements) {
            if (requirement.level() == level) {
                ids.add(requirement.id());
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    @JsonPropertyOrder({"schema", "source", "count", "requirements"})
    private record Document(String schema, String source, int count, List<Requirement> requirements) {
    }
}
