package org.sss.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sss.tools.bench.profile.HotMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sss bench profile FILE.jfr}: where a benchmark's time went, from a JFR recording. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        header = "Summarise a JFR recording of a benchmark: where the time goes.",
        description = {
            "Counts the top frame of every execution sample (Java code running) and every",
            "native-method sample (a thread in JNI or a system call, e.g. quiche or sendmmsg;",
            "threads waiting for work are left out), per part of the stack (Bouncy Castle,",
            "SSS, Netty epoll, netty-quic, JDK TLS, ...) and per method. Record with e.g.",
            "  java -XX:StartFlightRecording=filename=sss.jfr,settings=profile \\",
            "       -jar tools/target/sss-cli.jar bench --contenders sss --workloads bulk"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the summary was printed",
            "2:usage error (no such file, a value out of range)",
            ExitCodes.INTERNAL_LINE,
        })
final class BenchProfileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.jfr", description = "The recording.")
    private Path recording;

    @Option(names = "--thread", paramLabel = "PREFIX", defaultValue = "",
            description = "Only samples of threads whose name starts with PREFIX (default: every thread).")
    private String threadPrefix;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Methods to list, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    private int top;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(recording)) {
            return Usage.error(spec, "no such recording: " + recording);
        }
        if (top < 1 || top > 1000) {
            return Usage.error(spec, "--top must be between 1 and 1000, got " + top);
        }
        spec.commandLine().getOut().print(HotMethods.read(recording, threadPrefix, top).format());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
