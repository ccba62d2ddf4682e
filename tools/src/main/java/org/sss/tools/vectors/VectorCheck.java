package org.sss.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

/**
 * Verifies every vector file of a directory against the reference implementation and prints one
 * line per file and one per failing test. A file whose area no registered checker handles is
 * listed as skipped and not counted.
 */
public final class VectorCheck {

    /**
     * The outcome of a check.
     *
     * @param files vector files checked
     * @param passed tests that passed
     * @param failed tests that failed
     */
    public record Summary(int files, int passed, int failed) {
        /** Whether every checked test passed. */
        public boolean ok() {
            return failed == 0;
        }
    }

    private final Map<String, VectorFileChecker> checkers = new LinkedHashMap<>();

    /** A checker with the wire-format areas registered. */
    public VectorCheck() {
        register(new WireFormatChecker());
    }

    /**
     * Adds a checker for its areas, replacing any earlier one for the same area.
     *
     * @return this, for chaining
     */
    public VectorCheck register(VectorFileChecker checker) {
        for (String area : checker.areas()) {
            checkers.put(area, checker);
        }
        return this;
    }

    /** The areas a checker is registered for. */
    public List<String> areas() {
        return List.copyOf(checkers.keySet());
    }

    /** Checks {@code vectorsDir} with the wire-format checkers. */
    public static Summary check(Path vectorsDir, PrintWriter out) {
        return new VectorCheck().run(vectorsDir, out);
    }

    /** Checks every {@code *.json} file of {@code vectorsDir} whose area has a checker. */
    public Summary run(Path vectorsDir, PrintWriter out) {
        int files = 0;
        int passed = 0;
        int failed = 0;
        for (Path path : VectorFiles.list(vectorsDir)) {
            String name = path.getFileName().toString();
            JsonNode file;
            try {
                file = VectorFiles.read(path);
            } catch (RuntimeException e) {
                out.printf("%s: FAILED, unreadable: %s%n", name, e.getMessage());
                files++;
                failed++;
                continue;
            }
            String area = file.path("area").asText();
            VectorFileChecker checker = checkers.get(area);
            if (checker == null) {
                out.printf("%s: skipped (no checker for area \"%s\")%n", name, area);
                continue;
            }
            files++;
            List<String> failures = new ArrayList<>();
            int filePassed = 0;
            for (VectorCase test : VectorFiles.cases(name, file)) {
                List<String> problems = problems(checker, test);
                if (problems.isEmpty()) {
                    filePassed++;
                } else {
                    for (String problem : problems) {
                        failures.add("  tcId " + test.tcId() + " (" + test.comment() + "): " + problem);
                    }
                    failed++;
                }
            }
            passed += filePassed;
            int fileFailed = VectorFiles.cases(name, file).size() - filePassed;
            out.printf("%s: %s, %d passed, %d failed%n", name, fileFailed == 0 ? "ok" : "FAILED", filePassed, fileFailed);
            failures.forEach(out::println);
        }
        out.printf("%d files, %d passed, %d failed%n", files, passed, failed);
        out.flush();
        return new Summary(files, passed, failed);
    }

    private static List<String> problems(VectorFileChecker checker, VectorCase test) {
        try {
            return checker.check(test);
        } catch (RuntimeException e) {
            return List.of("checker threw " + e);
        }
    }
}
