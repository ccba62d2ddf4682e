package org.sss.tools.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.KeyFile;
import org.sss.core.testservices.TestServices;
import picocli.CommandLine;

/** {@code sss connect} against a responder host with the test services, in this JVM. */
class ConnectCommandTest {
    private static final long SEED = new SecureRandom().nextLong();

    private static Host server;
    private static String port;
    private static String key;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeAll
    static void startServer() throws Exception {
        System.out.println("[ConnectCommandTest] seed=" + SEED);
        server = Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress("127.0.0.1", 0)).build(), new HostListener() { });
        TestServices.register(server);
        port = Integer.toString(server.localAddress().getPort());
        key = KeyFile.toHex(server.identity());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void echoReturnsStandardInputOnStandardOutput() {
        byte[] input = new byte[200_000];
        new Random(SEED).nextBytes(input);

        assertThat(run(input, "connect", "127.0.0.1", port, key, "echo")).as(err.toString()).isZero();

        assertThat(stdout.toByteArray()).isEqualTo(input);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void echoOfNothingEndsAtThePeersFin() {
        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "echo")).as(err.toString()).isZero();

        assertThat(stdout.toByteArray()).isEmpty();
    }

    @Test
    void discardSendsNothingBack() {
        byte[] input = new byte[50_000];
        new Random(SEED + 1).nextBytes(input);

        assertThat(run(input, "connect", "127.0.0.1", port, key, "discard")).as(err.toString()).isZero();

        assertThat(stdout.toByteArray()).isEmpty();
    }

    @Test
    void sourceWritesThePatternOfTheRequestedLength() {
        int length = 1 + new Random(SEED + 2).nextInt(300_000);

        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "source", "--bytes", Integer.toString(length),
                "--record-size", "1000")).as(err.toString()).isZero();

        byte[] expected = new byte[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (byte) (i % 251);
        }
        assertThat(stdout.toByteArray()).isEqualTo(expected);
    }

    @Test
    void sourceOfZeroBytesWritesNothing() {
        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "source", "--bytes", "0"))
                .as(err.toString()).isZero();

        assertThat(stdout.toByteArray()).isEmpty();
    }

    @Test
    void datagramEchoPrintsEachEchoedLine() {
        byte[] input = "alpha\nbeta\n\ngamma".getBytes(US_ASCII);

        assertThat(run(input, "connect", "127.0.0.1", port, key, "datagram-echo")).as(err.toString()).isZero();

        // echoes leave in the order the datagrams completed, which loopback does not promise
        List<String> lines = Arrays.asList(new String(stdout.toByteArray(), US_ASCII).split("\n", -1));
        assertThat(lines).hasSize(5).endsWith("");
        assertThat(lines.subList(0, 4)).containsExactlyInAnyOrder("alpha", "beta", "", "gamma");
    }

    @Test
    void keyMayBeAFileHoldingTheHexDigits() throws Exception {
        Path file = dir.resolve("server.pub");
        Files.writeString(file, key + "\n");

        assertThat(run("hi".getBytes(US_ASCII), "connect", "127.0.0.1", port, file.toString(), "echo"))
                .as(err.toString()).isZero();

        assertThat(new String(stdout.toByteArray(), US_ASCII)).isEqualTo("hi");
    }

    @Test
    void ownIdentityMayComeFromAKeyFile() throws Exception {
        Path file = dir.resolve("client.key");
        KeyFile.create(file, new SecureRandom()).destroy();

        assertThat(run("x".getBytes(US_ASCII), "connect", "--key-file", file.toString(), "127.0.0.1", port, key,
                "echo")).as(err.toString()).isZero();

        assertThat(new String(stdout.toByteArray(), US_ASCII)).isEqualTo("x");
    }

    @Test
    void anUnknownServiceIsRefusedWithItsStatus() {
        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "no-such-service"))
                .isEqualTo(ConnectCommand.FAILED);

        assertThat(err.toString()).contains("sss connect: service 'no-such-service' refused: status 1 SERVICE_NOT_FOUND");
    }

    @Test
    void anUnknownProtocolIsRefusedWithItsStatus() {
        assertThat(run(new byte[0], "connect", "--protocol", "other/1", "127.0.0.1", port, key, "echo"))
                .isEqualTo(ConnectCommand.FAILED);

        assertThat(err.toString()).contains("refused: status 2 PROTOCOL_NOT_FOUND");
    }

    @Test
    void strictRefusesAServiceItDoesNotKnowWithoutConnecting() {
        assertThat(run(new byte[0], "connect", "--strict", "127.0.0.1", port, key, "chat"))
                .isEqualTo(ConnectCommand.NOT_SUPPORTED);

        assertThat(err.toString()).contains("not supported");
    }

    @Test
    void aSilentResponderTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(run(new byte[0], "connect", "--timeout", "300", "127.0.0.1",
                    Integer.toString(silent.getLocalPort()), key, "echo")).isEqualTo(ConnectCommand.FAILED);
        }

        assertThat(err.toString()).contains("negotiating a channel", "timed out after 300 ms");
    }

    @Test
    void theWrongResponderKeyGetsNoChannel() {
        String wrong = KeyFile.toHex(KeyPair.generate(new SecureRandom()).publicKey());

        assertThat(run(new byte[0], "connect", "--timeout", "500", "127.0.0.1", port, wrong, "echo"))
                .isEqualTo(ConnectCommand.FAILED);

        assertThat(err.toString()).contains("timed out");
    }

    @Test
    void usageErrors() {
        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("SERVICE");

        assertThat(run(new byte[0], "connect", "127.0.0.1", "0", key, "echo")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("PORT: port must be 1 to 65535");

        assertThat(run(new byte[0], "connect", "127.0.0.1", port, "abcd", "echo")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("KEY: neither 64 hex digits nor an existing file");

        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "echo", "--bytes", "5"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("source service only");

        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "source")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("source needs --bytes");

        assertThat(run(new byte[0], "connect", "127.0.0.1", port, key, "source", "--bytes", "1",
                "--record-size", "4294967296")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(new byte[0], "connect", "--timeout", "0", "127.0.0.1", port, key, "echo"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(stdout.toByteArray()).isEmpty();
    }

    @Test
    void aMissingOwnKeyFileIsBadInput() {
        assertThat(run(new byte[0], "connect", "--key-file", dir.resolve("none.key").toString(), "127.0.0.1", port,
                key, "echo")).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertThat(run(new byte[0], "connect", "--help")).isZero();

        assertThat(out.toString()).contains("Usage: sss connect", "HOST PORT KEY SERVICE", "--timeout=MS",
                "SERVICE is not one this client knows");
    }

    private int run(byte[] input, String... args) {
        err.getBuffer().setLength(0);
        CommandLine commandLine = SssCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        InputStream stdin = new ByteArrayInputStream(input);
        ((ConnectCommand) commandLine.getSubcommands().get("connect").getCommand()).standardStreams(stdin, stdout);
        return commandLine.execute(args);
    }
}
