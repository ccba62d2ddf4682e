package org.sss.tools.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code sss bench} (with no subcommand) and {@code sss bench compare} both do: take the
 * {@link BenchCompareOptions} and run the comparison. Picocli reads the fields of this superclass.
 */
abstract class BenchCompareCall implements Callable<Integer> {
    @Mixin
    private BenchCompareOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return options.run(spec, spec.commandLine().getParseResult().originalArgs().toArray(String[]::new));
    }
}
