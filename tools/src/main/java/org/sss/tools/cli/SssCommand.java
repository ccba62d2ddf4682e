package org.sss.tools.cli;

import java.io.PrintWriter;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sss} command: the entry point of the toolkit's command line. Each verb is one class
 * of this package, listed in {@code subcommands}.
 */
@Command(
        name = "sss",
        mixinStandardHelpOptions = true,
        versionProvider = SssVersion.class,
        description = {
            "Tools for SSS (Structured Secure Streams), a secure UDP transport with hereditary streams.",
            "Run `sss help COMMAND` for the options of a command."
        },
        subcommands = {
            SpecCommand.class,
            VectorsCommand.class,
            KeygenCommand.class,
            KeyCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            ConnectCommand.class,
            InteropCommand.class,
            ConformCommand.class,
            DissectCommand.class,
            FuzzCommand.class,
            ReplayCommand.class,
            CaptureCommand.class,
            CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.ANY_OK_LINE,
            ExitCodes.ANY_CHECK_FAILED_LINE,
            ExitCodes.USAGE_LINE,
            ExitCodes.BAD_INPUT_LINE,
            ExitCodes.INTERNAL_LINE,
        })
public final class SssCommand {

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: bad input is reported as {@link ExitCodes#BAD_INPUT} with its
     * problems, any other failure as {@link ExitCodes#INTERNAL} with its stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SssCommand());
        // `sss bench --workloads handshakes`: a workload may share its name with a subcommand of bench
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            if (exception instanceof SpecInputException input) {
                for (String problem : input.problems()) {
                    err.println("sss: " + problem);
                }
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("sss: internal error: " + exception);
            exception.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return commandLine;
    }
}
