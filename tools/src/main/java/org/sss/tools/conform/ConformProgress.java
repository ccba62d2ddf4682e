package org.sss.tools.conform;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A progress bar over the scenarios of one run, advanced as each finishes. On a terminal it redraws in
 * place; elsewhere (a CI log) it prints a line at each tenth of the run, so the log stays short.
 */
final class ConformProgress implements TestExecutionListener, AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final String task;
    private ProgressBar bar;
    private final long total;
    private long done;
    private long failed;

    /**
     * @param total how many scenarios will run: the selection, not the test plan, which holds every scenario
     *              (Cucumber applies its tag filter while executing and skips the others)
     */
    ConformProgress(PrintStream out, boolean terminal, String task, long total) {
        this.out = out;
        this.terminal = terminal;
        this.task = task;
        this.total = total;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        ProgressBarConsumer consumer = terminal ? new ConsoleProgressBarConsumer(out)
                : new DelegatingProgressBarConsumer(line -> { });
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setConsumer(consumer)
                .setUpdateIntervalMillis(200).continuousUpdate().build();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest() || bar == null) {
            return;
        }
        done++;
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failed++;
        }
        bar.step();
        bar.setExtraMessage(failed == 0 ? "" : failed + " failed");
        if (!terminal && total > 0 && (done * 10 / total > (done - 1) * 10 / total || done == total)) {
            out.println(task + ": " + done + "/" + total + " scenarios" + (failed == 0 ? "" : ", " + failed + " failed"));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
