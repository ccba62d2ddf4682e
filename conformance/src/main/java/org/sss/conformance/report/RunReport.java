package org.sss.conformance.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The document {@code results.json} (schema {@value #SCHEMA}): every scenario result of a run (of every
 * run, with {@code --repeat}), in the order the scenarios finished.
 *
 * @param schema   {@value #SCHEMA}
 * @param target   the implementation under test, as its target describes itself, or null when not known
 * @param started  when the run started (ISO-8601)
 * @param finished when it finished (ISO-8601)
 * @param results  one entry per scenario and run
 */
@JsonPropertyOrder({"schema", "target", "started", "finished", "results"})
public record RunReport(String schema, String target, String started, String finished, List<ScenarioResult> results) {
    /** The {@code schema} member. */
    public static final String SCHEMA = "sss-conformance-results/1";
    /** The file name in the report directory. */
    public static final String FILE = "results.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunReport {
        results = List.copyOf(results);
    }

    /** Writes {@link #FILE} into {@code directory}; returns its path. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        JSON.writeValue(file.toFile(), this);
        return file;
    }

    /**
     * Reads a results file.
     *
     * @throws IOException when it cannot be read or is not of schema {@value #SCHEMA}
     */
    public static RunReport read(Path file) throws IOException {
        RunReport report = JSON.readValue(file.toFile(), RunReport.class);
        if (!SCHEMA.equals(report.schema())) {
            throw new IOException(file + " has schema " + report.schema() + ", expected " + SCHEMA);
        }
        return report;
    }
}
