package org.sss.tools.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
final class BenchCompareCommand implements Callable<Integer> {
    @Mixin
    private BenchCompareOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return options.run(spec, spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
    }
}
