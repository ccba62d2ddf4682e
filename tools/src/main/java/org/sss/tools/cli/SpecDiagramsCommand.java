package org.sss.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sss.tools.spec.GeneratedFile;
import org.sss.tools.spec.GraphvizDot;
import org.sss.tools.spec.KaitaiGraphviz;
import org.sss.tools.spec.RepoLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sss spec diagrams}: the Graphviz diagrams of sss.ksy in spec/diagrams. */
@Command(
        name = "diagrams",
        mixinStandardHelpOptions = true,
        header = "Regenerate or verify spec/diagrams/sss.dot and sss.svg (from sss.ksy).",
        description = {
            "Regenerate spec/diagrams/sss.dot with the Kaitai Struct compiler's Graphviz target",
            "and, when Graphviz's dot is installed, render it to spec/diagrams/sss.svg."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.CHECK_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class SpecDiagramsCommand implements Callable<Integer> {

    static final String DOT_FILE = "sss.dot";
    static final String SVG_FILE = "sss.svg";

    @Mixin
    private RepoOption repo;

    @Option(names = "--check", description = "Change nothing; exit 1 if sss.dot differs from what sss.ksy yields (sss.svg is not compared).")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepoLayout layout = repo.layout();
        String dot = KaitaiGraphviz.compile(layout.ksy());
        Path dotFile = layout.diagrams().resolve(DOT_FILE);
        Path svgFile = layout.diagrams().resolve(SVG_FILE);
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            if (GeneratedFile.upToDate(dotFile, dot)) {
                out.printf("%s is up to date%n", layout.display(dotFile));
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s is out of date with %s%n", layout.display(dotFile), layout.display(layout.ksy()));
            err.println("Regenerate it with: ./sss spec diagrams");
            return ExitCodes.CHECK_FAILED;
        }
        boolean changed = GeneratedFile.write(dotFile, dot);
        out.printf("%s %s%n", layout.display(dotFile), changed ? "written" : "is up to date");
        Optional<GraphvizDot> graphviz = GraphvizDot.find();
        if (graphviz.isEmpty()) {
            out.printf("%s not rendered: Graphviz's dot is not installed (Debian: apt-get install graphviz)%n",
                    layout.display(svgFile));
        } else if (changed || !Files.isRegularFile(svgFile)) {
            graphviz.get().renderSvg(dotFile, svgFile);
            out.printf("%s rendered%n", layout.display(svgFile));
        } else {
            out.printf("%s is up to date%n", layout.display(svgFile));
        }
        return ExitCodes.OK;
    }
}
