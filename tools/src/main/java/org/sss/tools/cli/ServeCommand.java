package org.sss.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.SecretKey;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.HostStatistics;
import org.sss.core.host.KeyFile;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.testservices.TestServices;
import org.sss.core.wire.DropReason;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sss serve}: the reference implementation in the responder role, offering the four test
 * services of SPEC.md Appendix A, as the conformance suite's implementation-under-test contract
 * expects.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run a responder host that offers the test services (the conformance suite's IUT).",
        description = {
            "Binds UDP ADDR:PORT and offers echo, discard, source and datagram-echo",
            "under protocol sss-test/1 (SPEC.md Appendix A) to any authenticated",
            "initiator. Once ready it prints exactly one line to standard output, and",
            "flushes it:",
            "",
            "  sss serve: listening udp <addr>:<port> key <public key>",
            "",
            "<addr> is the bound address (IPv6 in brackets), <port> the bound port (the",
            "one the system chose for PORT 0), <public key> 64 lowercase hex digits.",
            "Nothing else goes to standard output; log messages go to standard error.",
            "It serves until SIGINT or SIGTERM or, with --exit-on-stdin-eof, until",
            "standard input ends; then it closes every channel (CLOSE, NO_ERROR) and",
            "the socket.",
            "",
            "Exactly one of --key, --key-hex and --generate-key is required. Each timer",
            "option left out keeps SPEC.md's default.",
            "",
            "--capture and --keylog record the host's traffic for `sss dissect`; the",
            "keylog exports channel keys, so it is written only when asked for",
            "(SPEC SEC-FS-2). Log lines about them go to standard error.",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:stopped after standard input ended (--exit-on-stdin-eof)",
            "1:could not bind ADDR:PORT",
            "2:usage error (unknown option, no key option, a value out of range)",
            "3:the --key file is missing, malformed, or readable by others; a --capture or --keylog file "
                    + "cannot be written",
            ExitCodes.INTERNAL_LINE,
            "130:stopped by SIGINT (143: by SIGTERM), after the same clean-up",
        })
final class ServeCommand implements Callable<Integer> {
    /** The prefix of every line this command prints. */
    static final String PREFIX = "sss serve: ";
    /** The first words of the ready line on standard output. */
    static final String READY = PREFIX + "listening udp ";
    private static final long STATISTICS_WAIT_SECONDS = 5;

    @Option(names = "--listen", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:" + HostConfig.DEFAULT_PORT,
            description = "The UDP address to bind: IPv4 a.b.c.d:PORT, IPv6 [x::y]:PORT, or a host name; PORT 0 "
                    + "lets the system choose (default: ${DEFAULT-VALUE}).")
    private String listen;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private KeySource key;

    @Option(names = "--exit-on-stdin-eof",
            description = "Stop, with exit code 0, when standard input reaches its end (read and discarded).")
    private boolean exitOnStdinEof;

    @Option(names = "--idle-timeout", paramLabel = "MS",
            description = "SETTINGS IDLE_TIMEOUT_MS this host announces, 0 (none) to 4294967295 (default: 120000).")
    private Long idleTimeoutMs;

    @Option(names = "--rekey-interval", paramLabel = "MS",
            description = "Channel rotation age with jitter 0, at least 1 (default: 30 min + U(0, 5 min)). Only "
                    + "initiators rotate (SPEC CHN-REKEY-1), so this changes nothing for the channels "
                    + "`serve` accepts; it is accepted so that every IUT takes the same timer options.")
    private Long rekeyIntervalMs;

    @Option(names = "--minute-key-rotation", paramLabel = "MS",
            description = "How often the cookie minute key rotates, at least 1; a cookie stays valid for up to "
                    + "twice this (default: 60000).")
    private Long minuteKeyRotationMs;

    @Option(names = "--max-concurrent-streams", paramLabel = "N",
            description = "SETTINGS MAX_CONCURRENT_PEER_STREAMS this host announces, 0 to 4294967295 (default: 100).")
    private Long maxConcurrentStreams;

    @Option(names = "--seed", paramLabel = "N",
            description = "Deterministic mode: the host's randomness (minute keys, short-term keys, cookie and "
                    + "vouch nonces, skipped packet numbers) and a --generate-key key come from generators "
                    + "seeded with N. Timing, the order of events and peers stay nondeterministic.")
    private Long seed;

    @Option(names = "--stats",
            description = "On exit, print the drop counters to standard error: `sss serve: drops total <n>`, "
                    + "then `sss serve: drop <VERDICT> <n>` for each non-zero verdict of SPEC.md section 13, "
                    + "then `sss serve: refused initiates <n>` and `sss serve: rate-limited hellos <n>`.")
    private boolean stats;

    /**
     * Hidden on purpose (DESIGN.md section 4): deliberate protocol bugs, for the conformance suite's
     * self-tests only; listed in no help text. An unknown NAME is a usage error naming the valid ones.
     */
    @Option(names = "--capture", paramLabel = "FILE",
            description = "Record every datagram the host sends and receives into FILE, a classic pcap file "
                    + "(Ethernet/IP/UDP), streamed to disk as the datagrams pass.")
    private Path capture;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "Export keys to FILE in the SSS key log format (SPEC.md Appendix D): one line per "
                    + "channel as it is established, `SSS_CHANNEL <I'> <i'> <R'> <K> <channel-id> <r'>` (hex; i' "
                    + "is `-` for channels this responder accepted), and an `SSS_MINUTE_KEY` line for each "
                    + "minute key as it becomes current.")
    private Path keylog;

    @Option(names = "--bug", paramLabel = "NAME", hidden = true)
    private List<ProtocolBug> bugs = List.of();

    @Spec
    private CommandSpec spec;

    private InputStream stdin = System.in;

    /** The three ways to name the host's long-term key; exactly one is given. */
    static final class KeySource {
        @Option(names = "--key", paramLabel = "FILE", required = true,
                description = "Read the long-term key pair from FILE, as written by `sss keygen` (mode 0600).")
        Path file;

        @Option(names = "--key-hex", paramLabel = "HEX", required = true,
                description = "The 32-byte long-term secret key as 64 hex digits (visible to `ps`: tests only).")
        String hex;

        @Option(names = "--generate-key", required = true,
                description = "A fresh random long-term key pair (from the seed with --seed).")
        boolean generate;
    }

    /** Reads standard input from {@code in} instead of {@link System#in}: for tests. */
    void stdin(InputStream in) {
        this.stdin = in;
    }

    @Override
    public Integer call() throws Exception {
        InetSocketAddress bind;
        ChannelConfig channelConfig;
        Duration minuteKeyRotation = Duration.ofSeconds(60);
        try {
            bind = ServeAddress.parse(listen);
            channelConfig = ServeChannelSettings.channelConfig(idleTimeoutMs, rekeyIntervalMs, maxConcurrentStreams);
            if (minuteKeyRotationMs != null) {
                ServeChannelSettings.requireRange("--minute-key-rotation", minuteKeyRotationMs, 1,
                        Long.MAX_VALUE / 1_000_000);
                minuteKeyRotation = Duration.ofMillis(minuteKeyRotationMs);
            }
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        ServeSeededRandom seeded = seed == null ? null : new ServeSeededRandom(seed);
        KeyPair identity;
        try {
            identity = identity(seeded);
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        HostConfig.Builder config = HostConfig.builder(identity)
                .bindAddress(bind)
                .channelConfig(channelConfig)
                .minuteKeyRotation(minuteKeyRotation);
        if (!bugs.isEmpty()) {
            config.protocolBugs(EnumSet.copyOf(bugs));
        }
        if (seeded != null) {
            config.secureRandom(seeded.secure()).random(seeded.nonSecret());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServeCapture recorder;
        try {
            recorder = ServeCapture.open(capture, keylog);
        } catch (IOException e) {
            err.println(PREFIX + "cannot write the capture or keylog: " + e);
            err.flush();
            identity.destroy();
            return ExitCodes.BAD_INPUT;
        }
        if (recorder.capturesDatagrams()) {
            config.datagramTap(recorder);
        }
        if (recorder.logsKeys()) {
            config.channelKeyLog(recorder);
        }
        Host host;
        try {
            host = Host.start(config.build(), new HostListener() { });
        } catch (Exception e) {
            // Netty reports a failed bind (address in use, not local) as a checked exception it does not declare
            err.println(PREFIX + "cannot listen on udp " + listen + ": " + e);
            err.flush();
            identity.destroy();
            recorder.close();
            return ExitCodes.CHECK_FAILED;
        }
        try (ServeLifetime lifetime = new ServeLifetime()) {
            try {
                // SPEC TST-GEN-1, TST-GEN-2: the four test services under sss-test/1
                TestServices.register(host);
                out.println(READY + ServeAddress.format(host.localAddress()) + " key " + KeyFile.toHex(host.identity()));
                out.flush();
                if (exitOnStdinEof) {
                    lifetime.stopAtEndOf(stdin);
                }
                lifetime.awaitStop();
                if (stats) {
                    printStatistics(host, err);
                }
            } finally {
                host.close();
                identity.destroy();
                finishCapture(recorder, err);
            }
        }
        return ExitCodes.OK;
    }

    private KeyPair identity(ServeSeededRandom seeded) throws Exception {
        if (key.file != null) {
            if (!Files.isRegularFile(key.file)) {
                throw new SpecInputException(List.of(key.file + " does not exist"));
            }
            try {
                return KeyFile.read(key.file);
            } catch (IllegalArgumentException e) {
                throw new SpecInputException(List.of(e.getMessage()));
            }
        }
        if (key.hex != null) {
            String hex = key.hex.strip().toLowerCase(Locale.ROOT);
            if (hex.length() != 2 * SecretKey.LENGTH) {
                throw new IllegalArgumentException("--key-hex: expected " + 2 * SecretKey.LENGTH
                        + " hex digits, got " + hex.length());
            }
            byte[] secret;
            try {
                secret = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--key-hex: not hex: " + e.getMessage(), e);
            }
            try {
                return KeyPair.fromSecretKey(SecretKey.of(secret));
            } finally {
                java.util.Arrays.fill(secret, (byte) 0);
            }
        }
        return KeyPair.generate(seeded != null ? seeded.keys() : new SecureRandom());
    }

    /** Writes the capture once the host is closed (its CLOSE datagrams included); reports it on standard error. */
    private static void finishCapture(ServeCapture recorder, PrintWriter err) {
        try {
            String written = recorder.finish();
            if (written != null) {
                err.println(PREFIX + "captured " + written);
            }
        } catch (IOException e) {
            err.println(PREFIX + "cannot write the capture: " + e);
        }
        err.flush();
    }

    /** The {@code --stats} lines, on standard error. */
    private static void printStatistics(Host host, PrintWriter err) {
        Map<DropReason, Long> drops = host.drops().snapshot();
        err.println(PREFIX + "drops total " + host.drops().total());
        drops.forEach((reason, count) -> err.println(PREFIX + "drop " + reason + " " + count));
        try {
            HostStatistics statistics = host.statistics().get(STATISTICS_WAIT_SECONDS, TimeUnit.SECONDS);
            err.println(PREFIX + "refused initiates " + statistics.refusals());
            err.println(PREFIX + "rate-limited hellos " + statistics.rateLimited());
        } catch (Exception e) {
            err.println(PREFIX + "statistics unavailable: " + e);
        }
        err.flush();
    }
}
