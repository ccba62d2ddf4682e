package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.tools.cli.SssRun.sss;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.conformance.replay.PacketKind;
import org.sss.core.host.Host;
import org.sss.core.testservices.TestServiceHost;

/**
 * {@code sss replay} against the reference implementation: a tester peer's echo session with a reference host is
 * captured (pcap and keylog, as in an evidence bundle) and replayed to the same host from a fresh socket. Every
 * datagram the peer sent is sent again; its HELLO draws a fresh COOKIE, and nothing else may draw an answer: the
 * cookie in the INITIATE is bound to the peer's address (CRY-COOKIE-4), the MESSAGEs were accepted once already
 * (CHN-REPLAY-2). The seed is printed ({@code -Dsss.seed=N}).
 */
class ReplayCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static Path pcap;
    private static Path keylog;
    private static int peerSent;
    private static final List<String> peerSentKinds = new ArrayList<>();
    private static Host recorded;

    @BeforeAll
    static void capture() throws Exception {
        long seed = Long.getLong("sss.seed", System.nanoTime());
        System.out.println("ReplayCommandTest seed: " + seed + " (replay with -Dsss.seed=" + seed + ")");
        Random random = new Random(seed);
        recorded = TestServiceHost.start(UnaryOperator.identity());
        byte[] record = new byte[100];
        random.nextBytes(record);
        EchoCapture capture = EchoCapture.record(recorded, record, random, TIMEOUT, dir);
        pcap = capture.pcap();
        keylog = capture.keylog();
        peerSent = capture.sent().size();
        capture.sent().forEach(d -> peerSentKinds.add(PacketKind.of(d.bytes()).name()));
    }

    @AfterAll
    static void stop() {
        if (recorded != null) {
            recorded.close();
        }
    }

    private static String target() {
        return "127.0.0.1:" + recorded.localAddress().getPort();
    }

    @Test
    void byDefaultEveryDatagramTheInitiatorSentIsPlayedAndOnlyItsHellosAreAnswered() {
        SssRun run = sss("replay", pcap.toString(), "--target", target(), "--timing", "compress:2");

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> sent = run.lines(" sent #");
        assertThat(sent).as(run.out()).hasSize(peerSent);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i)).contains("sent #" + i + " ", " " + peerSentKinds.get(i) + " ");
        }
        long hellos = peerSentKinds.stream().filter("HELLO"::equals).count();
        List<String> replies = run.lines(" reply ");
        assertThat(replies).as("one COOKIE per replayed HELLO, nothing else: %s", run.out()).hasSize((int) hellos)
                .allSatisfy(l -> assertThat(l).contains("COOKIE", "168 bytes", "from " + target()));
        assertThat(run.out()).contains("not sent by the capture's responder " + target(), "timing compress:2.0",
                "replay: sent " + peerSent + ", received " + hellos + " repl");
    }

    @Test
    void fromSelectsOneCapturedSourceAndAllSelectsEverything() {
        SssRun responderOnly = sss("replay", pcap.toString(), "--target", target(), "--timing", "asap", "--from",
                target(), "--listen", "300");
        SssRun everything = sss("replay", pcap.toString(), "--target", target(), "--timing", "asap", "--all",
                "--listen", "300");

        assertThat(responderOnly.exit()).as(responderOnly.err()).isZero();
        assertThat(responderOnly.lines(" sent #")).as(responderOnly.out()).isNotEmpty()
                .noneMatch(l -> l.contains("HELLO") || l.contains("INITIATE"));
        assertThat(responderOnly.lines(" sent #").get(0)).contains("COOKIE");
        assertThat(everything.exit()).as(everything.err()).isZero();
        assertThat(everything.lines(" sent #")).hasSize(peerSent + responderOnly.lines(" sent #").size());
    }

    @Test
    void withAKeylogTheCaptureIsPrintedDissectedFirst() {
        SssRun run = sss("replay", pcap.toString(), "--target", target(), "--timing", "asap", "--keylog",
                keylog.toString(), "--listen", "300");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("HELLO, 192 bytes", ": STREAM (");
        assertThat(run.out().indexOf("HELLO, 192 bytes")).isLessThan(run.out().indexOf(" sent #0"));
    }

    @Test
    void aMissingCaptureOrKeylogIsBadInputAndMalformedOptionsAreUsageErrors() {
        Path missing = dir.resolve("missing.pcap");
        SssRun noFile = sss("replay", missing.toString(), "--target", target());
        SssRun noKeylog = sss("replay", pcap.toString(), "--target", target(), "--keylog", missing.toString());
        SssRun emptySelection = sss("replay", pcap.toString(), "--target", target(), "--from", "127.0.0.1:1");

        assertThat(noFile.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noFile.err()).contains(missing.toString());
        assertThat(noKeylog.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(emptySelection.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(emptySelection.err()).contains("nothing to replay");
        for (String[] bad : List.of(new String[] {"--target", "nowhere"}, new String[] {"--target", "::1:9"},
                new String[] {"--target", target(), "--timing", "fast"},
                new String[] {"--target", target(), "--timing", "compress:0"},
                new String[] {"--target", "127.0.0.1:0"}, new String[] {"--target", target(), "--from", "x"},
                new String[] {"--target", target(), "--all", "--from", target()})) {
            List<String> args = new ArrayList<>(List.of("replay", pcap.toString()));
            args.addAll(List.of(bad));
            SssRun run = sss(args.toArray(String[]::new));
            assertThat(run.exit()).as("%s: %s", args, run.err()).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(sss("replay", pcap.toString()).exit()).as("--target is required").isEqualTo(ExitCodes.USAGE);
    }
}
