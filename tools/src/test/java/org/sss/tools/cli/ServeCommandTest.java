package org.sss.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.KeyFile;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;
import org.sss.core.wire.ServiceEntry;

/** {@code sss serve}, started in this JVM and reached with the real Host API. */
class ServeCommandTest {
    private static final long SEED = new SecureRandom().nextLong();
    private static final long WAIT_SECONDS = ServeRun.WAIT_SECONDS;

    @TempDir
    Path dir;

    static {
        System.out.println("[ServeCommandTest] seed=" + SEED);
    }

    @Test
    void servesTheTestServicesUntilStandardInputEnds() throws Exception {
        ServeRun serve = ServeRun.start("--listen", "127.0.0.1:0", "--generate-key", "--exit-on-stdin-eof", "--stats");
        Matcher ready = serve.awaitReady();
        InetSocketAddress address = new InetSocketAddress(ready.group(1), Integer.parseInt(ready.group(2)));
        PublicKey identity = KeyFile.parsePublicKey(ready.group(3));
        assertThat(address.getPort()).isPositive();

        byte[] payload = new byte[100_000];
        new Random(SEED).nextBytes(payload);
        try (Host client = clientHost()) {
            SecureChannel channel = await(client.connect(address, identity));
            assertThat(await(channel.listServices())).extracting(ServiceEntry::name)
                    .contains(TestServices.ECHO, TestServices.DISCARD, TestServices.SOURCE, TestServices.DATAGRAM_ECHO);
            Stream echo = await(channel.connect(TestServices.ECHO, TestServices.PROTOCOL));
            echo.write(payload);
            echo.finish();
            assertThat(echo.inputStream().readAllBytes()).isEqualTo(payload);
            await(channel.close("done"));
        }

        assertThat(serve.stop()).isZero();
        assertThat(serve.out.toString()).matches(ServeRun.READY.pattern()); // exactly one line
        assertThat(serve.err.toString()).contains("sss serve: drops total ", "sss serve: refused initiates 0");
    }

    @Test
    void aSeedFixesTheGeneratedKey() throws Exception {
        long seed = new Random(SEED).nextLong();
        String first = keyOf("--generate-key", "--seed", Long.toString(seed));
        String again = keyOf("--generate-key", "--seed", Long.toString(seed));
        String other = keyOf("--generate-key", "--seed", Long.toString(seed + 1));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theKeyComesFromHexOrAKeyFile() throws Exception {
        KeyPair pair = KeyPair.generate(new SecureRandom());
        String secretHex = HexFormat.of().formatHex(pair.secretKey().bytes());
        assertThat(keyOf("--key-hex", secretHex)).isEqualTo(KeyFile.toHex(pair.publicKey()));

        Path file = dir.resolve("serve.key");
        KeyPair fromFile = KeyFile.create(file, new SecureRandom());
        assertThat(keyOf("--key", file.toString())).isEqualTo(KeyFile.toHex(fromFile.publicKey()));
    }

    @Test
    void timerOptionsAreAcceptedAndChecked() throws Exception {
        assertThat(keyOf("--generate-key", "--idle-timeout", "2000", "--rekey-interval", "1000",
                "--minute-key-rotation", "500", "--max-concurrent-streams", "4")).matches("[0-9a-f]{64}");

        Outcome outcome = runToEnd("--generate-key", "--minute-key-rotation", "0");
        assertThat(outcome.code).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err).contains("--minute-key-rotation: must be 1 to");

        outcome = runToEnd("--generate-key", "--idle-timeout", "4294967296");
        assertThat(outcome.code).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err).contains("--idle-timeout");
    }

    @Test
    void usageErrorsAndBadKeys() throws Exception {
        Outcome outcome = runToEnd();
        assertThat(outcome.code).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err).contains("--generate-key");

        outcome = runToEnd("--generate-key", "--key-hex", "00".repeat(32));
        assertThat(outcome.code).isEqualTo(ExitCodes.USAGE);

        outcome = runToEnd("--key-hex", "abc");
        assertThat(outcome.code).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err).contains("--key-hex: expected 64 hex digits, got 3");

        outcome = runToEnd("--generate-key", "--listen", "127.0.0.1");
        assertThat(outcome.code).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err).contains("--listen: expected ADDR:PORT");

        outcome = runToEnd("--key", dir.resolve("missing.key").toString());
        assertThat(outcome.code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(outcome.out).isEmpty();
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            Outcome outcome = runToEnd("--generate-key", "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertThat(outcome.code).isEqualTo(1);
            assertThat(outcome.err).contains("sss serve: cannot listen on udp 127.0.0.1:" + taken.getLocalPort());
            assertThat(outcome.out).isEmpty();
        }
    }

    @Test
    void helpDocumentsTheReadyLine() throws Exception {
        Outcome outcome = runToEnd("--help");

        assertThat(outcome.code).isZero();
        assertThat(outcome.out).contains("sss serve: listening udp <addr>:<port> key", "--exit-on-stdin-eof",
                "--minute-key-rotation=MS", "--seed=N");
    }

    /** The public key a server prints, after starting and stopping it. */
    private static String keyOf(String... keyOptions) throws Exception {
        String[] args = new String[keyOptions.length + 3];
        args[0] = "--listen";
        args[1] = "127.0.0.1:0";
        args[2] = "--exit-on-stdin-eof";
        System.arraycopy(keyOptions, 0, args, 3, keyOptions.length);
        ServeRun serve = ServeRun.start(args);
        String key = serve.awaitReady().group(3);
        assertThat(serve.stop()).isZero();
        return key;
    }

    /** Runs {@code serve} with a closed standard input: for runs that end before serving. */
    private static Outcome runToEnd(String... options) throws Exception {
        ServeRun serve = ServeRun.start(options);
        int code = serve.stop();
        return new Outcome(code, serve.out.toString(), serve.err.toString());
    }

    private static Host clientHost() throws InterruptedException {
        return Host.start(HostConfig.builder(KeyPair.generate(new SecureRandom()))
                .bindAddress(new InetSocketAddress("127.0.0.1", 0)).acceptChannels(false).build(),
                new HostListener() { });
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private record Outcome(int code, String out, String err) {
    }
}
