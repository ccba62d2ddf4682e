package org.sss.tools.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sss.tools.spec.GeneratedFile;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.spec.SpecInputException;
import org.sss.tools.spec.SpecRequirements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sss spec requirements}: spec/requirements.json, the requirement IDs of SPEC.md. */
@Command(
        name = "requirements",
        mixinStandardHelpOptions = true,
        header = "Regenerate or verify spec/requirements.json (from SPEC.md).",
        description = {
            "Regenerate spec/requirements.json from the [REQ-ID] sentences of spec/SPEC.md:",
            "ID, BCP 14 level, section and sentence of every requirement, in document order.",
            "Duplicate IDs and IDs without a BCP 14 keyword are errors."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.CHECK_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class SpecRequirementsCommand implements Callable<Integer> {

    @Mixin
    private RepoOption repo;

    @Option(names = "--check", description = "Change nothing; exit 1 if requirements.json differs from what SPEC.md yields.")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepoLayout layout = repo.layout();
        Path markdown = layout.specMarkdown();
        if (!Files.isRegularFile(markdown)) {
            throw new SpecInputException(layout.display(markdown) + " does not exist");
        }
        String json = SpecRequirements.toJson(Files.readString(markdown, StandardCharsets.UTF_8), layout.display(markdown));
        Path target = layout.requirementsJson();
        String name = layout.display(target);
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            if (GeneratedFile.upToDate(target, json)) {
                out.printf("%s is up to date%n", name);
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s is out of date with %s%n", name, layout.display(markdown));
            err.println("Regenerate it with: ./sss spec requirements");
            return ExitCodes.CHECK_FAILED;
        }
        boolean changed = GeneratedFile.write(target, json);
        out.printf("%s %s%n", name, changed ? "written" : "is up to date");
        return ExitCodes.OK;
    }
}
