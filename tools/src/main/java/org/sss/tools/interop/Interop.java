package org.sss.tools.interop;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The entry point of {@code sss interop} for the command line: runs every pair and prints the matrix. */
public final class Interop {
    private Interop() {
    }

    /**
     * Runs every pair of {@code implementations} and prints the matrix to {@code out}.
     *
     * @return whether every service passed in every pair
     */
    public static boolean run(List<Implementation> implementations, Duration timeout, long seed, PrintWriter out) {
        List<PairResult> results = new InteropRunner(timeout, seed).run(implementations);
        InteropMatrix.print(results, out);
        return results.stream().allMatch(PairResult::allPassed);
    }
}
