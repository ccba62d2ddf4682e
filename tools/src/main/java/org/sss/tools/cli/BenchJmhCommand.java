package org.sss.tools.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sss.tools.bench.BaselineRatios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sss bench jmh [REGEX] [-- JMH options]}: the JMH benchmarks packaged in this jar. */
@Command(
        name = "jmh",
        mixinStandardHelpOptions = true,
        header = "Run the JMH benchmarks packaged in the sss jar.",
        description = {
            "Runs the benchmarks whose name matches REGEX (default: all of",
            "org.sss.tools.bench) with 1 fork, 2 warm-up and 3 measurement iterations",
            "of 1 s, unless JMH options after -- say otherwise, e.g.",
            "`sss bench jmh Channel -- -f 3 -prof gc` (`sss bench jmh -- -h` lists them).",
            "Then prints each benchmark that names a ceiling beside it, with the ratio",
            "of their medians."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the benchmarks ran",
            "2:usage error (more than one REGEX, a bad JMH option, no benchmark matches)",
            ExitCodes.INTERNAL_LINE,
        })
final class BenchJmhCommand implements Callable<Integer> {
    static final String ALL = "org\\.sss\\.tools\\.bench\\..*";
    private static final String END_OF_OPTIONS = "--";

    @Parameters(paramLabel = "REGEX", arity = "0..*",
            description = "Which benchmarks, a regular expression found in `package.Class.method`; JMH options follow --.")
    private List<String> arguments = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int dash = original.indexOf(END_OF_OPTIONS);
        List<String> jmhArguments = dash < 0 ? List.of() : original.subList(dash + 1, original.size());
        List<String> regexes = arguments.subList(0, arguments.size() - jmhArguments.size());
        if (regexes.size() > 1) {
            return Usage.error(spec, "at most one REGEX before --, got " + regexes
                    + "; JMH options and further patterns go after --");
        }
        CommandLineOptions jmh;
        try {
            jmh = new CommandLineOptions(jmhArguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            return Usage.error(spec, "JMH options after --: " + e.getMessage());
        }
        if (jmh.shouldHelp()) {
            jmh.showHelp();
            return ExitCodes.OK;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(jmh);
        if (!regexes.isEmpty()) {
            options.include(regexes.get(0));
        } else if (jmh.getIncludes().isEmpty()) {
            options.include(ALL);
        }
        if (!jmh.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!jmh.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!jmh.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!jmh.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        if (!jmh.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        Runner runner = new Runner(options.build());
        if (jmh.shouldList()) {
            runner.list();
            return ExitCodes.OK;
        }
        Collection<RunResult> results;
        try {
            results = runner.run();
        } catch (NoBenchmarksException e) {
            return Usage.error(spec, "no benchmark matches " + (regexes.isEmpty() ? jmh.getIncludes() : regexes.get(0))
                    + "; `sss bench jmh -- -l` lists them");
        }
        BaselineRatios.print(results, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
