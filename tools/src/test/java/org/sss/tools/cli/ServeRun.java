package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** One {@code sss serve} run on its own thread, its standard input a pipe the test closes. */
final class ServeRun {
    /** The ready line of IUT.md section 1 on loopback: address, port, key. */
    static final Pattern READY =
            Pattern.compile("sss serve: listening udp (127\\.0\\.0\\.1):(\\d+) key ([0-9a-f]{64})\n");
    /** How long the fixture waits for the ready line and the exit; generous, never a speed assertion. */
    static final long WAIT_SECONDS = 30;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final PipedOutputStream stdin = new PipedOutputStream();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    static ServeRun start(String... options) throws IOException {
        ServeRun server = new ServeRun();
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(server.out, true));
        commandLine.setErr(new PrintWriter(server.err, true));
        ((ServeCommand) commandLine.getSubcommands().get("serve").getCommand())
                .stdin(new PipedInputStream(server.stdin));
        String[] args = new String[options.length + 1];
        args[0] = "serve";
        System.arraycopy(options, 0, args, 1, options.length);
        Thread thread = new Thread(() -> {
            try {
                server.exit.complete(commandLine.execute(args));
            } catch (Throwable t) {
                server.exit.completeExceptionally(t);
            }
        }, "serve-under-test");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /** Waits for the ready line and matches it. */
    Matcher awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher matcher = READY.matcher(out.toString());
            if (matcher.lookingAt()) {
                return matcher;
            }
            assertThat(exit).as("serve ended early: %s", err).isNotDone();
            Thread.sleep(10);
        }
        throw new AssertionError("no ready line within " + WAIT_SECONDS + " s; stdout: " + out + " stderr: " + err);
    }

    /** Closes standard input and returns the exit code. */
    int stop() throws Exception {
        stdin.close();
        return exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
