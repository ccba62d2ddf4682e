package org.sss.tools.bench.compare.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether this process may open enough file descriptors: every TLS connection in the benchmark
 * holds two, the client's socket and the server's, both in this JVM. Reads Linux's
 * {@code /proc/self/limits} and {@code /proc/self/fd}; where they do not exist it lets the run try.
 */
final class DescriptorLimit {
    /** Descriptors kept free for everything else the process opens meanwhile. */
    static final int HEADROOM = 256;

    private DescriptorLimit() {
    }

    /**
     * Checks that {@code connections} more connections fit.
     *
     * @throws UnsupportedOperationException saying how many descriptors they need and what the limit is
     */
    static void require(int connections) {
        long[] limits = openFileLimits();
        long open = openDescriptors();
        if (limits == null || open < 0) {
            return;
        }
        long needed = open + 2L * connections + HEADROOM;
        if (needed > limits[0]) {
            throw new UnsupportedOperationException(connections + " TLS connections need " + 2L * connections
                    + " file descriptors in this process (client and server socket each, both ends in one JVM), "
                    + "plus " + open + " already open and " + HEADROOM + " headroom = " + needed
                    + "; the open-files limit is " + limits[0] + " (hard " + limits[1] + "), so at most "
                    + Math.max(0, (limits[0] - open - HEADROOM) / 2) + " fit. Start sss with a higher limit "
                    + "(ulimit -n; raising the hard limit needs CAP_SYS_RESOURCE) or ask for fewer");
        }
    }

    /** Soft and hard "Max open files", or null if unknown. */
    static long[] openFileLimits() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return new long[] {parse(parts[0]), parse(parts[1])};
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static long parse(String value) {
        return "unlimited".equals(value) ? Long.MAX_VALUE : Long.parseLong(value);
    }

    /** Descriptors this process has open, or -1 if unknown. */
    static long openDescriptors() {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
