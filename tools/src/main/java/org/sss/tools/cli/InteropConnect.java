package org.sss.tools.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sss.conformance.target.Initiator;
import org.sss.conformance.target.InitiatorRequest;
import org.sss.conformance.target.InitiatorResult;
import picocli.CommandLine;

/**
 * The reference implementation in the initiator role, in this JVM: {@code sss connect --strict HOST
 * PORT KEY SERVICE [ARGS]} run through the real {@link ConnectCommand} with standard input and output
 * redirected, exactly what the command template {@code sss connect --strict {host} {port} {key}
 * {service}} does, without a JVM start per run. The default initiator of {@code sss conform} and
 * {@code sss interop}.
 */
public final class InteropConnect implements Initiator {
    @Override
    public InitiatorResult run(InitiatorRequest request) {
        List<String> args = new ArrayList<>(List.of("connect", "--strict", request.host(),
                Integer.toString(request.port()), request.keyHex(), request.service()));
        args.addAll(request.serviceArguments());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(stderr, true));
        ((ConnectCommand) commandLine.getSubcommands().get("connect").getCommand())
                .standardStreams(new ByteArrayInputStream(request.stdin()), stdout);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> exit.complete(commandLine.execute(args.toArray(String[]::new))),
                "sss-connect-in-process");
        runner.setDaemon(true);
        runner.start();
        try {
            int code = exit.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new InitiatorResult(code, stdout.toByteArray(), stderr.toString(), false);
        } catch (TimeoutException e) {
            runner.interrupt();
            return new InitiatorResult(-1, stdout.toByteArray(), stderr.toString(), true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sss connect failed in-process", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sss connect ran", e);
        }
    }

    @Override
    public String description() {
        return "reference implementation (sss connect --strict, in-process)";
    }
}
