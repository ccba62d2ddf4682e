package org.sss.tools.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * A lossy loopback: a network namespace of its own whose {@code lo} (MTU 1500, segmentation
 * offloads off, so that every 1500-byte packet is seen on its own rather than as a GSO
 * super-packet) drops a given share of the packets it receives, at random, with an nftables rule
 * on the netdev ingress hook. netem would do it too, but is not in every kernel; nftables is.
 *
 * <p>A Java process cannot move one thread into another namespace, so what runs over the link runs
 * in a child process started with {@link #command(List)} ({@code ip netns exec NS ...}). Counters
 * in the rules count the packets seen and dropped, both directions together.
 *
 * <p>Needs root and {@code ip}, {@code nft} and {@code ethtool} (Debian: iproute2, nftables,
 * ethtool); {@link #availability()} says what is missing. The namespace is deleted by
 * {@link #close()}, or at the latest when this JVM exits.
 */
public final class ImpairedLink implements AutoCloseable {
    /** The nftables table the rules live in. */
    static final String TABLE = "sssimpair";
    private static final int SCALE = 10_000;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TOOLS = List.of("ip", "nft", "ethtool");
    // the system binaries' directories are not on every PATH (e.g. a non-login root shell)
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String namespace;
    private final String ip;
    private final String nft;
    private final Thread cleanup;
    private double lossPercent = -1;
    private boolean closed;

    /**
     * Packets the impairment saw and dropped since the link was created or its loss last set.
     *
     * @param seen packets received by {@code lo}, both directions
     * @param dropped those dropped
     */
    public record Counters(long seen, long dropped) {
        /** The counts from {@code earlier} to these. */
        public Counters since(Counters earlier) {
            return new Counters(seen - earlier.seen, dropped - earlier.dropped);
        }

        /** Dropped as a percentage of seen; NaN when none was seen. */
        public double dropPercent() {
            return seen == 0 ? Double.NaN : 100.0 * dropped / seen;
        }
    }

    private ImpairedLink(String namespace, String ip, String nft) {
        this.namespace = namespace;
        this.ip = ip;
        this.nft = nft;
        this.cleanup = new Thread(this::deleteQuietly, "delete " + namespace);
    }

    /**
     * Why an impaired link cannot be made here ("not root", a missing tool and the package that
     * brings it), or empty when it can.
     */
    public static Optional<String> availability() {
        if (!isRoot()) {
            return Optional.of("loss needs root (network namespaces, nftables); run sss bench as root");
        }
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            if (locate(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(String.join(", ", missing) + " not found; install them (apt-get install iproute2 "
                    + "nftables ethtool, or run scripts/bench.sh)");
        }
        return Optional.empty();
    }

    /**
     * Creates a namespace {@code sss-bench-<pid>-<n>} whose loopback drops {@code lossPercent}% of
     * its packets.
     *
     * @throws IOException when a command fails (its output in the message)
     * @throws IllegalStateException when {@link #availability()} says it cannot be done
     */
    public static ImpairedLink create(double lossPercent) throws IOException, InterruptedException {
        Optional<String> unavailable = availability();
        if (unavailable.isPresent()) {
            throw new IllegalStateException(unavailable.get());
        }
        String name = "sss-bench-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        ImpairedLink link = new ImpairedLink(name, locate("ip").orElseThrow(), locate("nft").orElseThrow());
        run(List.of(link.ip, "netns", "add", name), null);
        Runtime.getRuntime().addShutdownHook(link.cleanup);
        try {
            run(List.of(link.ip, "-n", name, "link", "set", "lo", "mtu", "1500", "up"), null);
            run(link.command(List.of(locate("ethtool").orElseThrow(), "-K", "lo", "tso", "off", "gso", "off", "gro",
                    "off", "tx-udp-segmentation", "off")), null);
            link.setLoss(lossPercent);
        } catch (IOException | InterruptedException | RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    /** The namespace's name. */
    public String namespace() {
        return namespace;
    }

    /** The loss rate in force, percent. */
    public double lossPercent() {
        return lossPercent;
    }

    /**
     * Drops {@code percent}% of the packets from now on (resolution 0.01%), and sets the counters
     * back to zero.
     */
    public void setLoss(double percent) throws IOException, InterruptedException {
        if (!(percent >= 0 && percent < 100)) {
            throw new IllegalArgumentException("loss must be at least 0% and below 100%, got " + percent);
        }
        long threshold = Math.round(percent * SCALE / 100);
        // "add" then "delete" makes the delete succeed the first time too; the file is one transaction
        String rules = String.format(Locale.ROOT, """
                add table netdev %1$s
                delete table netdev %1$s
                table netdev %1$s {
                    chain ingress {
                        type filter hook ingress device "lo" priority 0; policy accept;
                        counter
                        numgen random mod %2$d < %3$d counter drop
                    }
                }
                """, TABLE, SCALE, threshold);
        run(command(List.of(nft, "-f", "-")), rules);
        lossPercent = percent;
    }

    /** The counters of the rules: packets seen by {@code lo}'s ingress, and dropped. */
    public Counters counters() throws IOException, InterruptedException {
        String json = run(command(List.of(nft, "-j", "list", "table", "netdev", TABLE)), null);
        long seen = -1;
        long dropped = -1;
        for (JsonNode item : MAPPER.readTree(json).path("nftables")) {
            JsonNode expressions = item.path("rule").path("expr");
            if (!expressions.isArray()) {
                continue;
            }
            long packets = -1;
            boolean drops = false;
            for (JsonNode expression : expressions) {
                if (expression.has("counter")) {
                    packets = expression.path("counter").path("packets").asLong(-1);
                }
                drops |= expression.has("drop");
            }
            if (drops) {
                dropped = packets;
            } else if (packets >= 0) {
                seen = packets;
            }
        }
        if (seen < 0 || dropped < 0) {
            throw new IOException("nft -j list table netdev " + TABLE + ": no counters in " + json);
        }
        return new Counters(seen, dropped);
    }

    /** {@code command} run inside the namespace: {@code ip netns exec NS command...}. */
    public List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(List.of(ip, "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /**
     * A Java child process inside the namespace: this JVM's {@code java} and class path, running
     * {@code mainClass} with {@code arguments}.
     */
    public List<String> javaCommand(String mainClass, List<String> arguments) {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        java.addAll(arguments);
        return command(java);
    }

    /** Deletes the namespace (and with it the rules); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deleteQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it deletes the namespace itself
        }
    }

    private void deleteQuietly() {
        try {
            run(List.of(ip, "netns", "delete", namespace), null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // already gone, or the machine is shutting down; nothing else to free
        }
    }

    /**
     * Runs {@code command} with {@code stdin}, waits up to 30 s, and returns its standard output.
     *
     * @throws IOException when it fails or exits non-zero, with its output
     */
    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<byte[]> output = readAll(process.getInputStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": no answer in " + COMMAND_TIMEOUT.toSeconds() + " s");
        }
        String text = new String(output.join(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + text.strip());
        }
        return text;
    }

    /** Reads {@code stream} to its end on another thread, so that a chatty process never blocks on a full pipe. */
    static CompletableFuture<byte[]> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> {
            Thread reader = new Thread(runnable, "child output");
            reader.setDaemon(true);
            reader.start();
        });
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.trim().split("\\s+");
                    return ids.length > 2 && ids[2].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
        return false;
    }

    private static Optional<String> locate(String tool) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(SYSTEM_DIRECTORIES);
        for (String directory : directories) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
