package org.sss.tools.cli;

import picocli.CommandLine.Command;

/**
 * {@code sss spec}: the verbs that regenerate or verify the generated parts of {@code spec/} and the
 * Wireshark dissector generated from it.
 */
@Command(
        name = "spec",
        mixinStandardHelpOptions = true,
        header = "Regenerate or verify the generated parts of spec/ and tools/wireshark/.",
        description = {
            "Each verb rewrites files generated from spec/sss.ksy or spec/SPEC.md;",
            "with --check it changes nothing and exits 1 when a committed file is out of date."
        },
        subcommands = {
            SpecTablesCommand.class,
            SpecRequirementsCommand.class,
            SpecDiagramsCommand.class,
            SpecWiresharkCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            ExitCodes.CHECK_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class SpecCommand {
}
