package org.sss.tools.cli;

import picocli.CommandLine.Command;

/** {@code sss bench}: the benchmarks, each printing its result beside a ceiling measured in the same run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Run the benchmarks: JMH, handshakes per second, or streams over loopback UDP.",
        description = {
            "Each result is printed beside a baseline measured in the same run (the bare",
            "Bouncy Castle crypto, or crypto plus UDP, that it cannot beat), and as a ratio.",
            "tools/BENCHMARKS.md describes every benchmark."
        },
        subcommands = {
            BenchJmhCommand.class,
            BenchHandshakesCommand.class,
            BenchStreamsCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the benchmarks ran",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class BenchCommand {
}
