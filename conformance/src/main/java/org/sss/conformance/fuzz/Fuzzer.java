package org.sss.conformance.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.sss.conformance.target.Target;

/**
 * Runs the fuzzer against one target (conformance/FUZZING.md): batch after batch of inputs drawn from
 * the printed seed, the stages in turn, the oracle after every batch; a failing batch is shrunk by
 * delta debugging (each trial on a fresh target, when the target can be restarted) and saved as a
 * reproducer. One seed gives the same inputs in the same batches.
 */
public final class Fuzzer {
    private final FuzzConfig config;
    private final FuzzTarget target;
    private final FuzzListener listener;
    private final Oracle oracle;
    private final String targetOption;
    private final Random probeRandom;

    /**
     * @param targetOption how the reproducer's commands name the target ({@code --target H:P --target-key K})
     */
    public Fuzzer(FuzzConfig config, FuzzTarget target, FuzzListener listener, String targetOption) {
        this.config = config;
        this.target = target;
        this.listener = listener;
        this.oracle = new Oracle(config.livenessTimeout());
        this.targetOption = targetOption;
        this.probeRandom = new Random(config.seed() ^ 0x6a09e667f3bcc909L);
    }

    /**
     * Runs until the packet or time budget is spent (or the finding limit is reached).
     *
     * @throws TargetNotLiveException when the target fails the oracle before the first packet
     */
    public FuzzResult run() {
        Optional<Oracle.Failure> before = oracle.check(target, probeRandom, true);
        if (before.isPresent()) {
            throw new TargetNotLiveException("the target fails the oracle before fuzzing: " + before.get().detail());
        }
        long start = System.nanoTime();
        Random master = new Random(config.seed());
        List<Finding> findings = new ArrayList<>();
        long packets = 0;
        long datagrams = 0;
        long channels = 0;
        long probes = 0;
        long batch = 0;
        Stage stage = config.stages().get(0);
        while (true) {
            stage = config.stages().get((int) (batch % config.stages().size()));
            List<FuzzInput> inputs = new ArrayList<>();
            for (int i = 0; i < config.batchSize(); i++) {
                inputs.add(new FuzzInput(stage, master.nextLong()));
            }
            long sessionSeed = master.nextLong();
            Execution execution = execute(stage, inputs, sessionSeed, batch);
            packets += execution.sent().size();
            datagrams += execution.datagrams().size();
            channels += execution.channels();
            Optional<Oracle.Failure> failure = oracle.check(target, probeRandom, true);
            probes++;
            if (failure.isPresent()) {
                Finding finding = investigate(findings.size() + 1, batch, inputs, sessionSeed, execution,
                        failure.get());
                findings.add(finding);
                listener.finding(finding);
                if (!target.canRestart() || config.stopAfterFindings() > 0
                        && findings.size() >= config.stopAfterFindings()) {
                    batch++;
                    break;
                }
                target.restart();
            }
            batch++;
            double spent = spent(start, packets);
            if (spent >= 1) {
                break;
            }
            listener.progress(status(packets, datagrams, channels, batch, probes, findings, start, spent, stage));
        }
        FuzzStatus end = status(packets, datagrams, channels, batch, probes, findings, start, spent(start, packets),
                stage);
        listener.progress(end);
        return new FuzzResult(end, findings);
    }

    /** Sends the inputs of a reproducer once and runs the oracle: empty when the target stays well. */
    public Optional<String> reproduce(Reproducer.Case reproducer) {
        List<FuzzInput> inputs = reproducer.inputs();
        Execution execution = execute(inputs.get(0).stage(), inputs, reproducer.sessionSeed(), 0);
        listener.note("sent " + execution.sent().size() + " inputs" + (execution.note() == null ? ""
                : " (" + execution.note() + ")"));
        return oracle.check(target, probeRandom, true).map(f -> f.kind() + ": " + f.detail());
    }

    private FuzzStatus status(long packets, long datagrams, long channels, long batches, long probes,
            List<Finding> findings, long start, double spent, Stage stage) {
        return new FuzzStatus(packets, datagrams, channels, batches, probes, findings.size(),
                Duration.ofNanos(System.nanoTime() - start), Math.min(1, spent), stage);
    }

    private double spent(long start, long packets) {
        double byPackets = config.maxPackets() > 0 ? (double) packets / config.maxPackets() : 0;
        double byTime = config.maxTime() != null
                ? (double) (System.nanoTime() - start) / config.maxTime().toNanos() : 0;
        return Math.max(byPackets, byTime);
    }

    private Execution execute(Stage stage, List<FuzzInput> inputs, long sessionSeed, long batch) {
        Target t = target.current();
        Random session = new Random(sessionSeed);
        return stage == Stage.PRE
                ? PreSession.run(t, inputs, session, config.livenessTimeout(), preSource(t, batch))
                : PostSession.run(t, inputs, session, config.livenessTimeout());
    }

    /**
     * For a loopback target, 127.0.0.2 to 127.0.0.251 in turn: not the probe's 127.0.0.1, since NEG-DOS-1
     * limits HELLOs per source address.
     */
    private static InetAddress preSource(Target t, long batch) {
        InetAddress to = t.address().getAddress();
        try {
            if (to != null && to.isLoopbackAddress() && to.getAddress().length == 4) {
                return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + batch % 250)});
            }
            return InetAddress.getByName(to != null && to.getAddress().length == 16 ? "::" : "0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private Finding investigate(int number, long batch, List<FuzzInput> inputs, long sessionSeed,
            Execution execution, Oracle.Failure failure) {
        Execution[] last = {execution};
        Oracle.Failure[] lastFailure = {failure};
        if (target.canRestart() && inputs.size() > 1) {
            listener.note("batch " + batch + " failed (" + failure.kind() + "); shrinking " + inputs.size()
                    + " inputs");
            Predicate<List<FuzzInput>> fails = candidate -> {
                target.restart();
                Execution e = execute(candidate.get(0).stage(), candidate, sessionSeed, batch);
                Optional<Oracle.Failure> f = oracle.check(target, probeRandom, false);
                listener.note("  " + candidate.size() + " inputs: " + (f.isPresent() ? "fails" : "passes"));
                if (f.isPresent()) {
                    last[0] = e;
                    lastFailure[0] = f.get();
                    return true;
                }
                return false;
            };
            Shrinker.shrink(inputs, fails, config.shrinkTrials());
        }
        Path dir = config.out().resolve(String.format("finding-%03d-%s-batch%d", number, execution.stage().label(),
                batch));
        try {
            Reproducer.write(dir, config, batch, sessionSeed, lastFailure[0], inputs.size(), last[0],
                    target.description(), targetOption);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the reproducer to " + dir, e);
        }
        return new Finding(lastFailure[0].kind().name(), lastFailure[0].detail(), execution.stage(), batch,
                inputs.size(), last[0].sent(), dir);
    }
}
