package org.sss.tools.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The loss impairment of {@code sss bench}: one {@link ImpairedLink} for the whole run, its loss
 * rate set before each measurement, and each measurement in a child JVM ({@link ImpairedBulk})
 * started inside the link's namespace. The drop fraction reported is the link's counters read
 * before and after, so it is what really happened to this run's packets.
 */
public final class NamespaceImpairment implements Impairment {
    // the child has a fresh JVM to start and a lossy link to push its bytes over; 200 kB/s is slower than any
    // contender should be even at 5% loss, so only a hung child reaches this
    private static final long CHILD_SECONDS_BASE = 120;
    private static final long CHILD_BYTES_PER_SECOND = 200_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final long warmupBytes;
    private ImpairedLink link;
    private String unavailable;
    private boolean tried;

    /**
     * An impairment, made on first use.
     *
     * @param warmupBytes bytes of an unreported bulk run each child makes first (0 for none)
     */
    public NamespaceImpairment(long warmupBytes) {
        this.warmupBytes = warmupBytes;
    }

    @Override
    public synchronized Optional<String> unavailable() {
        if (!tried) {
            tried = true;
            unavailable = ImpairedLink.availability().orElse(null);
            if (unavailable == null) {
                try {
                    link = ImpairedLink.create(0);
                } catch (IOException | RuntimeException e) {
                    unavailable = "cannot make the impaired link: " + CompareRunner.describe(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unavailable = "interrupted while making the impaired link";
                }
            }
        }
        return Optional.ofNullable(unavailable);
    }

    @Override
    public synchronized Run bulk(String contenderId, double lossPercent, long bytes, long seed) throws Exception {
        Optional<String> why = unavailable();
        if (why.isPresent()) {
            throw new UnsupportedOperationException(why.get());
        }
        if (link == null) {
            throw new IllegalStateException("the impaired link is closed");
        }
        if (link.lossPercent() != lossPercent) {
            link.setLoss(lossPercent);
        }
        ImpairedLink.Counters before = link.counters();
        String line = runChild(link.javaCommand(ImpairedBulk.class.getName(), List.of(contenderId, Long.toString(bytes),
                Long.toString(seed), Long.toString(Math.min(warmupBytes, bytes)))),
                CHILD_SECONDS_BASE + bytes / CHILD_BYTES_PER_SECOND);
        ImpairedLink.Counters counted = link.counters().since(before);
        if (counted.seen() == 0) {
            throw new IllegalStateException("the impaired link saw no packet: the contender did not use the loopback of "
                    + "the namespace");
        }
        return new Run(parse(line), counted.seen(), counted.dropped());
    }

    /** The figure of the child's JSON line; throws what the child reported. */
    static double parse(String line) throws IOException {
        JsonNode node = MAPPER.readTree(line);
        if (node.has("unsupported")) {
            throw new UnsupportedOperationException(node.get("unsupported").asText());
        }
        if (node.has("failed")) {
            throw new IllegalStateException(node.get("failed").asText());
        }
        if (!node.path(ImpairedBulk.FIGURE).isNumber()) {
            throw new IllegalStateException("the child printed no figure: " + line);
        }
        return node.get(ImpairedBulk.FIGURE).asDouble();
    }

    /** Runs {@code command}, returns the last line of its output that is a JSON object. */
    private static String runChild(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> output = ImpairedLink.readAll(process.getInputStream());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the child JVM did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(output.join(), StandardCharsets.UTF_8);
        String last = null;
        for (String candidate : text.split("\n")) {
            if (candidate.startsWith("{")) {
                last = candidate;
            }
        }
        if (last == null) {
            throw new IllegalStateException("the child JVM exited with " + process.exitValue() + " and printed no result"
                    + (text.isBlank() ? "" : ": " + text.strip().lines().reduce((a, b) -> b).orElse("")));
        }
        return last;
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
