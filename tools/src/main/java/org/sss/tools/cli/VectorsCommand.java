package org.sss.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sss.spec.vectors.VectorFiles;
import org.sss.tools.spec.SpecInputException;
import org.sss.tools.vectors.VectorCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sss vectors}: every test vector checked against the reference implementation. */
@Command(
        name = "vectors",
        mixinStandardHelpOptions = true,
        header = "Verify the test vectors (spec/vectors/*.json) against the reference implementation.",
        description = {
            "Check every test of every vector file with the reference implementation:",
            "wire-format inputs are decoded and re-encoded, crypto.json is recomputed,",
            "and handshake.json is replayed from the receiving side. Prints one line per",
            "file, every problem of a failing test with its expected and actual values,",
            "and the summary line `vectors: N passed, M failed`. A file whose area has",
            "no checker counts as a failure."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.VECTORS_OK_LINE,
            ExitCodes.VECTORS_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class VectorsCommand implements Callable<Integer> {

    @Mixin
    private RepoOption repo;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The directory of vector files (default: spec/vectors of the repository).")
    private Path dir;

    @Option(names = "--area", paramLabel = "AREA",
            description = "Check only the files of this area (repeatable): ${COMPLETION-CANDIDATES}.",
            completionCandidates = Areas.class)
    private List<String> areas = List.of();

    @Option(names = {"-q", "--quiet"}, description = "List only failing files; the summary line is always printed.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        VectorCheck check = new VectorCheck();
        Set<String> selected = new LinkedHashSet<>(areas);
        for (String area : selected) {
            if (!check.areas().contains(area)) {
                throw new ParameterException(spec.commandLine(), "Unknown area '" + area + "' for option '--area' "
                        + "(known areas: " + String.join(", ", check.areas()) + ")");
            }
        }
        Path vectors = dir != null ? dir : repo.layout().vectors();
        if (!Files.isDirectory(vectors)) {
            throw new SpecInputException(vectors + " is not a directory");
        }
        if (VectorFiles.list(vectors).isEmpty()) {
            throw new SpecInputException(vectors + " holds no *.json vector files");
        }
        PrintWriter out = spec.commandLine().getOut();
        VectorCheck.Summary summary = check.run(vectors, selected, quiet, out);
        return summary.ok() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** The areas {@code --area} accepts, for the help text. */
    static final class Areas implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return new VectorCheck().areas().iterator();
        }
    }
}
