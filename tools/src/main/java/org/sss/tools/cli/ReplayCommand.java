package org.sss.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sss.conformance.replay.Capture;
import org.sss.conformance.replay.CaptureReadException;
import org.sss.conformance.replay.DatagramSelection;
import org.sss.conformance.replay.PcapReader;
import org.sss.conformance.replay.ReplayEvent;
import org.sss.conformance.replay.ReplayResult;
import org.sss.conformance.replay.Replayer;
import org.sss.conformance.replay.Timing;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.tools.dissect.CaptureDissection;
import org.sss.tools.dissect.UnreadableCaptureException;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sss replay FILE.pcap --target HOST:PORT}: plays a capture's datagrams to a live implementation and prints
 * what comes back, e.g. a reproducer the fuzzer saved (pcap, keylog, seed) or a conformance evidence bundle.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        header = "Play the datagrams of a pcap capture to a target and print its replies.",
        description = {
            "Reads the UDP datagrams of FILE (pcap or, with libpcap, pcapng) and sends the UDP payloads of the selected "
                    + "ones to --target from one UDP socket, whatever their captured destination, printing each "
                    + "datagram sent and each reply (time, packet kind, length).",
            "Selection: by default every datagram whose source is not the capture's responder, i.e. what the "
                    + "initiators and attackers sent. The responder is the destination of the capture's first HELLO, "
                    + "else of its first INITIATE, else the source of its first COOKIE; a capture with none of those is "
                    + "replayed whole. "
                    + "--from ADDR:PORT selects the datagrams sent from that captured address instead; --all selects "
                    + "every datagram.",
            "With --keylog (the keylog.txt of an evidence bundle or a fuzzer reproducer) the capture is first printed "
                    + "dissected with its channel keys, as `sss dissect FILE --keylog K` does."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every selected datagram was sent; the replies are printed, whatever they are",
            ExitCodes.USAGE_LINE + "; also a malformed --target, --from, --bind or --timing",
            "3:the capture or the keylog is missing or unreadable, the selection is empty, or --bind cannot be bound",
            ExitCodes.INTERNAL_LINE,
        })
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.pcap", description = "The capture to play.")
    private Path pcap;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT",
            description = "Where to send the datagrams, e.g. 127.0.0.1:9660 or [::1]:9660.")
    private String target;

    @Option(names = "--from", paramLabel = "ADDR:PORT",
            description = "Play only the datagrams the capture shows sent from this address.")
    private String from;

    @Option(names = "--all", description = "Play every datagram of the capture, the responder's too.")
    private boolean all;

    @Option(names = "--bind", paramLabel = "ADDR:PORT",
            description = "Send from this local address (default: a free port on every interface).")
    private String bind;

    @Option(names = "--timing", paramLabel = "MODE", defaultValue = "preserve",
            description = "preserve (the captured intervals), compress:N (N times faster) or asap; default ${DEFAULT-VALUE}.")
    private String timing;

    @Option(names = "--listen", paramLabel = "MS", defaultValue = "1000",
            description = "How long to keep receiving after the last datagram, in milliseconds; default ${DEFAULT-VALUE}.")
    private long listenMillis;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "Keylog with the capture's channel keys: print the capture dissected first.")
    private Path keylog;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InetSocketAddress to = address(target, "--target", false);
        InetSocketAddress sourceFilter = from == null ? null : address(from, "--from", false);
        InetSocketAddress local = bind == null ? null : address(bind, "--bind", true);
        Timing mode;
        try {
            mode = Timing.parse(timing);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        if (listenMillis < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen: must not be negative");
        }
        if (from != null && all) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --all exclude each other");
        }
        Capture capture;
        try {
            capture = PcapReader.read(pcap);
        } catch (CaptureReadException e) {
            throw new SpecInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (keylog != null) {
            if (!Files.isRegularFile(keylog)) {
                throw new SpecInputException(keylog + ": no such file");
            }
            try {
                out.print(CaptureDissection.render(pcap, keylog, false));
            } catch (UnreadableCaptureException e) {
                throw new SpecInputException(e.getMessage());
            }
        }
        DatagramSelection selection = selection(capture, sourceFilter, all);
        List<CapturedDatagram> chosen = capture.select(selection);
        out.println("replay: " + capture.describe());
        if (chosen.isEmpty()) {
            throw new SpecInputException(pcap + ": no datagram selected (" + selection + "); nothing to replay");
        }
        try (Replayer replayer = open(to, local)) {
            out.println("replay: " + chosen.size() + " datagram(s) selected: " + selection + "; from "
                    + local(replayer.localAddress()) + " to " + ServeAddress.format(to) + ", timing "
                    + mode);
            out.flush();
            ReplayResult result = replayer.play(chosen, mode, Duration.ofMillis(listenMillis), e -> {
                out.println(line(e));
                out.flush();
            });
            out.println("replay: sent " + result.sent().size() + ", received " + result.replies().size()
                    + " repl" + (result.replies().size() == 1 ? "y" : "ies") + kinds(result.replies()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Replayer open(InetSocketAddress to, InetSocketAddress local) throws IOException {
        try {
            return Replayer.open(to, local);
        } catch (BindException e) {
            throw new SpecInputException("--bind " + ServeAddress.format(local) + ": " + e.getMessage());
        }
    }

    private static DatagramSelection selection(Capture capture, InetSocketAddress sourceFilter) {
        if (sourceFilter != null) {
            return DatagramSelection.from(sourceFilter);
        }
        return capture.responder().map(r -> new DatagramSelection("not sent by the capture's responder "
                + ServeAddress.format(r), DatagramSelection.notFrom(r))).orElse(new DatagramSelection(
                "every datagram (the capture shows no responder)", DatagramSelection.all()));
    }

    private static DatagramSelection selection(Capture capture, InetSocketAddress sourceFilter, boolean every) {
        return every ? DatagramSelection.all() : selection(capture, sourceFilter);
    }

    /** {@code   12.345 ms  sent #3  MESSAGE   96 bytes} or {@code   13.001 ms  reply   MESSAGE   80 bytes from ...}. */
    static String line(ReplayEvent e) {
        String what = e.direction() == ReplayEvent.Direction.SENT ? String.format("sent #%-4d", e.index())
                : "reply     ";
        String tail = e.direction() == ReplayEvent.Direction.RECEIVED ? " from " + ServeAddress.format(e.remote()) : "";
        return String.format("%10.3f ms  %s %-16s %5d bytes%s", e.at().toNanos() / 1e6, what, e.kind(), e.length(),
                tail);
    }

    private static String kinds(List<ReplayEvent> replies) {
        if (replies.isEmpty()) {
            return "";
        }
        Map<String, Integer> counts = new TreeMap<>();
        replies.forEach(r -> counts.merge(r.kind().name(), 1, Integer::sum));
        StringBuilder text = new StringBuilder(":");
        counts.forEach((k, n) -> text.append(' ').append(k).append(' ').append(n));
        return text.toString();
    }

    /** The replaying socket's address; {@code *:PORT} when it is bound to every interface. */
    private static String local(InetSocketAddress address) {
        return address.getAddress().isAnyLocalAddress() ? "*:" + address.getPort() : ServeAddress.format(address);
    }

    /** {@code HOST:PORT}, the IPv6 address in brackets; port 0 only where {@code zeroPort}. */
    private InetSocketAddress address(String text, String option, boolean zeroPort) {
        int colon = text.lastIndexOf(':');
        String host = colon <= 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = "";
        }
        if (host.isEmpty() || colon == text.length() - 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option
                    + ": expected HOST:PORT (e.g. 127.0.0.1:9660 or [::1]:9660), got '" + text + "'");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(host,
                    ServeAddress.port(text.substring(colon + 1), zeroPort ? 0 : 1, option));
            if (address.isUnresolved()) {
                throw new IllegalArgumentException(option + ": cannot resolve '" + host + "'");
            }
            return address;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
