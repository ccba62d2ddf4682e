package org.sss.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

/**
 * Verifies every vector file of a directory against the reference implementation and prints one
 * line per file, one per problem of a failing test, and the summary line
 * {@code vectors: N passed, M failed}.
 *
 * <p>Every area of spec/vectors has a checker, so a file whose area has none is a failure, as are
 * an unreadable file, a file whose {@code schema} or {@code numberOfTests} is wrong (one failure
 * each), and an area asked for that no file has.
 */
public final class VectorCheck {

    /**
     * The outcome of a check.
     *
     * @param files vector files checked
     * @param passed tests that passed
     * @param failed tests that failed, plus one per file-level problem
     */
    public record Summary(int files, int passed, int failed) {
        /** Whether every checked test passed. */
        public boolean ok() {
            return failed == 0;
        }
    }

    private final Map<String, VectorFileChecker> checkers = new LinkedHashMap<>();

    /** A checker with every area of spec/vectors registered: the wire-format areas, crypto and handshake. */
    public VectorCheck() {
        register(new WireFormatChecker());
        register(new CryptoVectorChecker());
        register(new HandshakeVectorChecker());
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

    /** Checks every file of {@code vectorsDir} with the default checkers. */
    public static Summary check(Path vectorsDir, PrintWriter out) {
        return new VectorCheck().run(vectorsDir, out);
    }

    /** Checks every {@code *.json} file of {@code vectorsDir}, listing each file. */
    public Summary run(Path vectorsDir, PrintWriter out) {
        return run(vectorsDir, Set.of(), false, out);
    }

    /**
     * Checks the {@code *.json} files of {@code vectorsDir}.
     *
     * @param areas the areas to check; empty for every file
     * @param quiet list only failing files (the summary line is always printed)
     */
    public Summary run(Path vectorsDir, Set<String> areas, boolean quiet, PrintWriter out) {
        int files = 0;
        int passed = 0;
        int failed = 0;
        Set<String> seen = new HashSet<>();
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
            if (!areas.isEmpty() && !areas.contains(area)) {
                continue;
            }
            seen.add(area);
            files++;
            VectorFileChecker checker = checkers.get(area);
            if (checker == null) {
                out.printf("%s: FAILED, no checker for area \"%s\" (known areas: %s)%n", name, area,
                        String.join(", ", checkers.keySet()));
                failed++;
                continue;
            }
            FileResult result = checkFile(name, file, checker);
            passed += result.passed();
            failed += result.failed();
            if (result.failed() == 0) {
                if (!quiet) {
                    out.printf("%s: %d passed%n", name, result.passed());
                }
            } else {
                out.printf("%s: FAILED, %d passed, %d failed%n", name, result.passed(), result.failed());
                result.lines().forEach(out::println);
            }
        }
        Set<String> missing = new LinkedHashSet<>(areas);
        missing.removeAll(seen);
        for (String area : missing) {
            out.printf("area %s: FAILED, no vector file in %s has this area%n", area, vectorsDir);
            failed++;
        }
        out.printf("vectors: %d passed, %d failed%n", passed, failed);
        out.flush();
        return new Summary(files, passed, failed);
    }

    /** The tests of one file that passed, the failures (tests and file-level problems), and their lines. */
    private record FileResult(int passed, int failed, List<String> lines) {
    }

    private static FileResult checkFile(String name, JsonNode file, VectorFileChecker checker) {
        List<String> lines = new ArrayList<>();
        int failed = 0;
        List<VectorCase> cases = VectorFiles.cases(name, file);
        for (String problem : fileProblems(file, cases)) {
            lines.add("  file: " + problem);
            failed++;
        }
        VectorFileChecker bound;
        try {
            bound = checker.forFile(file);
        } catch (RuntimeException e) {
            lines.add("  file: " + describe(e));
            return new FileResult(0, failed + Math.max(1, cases.size()), lines);
        }
        int passed = 0;
        for (VectorCase test : cases) {
            List<String> problems = problems(bound, test);
            if (problems.isEmpty()) {
                passed++;
            } else {
                for (String problem : problems) {
                    lines.add("  tcId " + test.tcId() + " [" + test.groupType() + "] (" + test.comment() + "): " + problem);
                }
                failed++;
            }
        }
        return new FileResult(passed, failed, lines);
    }

    /** The schema id, the test count the file announces, and unique tcIds. */
    private static List<String> fileProblems(JsonNode file, List<VectorCase> cases) {
        List<String> problems = new ArrayList<>();
        String schema = file.path("schema").asText();
        if (!VectorFiles.SCHEMA.equals(schema)) {
            problems.add("schema: expected " + VectorFiles.SCHEMA + ", actual " + schema);
        }
        JsonNode announced = file.get("numberOfTests");
        if (announced == null || !announced.isIntegralNumber() || announced.intValue() != cases.size()) {
            problems.add("numberOfTests: expected " + cases.size() + " (the tests in the file), actual " + announced);
        }
        Set<Integer> ids = new HashSet<>();
        for (VectorCase test : cases) {
            if (!ids.add(test.tcId())) {
                problems.add("tcId " + test.tcId() + " is used by more than one test");
            }
        }
        return problems;
    }

    private static List<String> problems(VectorFileChecker checker, VectorCase test) {
        try {
            return checker.check(test);
        } catch (RuntimeException e) {
            return List.of(describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        return e instanceof MalformedVectorException ? "malformed test: " + e.getMessage() : "checker threw " + e;
    }
}
