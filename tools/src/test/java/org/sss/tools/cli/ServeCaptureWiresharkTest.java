package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.tools.spec.TestRepo;
import org.sss.tools.wireshark.DissectorAgreement;
import org.sss.tools.wireshark.Tshark;
import org.sss.tools.wireshark.WiresharkDissector;

/**
 * Issue 6: a real exchange with the reference implementation, captured by {@code sss serve --capture},
 * decoded by tshark with the generated dissector: every datagram is SSS, the handshake kinds come in
 * order (a HELLO may be retransmitted), and kind and outer fields agree with {@code sss dissect}. The
 * seed of the echoed bytes is printed.
 */
class ServeCaptureWiresharkTest {
    private static final long SEED = new SecureRandom().nextLong();

    @TempDir
    Path dir;

    @Test
    void tsharkDecodesACapturedEchoExchangeLikeSssDissect() throws Exception {
        System.out.println("[ServeCaptureWiresharkTest] seed=" + SEED);
        Tshark tshark = Tshark.require(WiresharkDissector.file(TestRepo.layout()), dir);
        Path pcap = dir.resolve("serve.pcap");
        byte[] payload = new byte[200];
        new Random(SEED).nextBytes(payload);
        ServeRun serve = ServeRun.start("--listen", "127.0.0.1:0", "--generate-key", "--exit-on-stdin-eof",
                "--capture", pcap.toString(), "--keylog", dir.resolve("serve.keylog").toString());
        ServedEcho.exchange(serve, payload);
        assertThat(serve.stop()).as(serve.err.toString()).isZero();

        List<Map<String, String>> rows = DissectorAgreement.check(tshark, pcap);

        List<String> kinds = rows.stream().map(r -> r.get(DissectorAgreement.P + ".kind")).toList();
        assertThat(kinds).as("a HELLO may be retransmitted").startsWith("HELLO")
                .containsSubsequence("HELLO", "COOKIE", "INITIATE", "MESSAGE")
                .containsOnly("HELLO", "COOKIE", "INITIATE", "MESSAGE");
        // only the SSS dissector's expert info counts: Wireshark's own UDP dissector adds notes of its own, such as
        // "Possible traceroute" when an ephemeral port falls in 33434..33534
        assertThat(rows).allSatisfy(r -> {
            assertThat(DissectorAgreement.ids(r.get("_ws.expert.message"))).isEmpty();
            assertThat(r.get("_ws.expert.message")).doesNotContain("Malformed");
        });
    }
}
