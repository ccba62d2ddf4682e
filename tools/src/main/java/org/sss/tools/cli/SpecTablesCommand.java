package org.sss.tools.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.tools.spec.GeneratedFile;
import org.sss.tools.spec.GeneratedRegions;
import org.sss.tools.spec.KsyReader;
import org.sss.tools.spec.KsySpec;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.spec.SpecInputException;
import org.sss.tools.spec.SpecTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sss spec tables}: the layout and enum tables of SPEC.md, from sss.ksy. */
@Command(
        name = "tables",
        mixinStandardHelpOptions = true,
        header = "Regenerate or verify the layout and enum tables of SPEC.md (from sss.ksy).",
        description = {
            "Regenerate the tables between <!-- BEGIN LAYOUT type --> / <!-- END LAYOUT type -->",
            "and <!-- BEGIN ENUM enum --> / <!-- END ENUM enum --> markers in spec/SPEC.md",
            "from spec/sss.ksy."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.CHECK_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class SpecTablesCommand implements Callable<Integer> {

    @Mixin
    private RepoOption repo;

    @Option(names = "--check", description = "Change nothing; exit 1 if a table differs from what sss.ksy yields.")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepoLayout layout = repo.layout();
        Path markdown = layout.specMarkdown();
        String name = layout.display(markdown);
        if (!Files.isRegularFile(markdown)) {
            throw new SpecInputException(name + " does not exist");
        }
        KsySpec ksy = KsyReader.read(layout.ksy());
        GeneratedRegions.Rewrite rewrite =
                new SpecTables(ksy).apply(Files.readString(markdown, StandardCharsets.UTF_8), name);
        PrintWriter out = spec.commandLine().getOut();
        reportUntabulatedTypes(ksy, rewrite, out);
        if (check) {
            if (rewrite.stale().isEmpty()) {
                out.printf("%s: all %d generated tables are up to date%n", name, rewrite.regions().size());
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s: %d of %d generated tables are out of date: %s%n", name, rewrite.stale().size(),
                    rewrite.regions().size(), rewrite.stale());
            err.println("Regenerate them with: ./sss spec tables");
            return ExitCodes.CHECK_FAILED;
        }
        GeneratedFile.write(markdown, rewrite.text());
        out.printf("%s: %d of %d generated tables rewritten%n", name, rewrite.stale().size(), rewrite.regions().size());
        return ExitCodes.OK;
    }

    private static void reportUntabulatedTypes(KsySpec ksy, GeneratedRegions.Rewrite rewrite, PrintWriter out) {
        List<String> missing = new ArrayList<>();
        for (String type : ksy.types().keySet()) {
            if (!rewrite.regions().contains(new GeneratedRegions.Marker("LAYOUT", type))) {
                missing.add(type);
            }
        }
        if (!missing.isEmpty()) {
            out.printf("note: %d types of sss.ksy have no LAYOUT table: %s%n", missing.size(), String.join(", ", missing));
        }
    }
}
