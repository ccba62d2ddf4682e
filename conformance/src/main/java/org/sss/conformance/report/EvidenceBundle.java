package org.sss.conformance.report;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.TesterPeer;

/**
 * The evidence of one failed scenario, a directory of its own: {@code exchange.pcap} (every datagram
 * of its tester peers, openable in Wireshark), {@code keylog.txt} (the keys that decrypt them, see
 * {@link Keylog}), {@code failure.txt} (the scenario, its requirements, the failure with expected vs
 * observed, the seed, the replay command, and the exchange with its first divergence marked) and
 * {@code replay.txt} (the command alone).
 */
public final class EvidenceBundle {
    /** The system property through which a runner gives the start of the replay command (its target options). */
    public static final String REPLAY_PROPERTY = "sss.conform.replay";
    /** The replay command when no runner gave one: the suite's own Maven run. */
    static final String MAVEN_REPLAY = "mvn -pl conformance -am test -Dtest=RunConformanceScenariosTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false";

    /**
     * What the bundle shows.
     *
     * @param result  the scenario's result (its evidence field is ignored)
     * @param steps   its steps and hooks in order
     * @param peers   its tester peers, each with the local address its socket had
     * @param failure what failed it, or null
     */
    public record Contents(ScenarioResult result, List<StepRecord> steps, Map<TesterPeer, InetSocketAddress> peers,
            Throwable failure) {
    }

    private EvidenceBundle() {
    }

    /**
     * Writes the bundle into a new directory under {@code reportDirectory}/evidence.
     *
     * @return the directory, relative to {@code reportDirectory}
     */
    public static String write(Path reportDirectory, Contents contents) throws IOException {
        ScenarioResult result = contents.result();
        String base = result.feature().replaceFirst("\\.feature$", "") + "-" + result.line();
        String relative = "evidence/" + base;
        Path directory = reportDirectory.resolve(relative);
        for (int n = 2; Files.exists(directory); n++) {
            relative = "evidence/" + base + "-" + n;
            directory = reportDirectory.resolve(relative);
        }
        Files.createDirectories(directory);
        List<TesterPeer> peers = new ArrayList<>(contents.peers().keySet());
        PcapFile.Written pcap = PcapFile.write(directory.resolve("exchange.pcap"), capture(contents.peers()));
        Files.writeString(directory.resolve("keylog.txt"), Keylog.of(peers), StandardCharsets.UTF_8);
        String replay = replayCommand(result);
        Files.writeString(directory.resolve("replay.txt"), replay + "\n", StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        text.append("scenario: ").append(result.name()).append('\n');
        text.append("where: ").append(result.feature()).append(':').append(result.line()).append('\n');
        text.append("tags: ").append(String.join(" ", result.tags())).append('\n');
        text.append("requirements: ").append(String.join(" ", result.requirements())).append(" (level ")
                .append(result.level()).append(")\n");
        text.append("verdict: ").append(result.verdict()).append('\n');
        if (result.blame() != null) {
            text.append("blamed: ").append(result.blame()).append('\n');
        }
        text.append("seed: ").append(result.seed() == null ? "not printed" : result.seed()).append('\n');
        text.append("replay: ").append(replay).append('\n');
        text.append("  (the seed replays the suite's random choices; the IUT's own randomness and timing may differ)\n");
        text.append(pcap.describe()).append('\n');
        text.append("keylog.txt: the channel keys of the ").append(peers.size())
                .append(" tester peer(s), one line each (conformance/README.md)\n\n");
        text.append(Divergence.describe(contents.failure())).append('\n');
        text.append("exchange (steps, and the datagrams of every tester peer of the scenario):\n");
        text.append(ExchangeTranscript.render(contents.steps(), peers));
        Files.writeString(directory.resolve("failure.txt"), text.toString(), StandardCharsets.UTF_8);
        return relative;
    }

    /** The command that runs this scenario alone with its seed. */
    static String replayCommand(ScenarioResult result) {
        String name = "'^" + Pattern.quote(result.name()).replace("'", "'\\''") + "$'";
        String seed = result.seed() == null ? "" : String.valueOf(result.seed());
        String runner = System.getProperty(REPLAY_PROPERTY);
        if (runner != null && !runner.isBlank()) {
            return runner + (seed.isEmpty() ? "" : " --seed " + seed) + " --name " + name;
        }
        return MAVEN_REPLAY + (seed.isEmpty() ? "" : " -Dsss.seed=" + seed) + " -Dcucumber.filter.name=" + name;
    }

    private static List<CapturedDatagram> capture(Map<TesterPeer, InetSocketAddress> peers) {
        List<CapturedDatagram> all = new ArrayList<>();
        peers.forEach((peer, local) -> {
            InetSocketAddress self = local != null ? local : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            for (LoggedDatagram d : peer.datagrams()) {
                boolean sent = d.direction() == LoggedDatagram.Direction.SENT;
                all.add(new CapturedDatagram(d.wallClock(), sent ? self : d.remote(), sent ? d.remote() : self,
                        d.bytes()));
            }
        });
        all.sort(java.util.Comparator.comparing(CapturedDatagram::time));
        return all;
    }
}
