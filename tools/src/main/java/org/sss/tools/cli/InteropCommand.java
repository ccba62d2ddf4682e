package org.sss.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.tools.interop.Implementation;
import org.sss.tools.interop.Interop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sss interop}: the initiator-role exchanges between any two implementations given by their
 * contract commands (conformance/IUT.md), as a matrix; the reference implementation on both sides
 * when none is given.
 */
@Command(
        name = "interop",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run the test services between implementations and print an interop matrix.",
        description = {
            "For every pair (initiator, responder) of the implementations given with --impl,",
            "starts the responder with its serve command, reads its ready line (IUT.md",
            "section 1), and runs the initiator's connect command (IUT.md section 2) for",
            "echo, discard, source and datagram-echo through a UDP relay that records every",
            "datagram and checks its cleartext layout (magics, sizes, HELLO padding, rising",
            "nonce counters). A service passes when the initiator exits 0, prints what the",
            "service must return, and the relay saw no rule broken.",
            "",
            "Rows are initiators, columns responders; each cell counts the services that",
            "passed. Without --impl the reference implementation plays both sides.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every service passed in every pair",
            "1:a service failed in some pair, or a responder did not start",
            ExitCodes.USAGE_LINE,
            ExitCodes.INTERNAL_LINE,
        })
final class InteropCommand implements Callable<Integer> {
    @Option(names = "--impl", paramLabel = "NAME=SERVE_CMD,CONNECT_CMD",
            description = "An implementation: its name, the command that starts it as a responder (no comma; it "
                    + "prints the ready line and stops at the end of standard input), and the command template "
                    + "that runs it as an initiator, with {host}, {port}, {key}, {service} and optionally {args}. "
                    + "Repeatable (default: the reference implementation).")
    private List<String> implementations = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "30000",
            description = "The longest a responder may take to print its ready line, and an initiator to finish "
                    + "one service (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the services' random input (default: random).")
    private Long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<Implementation> parsed = new ArrayList<>();
        try {
            ServeChannelSettings.requireRange("--timeout", timeoutMs, 1, Long.MAX_VALUE / 1_000_000);
            for (String text : implementations) {
                parsed.add(Implementation.parse(text));
            }
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        if (parsed.isEmpty()) {
            parsed.add(reference());
        }
        long actualSeed = seed != null ? seed : new SecureRandom().nextLong();
        PrintWriter out = spec.commandLine().getOut();
        out.println("sss interop: seed " + actualSeed);
        boolean passed = Interop.run(parsed, Duration.ofMillis(timeoutMs), actualSeed, out);
        return passed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** This JVM's reference implementation: {@code sss serve} as a process, {@code sss connect} in-process. */
    static Implementation reference() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Implementation("reference", List.of(java, "-cp", System.getProperty("java.class.path"),
                SssCommand.class.getName(), "serve", "--listen", "127.0.0.1:0", "--generate-key", "--exit-on-stdin-eof"),
                InteropConnect::new);
    }
}
