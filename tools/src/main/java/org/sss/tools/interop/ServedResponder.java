package org.sss.tools.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sss.conformance.target.Targets;

/**
 * A responder started from its serve command (conformance/IUT.md section 1): the process is started,
 * its ready line {@code sss serve: listening udp <addr>:<port> key <hex>} is read from standard
 * output, and it is stopped by closing its standard input ({@code --exit-on-stdin-eof}), or killed
 * when it does not stop.
 */
final class ServedResponder implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("sss serve: listening udp (\\S+) key ([0-9a-f]{64})");

    private final Process process;
    private final InetSocketAddress address;
    private final byte[] key;

    private ServedResponder(Process process, InetSocketAddress address, byte[] key) {
        this.process = process;
        this.address = address;
        this.key = key;
    }

    /**
     * Starts {@code command} and waits up to {@code timeout} for its ready line.
     *
     * @throws IllegalStateException when it exits or prints something else first, or stays silent
     */
    static ServedResponder start(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String ready = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Matcher m = ready == null ? null : READY.matcher(ready.strip());
            if (m == null || !m.matches()) {
                throw new IllegalStateException("the responder printed " + (ready == null ? "nothing" : "'" + ready
                        + "'") + " instead of its ready line (IUT.md section 1): " + command);
            }
            return new ServedResponder(process, Targets.parseAddress(m.group(1)), HexFormat.of().parseHex(m.group(2)));
        } catch (TimeoutException | ExecutionException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IllegalStateException ise ? ise
                    : new IllegalStateException("no ready line from the responder within " + timeout + ": " + command, e);
        }
    }

    InetSocketAddress address() {
        return address;
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
