package org.sss.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sss.tools.spec.GeneratedFile;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.wireshark.WiresharkDissector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sss spec wireshark}: the Wireshark Lua dissector tools/wireshark/sss.lua, from sss.ksy and SPEC.md. */
@Command(
        name = "wireshark",
        mixinStandardHelpOptions = true,
        header = "Regenerate or verify tools/wireshark/sss.lua (from sss.ksy and SPEC.md).",
        description = {
            "Regenerate the Wireshark Lua dissector of the outer SSS packets: packet kinds, fields and",
            "magics from spec/sss.ksy; default port, length rules and requirement IDs from spec/SPEC.md.",
            "Load it with: tshark -X lua_script:tools/wireshark/sss.lua -r FILE.pcap"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.CHECK_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class SpecWiresharkCommand implements Callable<Integer> {

    @Mixin
    private RepoOption repo;

    @Option(names = "--check",
            description = "Change nothing; exit 1 if sss.lua differs from what sss.ksy and SPEC.md yield.")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RepoLayout layout = repo.layout();
        String lua = WiresharkDissector.generate(layout);
        Path file = WiresharkDissector.file(layout);
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            if (GeneratedFile.upToDate(file, lua)) {
                out.printf("%s is up to date%n", layout.display(file));
                return ExitCodes.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s is out of date with %s and %s%n", layout.display(file), layout.display(layout.ksy()),
                    layout.display(layout.specMarkdown()));
            err.println("Regenerate it with: ./sss spec wireshark");
            return ExitCodes.CHECK_FAILED;
        }
        boolean changed = GeneratedFile.write(file, lua);
        out.printf("%s %s%n", layout.display(file), changed ? "written" : "is up to date");
        return ExitCodes.OK;
    }
}
