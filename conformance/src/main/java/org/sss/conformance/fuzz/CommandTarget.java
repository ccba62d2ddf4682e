package org.sss.conformance.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sss.conformance.target.CommandInitiator;
import org.sss.conformance.target.ExternalTarget;
import org.sss.conformance.target.Target;
import org.sss.conformance.target.Targets;

/**
 * A responder IUT the fuzzer starts as a process from a command template ({@code --target-cmd}), split
 * into words like the initiator template ({@link CommandInitiator#split}); {@code {port}} becomes a free
 * UDP port on loopback and {@code {host}} {@code 127.0.0.1}. The target's address and key come from its
 * first standard output line that reads like {@code ... udp HOST:PORT key HEX} (the ready line of
 * {@code sss serve}), or, with a key given, the address is {@code 127.0.0.1:{port}} once the process
 * started. Its exit is a crash; it is restarted for every shrinking step and after a finding.
 */
public final class CommandTarget implements FuzzTarget {
    private static final Pattern READY = Pattern.compile("udp (\\S+:\\d+) key ([0-9a-fA-F]{64})");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String template;
    private final byte[] key;
    private Process process;
    private Target current;
    private final List<String> output = new ArrayList<>();

    /**
     * @param template the command template
     * @param key the target's long-term public key, or null to read it from the ready line
     */
    public CommandTarget(String template, byte[] key) {
        this.template = template;
        this.key = key == null ? null : key.clone();
        start();
    }

    @Override
    public synchronized Target current() {
        return current;
    }

    @Override
    public synchronized Optional<String> exited() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of("the target process exited with code " + process.exitValue() + lastOutput());
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public String description() {
        return "command: " + template;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void start() {
        int port = freePort();
        List<String> command = new ArrayList<>();
        for (String word : CommandInitiator.split(template)) {
            command.add(word.replace("{port}", Integer.toString(port)).replace("{host}", "127.0.0.1"));
        }
        output.clear();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the target " + command, e);
        }
        CompletableFuture<Target> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(ready), "fuzz-target-output");
        reader.setDaemon(true);
        reader.start();
        if (key != null) {
            ready.complete(new ExternalTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), key,
                    Map.of()));
        }
        try {
            current = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop();
            throw new IllegalStateException("the target printed no line '... udp HOST:PORT key HEX' within "
                    + START_TIMEOUT + "; give --target-key" + lastOutput());
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the target did not start: " + e.getMessage() + lastOutput(), e);
        }
    }

    private void read(CompletableFuture<Target> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                    if (output.size() > 20) {
                        output.remove(0);
                    }
                }
                Matcher m = READY.matcher(line);
                if (m.find() && !ready.isDone()) {
                    ready.complete(new ExternalTarget(Targets.parseAddress(m.group(1)), Targets.parseKey(m.group(2)),
                            Map.of()));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("the target's output ended"));
    }

    private String lastOutput() {
        synchronized (output) {
            return output.isEmpty() ? "" : "; its last output: " + String.join(" | ", output);
        }
    }

    private static int freePort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port", e);
        }
    }
}
