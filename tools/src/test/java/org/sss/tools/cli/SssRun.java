package org.sss.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the {@code sss} command line: its exit code and what it wrote to out and err. */
public record SssRun(int exit, String out, String err) {
    /** Runs {@code sss args...} in this JVM. */
    public static SssRun sss(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SssCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new SssRun(exit, out.toString(), err.toString());
    }

    /** The lines of out that contain {@code containing}. */
    public List<String> lines(String containing) {
        return Arrays.stream(out.split("\n")).filter(l -> l.contains(containing)).toList();
    }
}
