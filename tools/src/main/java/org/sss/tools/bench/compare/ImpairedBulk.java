package org.sss.tools.bench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The child process of the loss workload: runs one contender's single-stream bulk workload on
 * 127.0.0.1 of the namespace it was started in ({@link ImpairedLink}), and prints one JSON line:
 * {@code {"contender":ID,"megabytesPerSecond":X}}, or {@code "unsupported":REASON} or
 * {@code "failed":REASON} instead of the figure.
 *
 * <p>Arguments: {@code ID BYTES SEED [WARMUP_BYTES]}; with warm-up bytes, an unreported bulk run of
 * that size comes first, so that the JIT has compiled what the measured run executes.
 */
public final class ImpairedBulk {
    /** The key of the figure in the JSON line. */
    static final String FIGURE = "megabytesPerSecond";

    private ImpairedBulk() {
    }

    /** Runs and prints; exits 0 whatever the outcome (the line says it), 2 on bad arguments. */
    public static void main(String[] args) {
        ObjectNode line = new ObjectMapper().createObjectNode();
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ImpairedBulk ID BYTES SEED [WARMUP_BYTES]");
            System.exit(2);
        }
        line.put("contender", args[0]);
        try {
            long bytes = Long.parseLong(args[1]);
            long seed = Long.parseLong(args[2]);
            long warmupBytes = args.length > 3 ? Long.parseLong(args[3]) : 0;
            Contender contender = Contenders.create(args[0]);
            Loopback loopback = Loopback.ipv4();
            if (warmupBytes > 0) {
                contender.bulk(loopback, warmupBytes, 1, ~seed);
            }
            line.put(FIGURE, contender.bulk(loopback, bytes, 1, seed));
        } catch (UnsupportedOperationException e) {
            line.put("unsupported", CompareRunner.describe(e));
        } catch (Exception | AssertionError e) {
            line.put("failed", CompareRunner.describe(e));
        }
        System.out.println(line);
        System.out.flush();
        // a contender's non-daemon threads must not keep the child alive
        System.exit(0);
    }
}
