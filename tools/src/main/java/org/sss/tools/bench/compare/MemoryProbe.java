package org.sss.tools.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and resident-set readings for the many-streams workload. */
public final class MemoryProbe {
    private static final int GC_ROUNDS = 5;

    private MemoryProbe() {
    }

    /** Used heap after {@value #GC_ROUNDS} rounds of {@link System#gc()} with short pauses between them. */
    public static long settledHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** This process's resident set size in bytes (VmRSS of /proc/self/status), or -1 where there is none. */
    public static long residentSet() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
