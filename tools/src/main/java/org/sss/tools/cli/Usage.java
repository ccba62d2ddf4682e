package org.sss.tools.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A usage error found after parsing, reported as picocli reports one found while parsing: the
 * message, then the command's usage, on standard error.
 */
final class Usage {
    private Usage() {
    }

    /** Prints {@code message} and the usage of {@code spec}'s command; returns {@link ExitCodes#USAGE}. */
    static int error(CommandSpec spec, String message) {
        CommandLine commandLine = spec.commandLine();
        PrintWriter err = commandLine.getErr();
        err.println(message);
        commandLine.usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }
}
