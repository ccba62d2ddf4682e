package org.sss.tools.fuzz;

import java.io.PrintWriter;
import java.util.Locale;
import org.sss.conformance.fuzz.Finding;
import org.sss.conformance.fuzz.FuzzListener;
import org.sss.conformance.fuzz.FuzzStatus;

/**
 * Prints a run's progress: on a terminal one bar redrawn in place, otherwise a line every few
 * seconds; findings and shrinking notes on lines of their own.
 */
public final class ProgressBar implements FuzzListener {
    private static final int WIDTH = 30;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastPrint;
    private boolean barShown;

    public ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void progress(FuzzStatus s) {
        long now = System.nanoTime();
        boolean done = s.budgetFraction() >= 1;
        if (!done && now - lastPrint < (terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS)) {
            return;
        }
        lastPrint = now;
        String line = line(s);
        if (terminal) {
            out.print("\r" + line);
            barShown = true;
            if (done) {
                out.println();
                barShown = false;
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void finding(Finding f) {
        endBar();
        out.println("FINDING " + f.kind() + " in batch " + f.batch() + " (" + f.stage().label() + "): " + f.detail());
        out.println("  shrunk to " + f.minimal().size() + " of " + f.batchSize() + " inputs; reproducer: "
                + f.directory());
        f.minimal().forEach(i -> out.println("    input " + i.input().seed() + ": " + i.label()));
    }

    @Override
    public void note(String line) {
        endBar();
        out.println(line);
    }

    /** The bar and counts of {@code s}. */
    static String line(FuzzStatus s) {
        int filled = (int) Math.round(s.budgetFraction() * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %,d packets %,.0f/s %,d batches %d findings (%s)",
                "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * s.budgetFraction(), s.packets(), s.rate(),
                s.batches(), s.findings(), s.stage().label());
    }

    private void endBar() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }
}
