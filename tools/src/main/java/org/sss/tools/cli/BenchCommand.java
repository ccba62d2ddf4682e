package org.sss.tools.cli;

import picocli.CommandLine.Command;

/** {@code sss bench}: the benchmarks, each printing its result beside a ceiling measured in the same run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Run the benchmarks: JMH, or handshakes per second over loopback UDP.",
        description = {
            "Each result is printed beside its ceiling, the bare Bouncy Castle crypto it",
            "cannot beat, measured in the same run, and as a ratio to it.",
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
