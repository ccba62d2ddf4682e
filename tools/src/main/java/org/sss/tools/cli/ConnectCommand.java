package org.sss.tools.cli;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.Host;
import org.sss.core.host.HostConfig;
import org.sss.core.host.HostListener;
import org.sss.core.host.KeyFile;
import org.sss.core.host.SecureChannel;
import org.sss.core.host.ServiceRefusedException;
import org.sss.core.host.Stream;
import org.sss.core.testservices.TestServices;
import org.sss.core.wire.ServiceStatus;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sss connect HOST PORT KEY SERVICE}: the reference implementation in the initiator role,
 * as the conformance suite's implementation-under-test contract runs it: negotiates a channel,
 * connects a stream to a service and exchanges data between the stream and standard input and output.
 */
@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Connect to a service of a responder and exchange data through stdin and stdout.",
        description = {
            "Negotiates a channel with the responder at HOST PORT whose long-term public",
            "key is KEY, connects a stream to SERVICE under --protocol and, after the OK",
            "reply, exchanges data by SERVICE:",
            "",
            "echo, discard: copies standard input to the stream, finishing it (FIN) at",
            "  the input's end, and the stream's bytes to standard output until the",
            "  peer's FIN.",
            "source: sends the 12-byte command record (SPEC.md A.3: u64 --bytes, u32",
            "  --record-size) and FIN, and copies the bytes that come back to standard",
            "  output until the peer's FIN.",
            "datagram-echo: sends each line of standard input (its bytes before \\n; a",
            "  last line without one counts) as a datagram, and writes each datagram that",
            "  comes back as a line, in arrival order. It stops once as many came back",
            "  as were sent (exit 0), or when --timeout passes after the input's end",
            "  with none arriving (exit 1).",
            "any other service: as echo; with --strict, exit 127 without connecting.",
            "",
            "Record boundaries are not shown. At the end it closes the channel (CLOSE,",
            "NO_ERROR, reason \"done\"). Standard output carries the service's data",
            "only; messages go to standard error, each line starting \"sss connect: \".",
            "A refusal reads \"sss connect: service 'NAME' refused: status <n> <NAME>\"",
            "(SPEC.md 9.4; an unknown status is named as treated as REFUSED).",
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the exchange completed",
            "1:failed: no channel, service refused, stream reset, or timed out",
            "2:usage error (unknown option, missing argument, value out of range)",
            "3:a key file (KEY, --key-file) is missing, malformed or readable by others",
            ExitCodes.INTERNAL_LINE,
            "127:SERVICE is not one this client knows, with --strict",
        })
final class ConnectCommand implements Callable<Integer> {
    /** The prefix of every message this command prints. */
    static final String PREFIX = "sss connect: ";
    /** The exchange failed: see {@link ConnectFailure}. */
    static final int FAILED = 1;
    /** The service is not one this client knows, with {@code --strict}. */
    static final int NOT_SUPPORTED = 127;

    private static final Set<String> KNOWN_SERVICES = Set.of(TestServices.ECHO, TestServices.DISCARD,
            TestServices.SOURCE, TestServices.DATAGRAM_ECHO);
    private static final long MAX_U32 = 0xFFFF_FFFFL;

    @Parameters(index = "0", paramLabel = "HOST", description = "The responder's address or host name.")
    private String host;

    @Parameters(index = "1", paramLabel = "PORT", description = "The responder's UDP port, 1 to 65535.")
    private String port;

    @Parameters(index = "2", paramLabel = "KEY",
            description = "The responder's long-term public key: 64 hex digits, or a file holding them (as `sss "
                    + "key` prints them), or the responder's key file (as `sss keygen` writes it).")
    private String key;

    @Parameters(index = "3", paramLabel = "SERVICE",
            description = "The service to connect to: echo, discard, source, datagram-echo, or any other name.")
    private String service;

    @Option(names = "--protocol", paramLabel = "NAME", defaultValue = TestServices.PROTOCOL,
            description = "The protocol asked for in the connect request (default: ${DEFAULT-VALUE}).")
    private String protocol;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000",
            description = "The longest wait, at least 1 (default: ${DEFAULT-VALUE}): for the channel's "
                    + "negotiation, for the service's reply, for each write to enter the stream's send "
                    + "window, and, once this end has sent everything (the input's end, the source "
                    + "command), for each next piece of data, FIN or echoed datagram from the peer. While "
                    + "standard input is open, waiting for the peer's data is not timed.")
    private long timeoutMs;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "This host's long-term key pair, as written by `sss keygen` (default: a fresh random one).")
    private Path keyFile;

    @Option(names = "--bytes", paramLabel = "N",
            description = "source only, required there: N, how many bytes to ask for, 0 to 2^63 - 1.")
    private Long bytes;

    @Option(names = "--record-size", paramLabel = "S",
            description = "source only: S, a record boundary after every S bytes, 0 (none) to 4294967295 "
                    + "(default: 0).")
    private Long recordSize;

    @Option(names = "--strict",
            description = "Exit with 127 (not supported), without connecting, when SERVICE is not one of the "
                    + "four above.")
    private boolean strict;

    @Option(names = "--idle-timeout", paramLabel = "MS",
            description = "SETTINGS IDLE_TIMEOUT_MS this host announces, 0 (none) to 4294967295 (default: 120000).")
    private Long idleTimeoutMs;

    @Option(names = "--rekey-interval", paramLabel = "MS",
            description = "The channel age at which this host, the initiator, negotiates a replacement channel "
                    + "(SPEC CHN-REKEY-1), jitter 0, at least 1 (default: 30 min + U(0, 5 min)).")
    private Long rekeyIntervalMs;

    @Spec
    private CommandSpec spec;

    private InputStream stdin = System.in;
    private OutputStream stdout = System.out;

    /** Reads standard input from {@code in} and writes standard output to {@code out}: for tests. */
    void standardStreams(InputStream in, OutputStream out) {
        this.stdin = in;
        this.stdout = out;
    }

    @Override
    public Integer call() throws Exception {
        InetSocketAddress address;
        ChannelConfig channelConfig;
        PublicKey peerKey;
        try {
            address = address();
            ServeChannelSettings.requireRange("--timeout", timeoutMs, 1, Long.MAX_VALUE / 1_000_000);
            checkSourceOptions();
            channelConfig = ServeChannelSettings.channelConfig(idleTimeoutMs, rekeyIntervalMs, null);
            peerKey = ConnectPeerKey.parse(key);
        } catch (IllegalArgumentException e) {
            return Usage.error(spec, e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (strict && !KNOWN_SERVICES.contains(service)) {
            err.println(PREFIX + "service '" + service + "' is not supported by this client (--strict)");
            err.flush();
            return NOT_SUPPORTED;
        }
        KeyPair identity = identity();
        // a client only: it answers no HELLO; its socket is any local port of the responder's family
        HostConfig config = HostConfig.builder(identity)
                .bindAddress(new InetSocketAddress(address.getAddress() instanceof Inet6Address ? "::" : "0.0.0.0", 0))
                .acceptChannels(false)
                .channelConfig(channelConfig)
                .build();
        ConnectWait wait = new ConnectWait(timeoutMs);
        try (Host client = Host.start(config, new HostListener() { })) {
            exchange(client, address, peerKey, wait);
            return ExitCodes.OK;
        } catch (ConnectFailure e) {
            err.println(PREFIX + e.getMessage());
            err.flush();
            return FAILED;
        } finally {
            identity.destroy();
        }
    }

    private void exchange(Host client, InetSocketAddress address, PublicKey peerKey, ConnectWait wait)
            throws Exception {
        SecureChannel channel = wait.await(client.connect(address, peerKey),
                "negotiating a channel with " + ServeAddress.format(address));
        Stream stream;
        try {
            stream = wait.await(channel.connect(service, protocol), "connecting to service '" + service + "'");
        } catch (ConnectFailure e) {
            if (e.getCause() instanceof ServiceRefusedException refused) {
                ServiceStatus status = ServiceStatus.fromCode(refused.status());
                // SPEC SVC-STATUS-1: an unknown status counts as REFUSED
                String name = status != null ? status.name() : "unknown, treated as " + ServiceStatus.REFUSED.name();
                throw new ConnectFailure("service '" + service + "' refused: status " + refused.status() + " " + name,
                        refused);
            }
            throw e;
        }
        InputStream in = new BufferedInputStream(stdin);
        switch (service) {
            case TestServices.SOURCE -> ConnectSource.run(stream, bytes, recordSize == null ? 0 : recordSize, stdout,
                    wait);
            case TestServices.DATAGRAM_ECHO -> ConnectDatagramEcho.run(stream, in, stdout, wait);
            default -> ConnectByteCopy.run(stream, in, stdout, wait);
        }
        closeChannels(client, wait);
    }

    /**
     * Closes every channel of the client with reason "done": the negotiated one, or its replacement
     * after a rekey (a finished stream no longer names its channel).
     */
    private static void closeChannels(Host client, ConnectWait wait) {
        try {
            for (SecureChannel open : wait.await(client.channels(), "listing the channels")) {
                wait.await(open.close("done"), "closing the channel");
            }
        } catch (ConnectFailure e) {
            // the exchange is complete; closing the host ends the channels in any case
        }
    }

    private InetSocketAddress address() {
        int number = ServeAddress.port(port, 1, "PORT");
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetSocketAddress address = new InetSocketAddress(name, number);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("HOST: cannot resolve '" + host + "'");
        }
        return address;
    }

    private void checkSourceOptions() {
        if (!TestServices.SOURCE.equals(service)) {
            if (bytes != null || recordSize != null) {
                throw new IllegalArgumentException("--bytes and --record-size apply to the source service only");
            }
            return;
        }
        if (bytes == null) {
            throw new IllegalArgumentException("source needs --bytes N");
        }
        ServeChannelSettings.requireRange("--bytes", bytes, 0, Long.MAX_VALUE);
        if (recordSize != null) {
            ServeChannelSettings.requireRange("--record-size", recordSize, 0, MAX_U32);
        }
    }

    private KeyPair identity() throws Exception {
        if (keyFile == null) {
            return KeyPair.generate(new SecureRandom());
        }
        if (!Files.isRegularFile(keyFile)) {
            throw new SpecInputException(List.of(keyFile + " does not exist"));
        }
        try {
            return KeyFile.read(keyFile);
        } catch (IllegalArgumentException e) {
            throw new SpecInputException(List.of(e.getMessage()));
        }
    }
}
