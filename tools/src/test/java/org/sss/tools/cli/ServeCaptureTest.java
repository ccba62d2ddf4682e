package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.tools.dissect.CaptureDissection;
import picocli.CommandLine;

/**
 * {@code sss serve --capture --keylog}: a reference client has the served echo service return some bytes;
 * {@code sss dissect}'s logic must then find the whole handshake in the capture and open every INITIATE
 * and MESSAGE box with the keylog, the echoed bytes among the decrypted STREAM frames. The seed of the
 * echoed bytes is printed.
 */
class ServeCaptureTest {
    private static final long SEED = new SecureRandom().nextLong();
    private static final long WAIT_SECONDS = ServeRun.WAIT_SECONDS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static {
        System.out.println("[ServeCaptureTest] seed=" + SEED);
    }

    @Test
    void theCaptureAndKeylogOpenEveryBoxOfAnEchoExchange() throws Exception {
        Path pcap = dir.resolve("serve.pcap");
        Path keylog = dir.resolve("serve.keylog");
        byte[] payload = new byte[48];
        new Random(SEED).nextBytes(payload);
        ServeRun serve = ServeRun.start("--listen", "127.0.0.1:0", "--generate-key", "--exit-on-stdin-eof",
                "--capture", pcap.toString(), "--keylog", keylog.toString());
        ServedEcho.exchange(serve, payload);
        assertThat(serve.stop()).as(serve.err.toString()).isZero();
        assertThat(serve.err.toString()).contains("sss serve: captured ");

        List<String> lines = Files.readAllLines(keylog, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#")).toList();
        // SPEC.md Appendix D: the responder's line has i' unknown and its own r' last; its minute keys follow
        assertThat(lines).filteredOn(l -> l.startsWith("SSS_CHANNEL ")).singleElement().asString()
                .matches("SSS_CHANNEL [0-9a-f]{64} - [0-9a-f]{64} [0-9a-f]{64} [0-9a-f]{32} [0-9a-f]{64}");
        assertThat(lines).filteredOn(l -> !l.startsWith("SSS_CHANNEL ")).isNotEmpty()
                .allMatch(l -> l.matches("SSS_MINUTE_KEY [0-9a-f]{64}"));

        JsonNode packets = JSON.readTree(CaptureDissection.render(pcap, keylog, true));
        List<String> kinds = new ArrayList<>();
        StringBuilder echoed = new StringBuilder();
        for (JsonNode p : packets) {
            String kind = p.get("kind").asText();
            kinds.add(kind);
            assertThat(p.get("violations")).as("packet %s", p).isEmpty();
            if (kind.equals("INITIATE") || kind.equals("MESSAGE")) {
                assertThat(p.get("box").asText()).as("packet %s", p.get("index")).startsWith("opened");
                for (JsonNode f : p.get("frames")) {
                    if (f.get("name").asText().equals("STREAM") && p.get("box").asText().contains("responder")) {
                        echoed.append(f.get("fields").get("data").asText());
                    }
                }
            }
        }
        assertThat(kinds).startsWith("HELLO", "COOKIE", "INITIATE").contains("MESSAGE")
                .containsOnly("HELLO", "COOKIE", "INITIATE", "MESSAGE");
        assertThat(echoed.toString()).as("the echoed bytes, decrypted").contains(HexFormat.of().formatHex(payload));
    }

    @Test
    void helpDocumentsTheOptionsAndTheKeyExportRule() {
        assertThat(cliHelp()).contains("--capture=FILE", "--keylog=FILE", "SEC-FS-2");
    }

    private static String cliHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = SssCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.execute("serve", "--help");
        return out.toString();
    }
}
