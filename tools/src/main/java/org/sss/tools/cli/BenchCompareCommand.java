package org.sss.tools.cli;

import picocli.CommandLine.Command;

/** {@code sss bench compare}: the same as {@code sss bench} with no subcommand. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        header = "SSS beside QUIC (quiche) and TLS 1.3 over TCP, and the UDP and crypto ceilings, on loopback.",
        description = BenchCommand.DESCRIPTION,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every workload ran or is n/a (the report says why)",
            "1:a workload failed for a contender (the report says which and why)",
            "2:usage error (unknown option, a value out of range)",
            ExitCodes.INTERNAL_LINE,
        })
final class BenchCompareCommand extends BenchCompareCall {
}
