package org.sss.tools.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.KeyFile;
import org.sss.tools.capture.CaptureRun;
import org.sss.tools.capture.CaptureSetup;
import org.sss.tools.capture.Workloads;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sss capture WORKLOAD --pcap F [--keylog K] [--seed N] [--loss PERCENT] [--at responder|initiator]
 * [--target HOST:PORT --target-key HEX] [--list]}: records a named workload of the reference implementation
 * as a pcap file and a key log (the corpus in {@code pcaps/}).
 */
@Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        header = "Record a named workload of the reference implementation as a pcap file and a key log.",
        description = {
            "Runs the reference implementation as initiator through WORKLOAD against an embedded reference "
                    + "responder on loopback (or --target), and records every datagram one host sends and "
                    + "receives (real timestamps, Ethernet/IPv4/UDP with valid checksums) into --pcap. With "
                    + "--keylog, both ends' keys are exported as they appear (SPEC.md Appendix D): "
                    + "`SSS_CHANNEL <I'> <i'> <R'> <K> <channel-id> [<r'>]` per channel and each end, "
                    + "`SSS_MINUTE_KEY <t>` per responder minute key. Key export undoes forward secrecy for "
                    + "whoever reads the file (SEC-FS-2): it happens only with --keylog.",
            "",
            "Keys, nonces, payloads and the relay's drop decisions come from --seed; packet timing does not, "
                    + "so two runs with one seed carry the same content but may differ in ACKs and timing.",
            "Attack workloads (replayed-*, amplification, malformed) are recorded at the responder by default; "
                    + "the others at the initiator. `--list` lists them."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the workload ran and the capture is written",
            "1:the workload failed (a handshake or transfer did not complete); the files hold what was recorded",
            ExitCodes.USAGE_LINE,
            "3:an option is invalid (unknown workload, bad key or address) or a file cannot be written",
            ExitCodes.INTERNAL_LINE,
        })
final class CaptureCommand implements Callable<Integer> {
    private static final String PREFIX = "sss capture: ";

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKLOAD", description = "The workload (see --list).")
    private String workload;

    @Option(names = "--pcap", paramLabel = "FILE", description = "The capture file to write.")
    private java.nio.file.Path pcap;

    @Option(names = "--keylog", paramLabel = "FILE", description = "The key log to write (opt-in key export).")
    private java.nio.file.Path keylog;

    @Option(names = "--seed", paramLabel = "N", description = "The seed of keys, nonces, payloads and loss "
            + "(default: random, printed).")
    private Long seed;

    @Option(names = "--loss", paramLabel = "PERCENT", description = "Drop this share of the datagrams each way, "
            + "through a seeded relay (default 0; the loss workload 8).")
    private Double loss;

    @Option(names = "--at", paramLabel = "SIDE", description = "Record the responder or the initiator.")
    private String at;

    @Option(names = "--target", paramLabel = "HOST:PORT", description = "An external responder instead of the "
            + "embedded one (record --at initiator).")
    private String target;

    @Option(names = "--target-key", paramLabel = "HEX", description = "The external responder's public key.")
    private String targetKey;

    @Option(names = "--list", description = "List the workloads and exit.")
    private boolean list;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Workloads.Entry e : Workloads.list()) {
                out.println(e.name() + (e.attack() ? " (attack)" : "") + ": " + e.description());
            }
            out.flush();
            return ExitCodes.OK;
        }
        CaptureSetup setup = setup();
        out.println(PREFIX + setup.workload() + ": seed " + setup.seed() + " (replay with --seed " + setup.seed()
                + ")");
        out.flush();
        CaptureRun.Summary summary;
        try {
            summary = CaptureRun.run(setup);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println(PREFIX + setup.workload() + " failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.CHECK_FAILED;
        }
        out.println(PREFIX + summary.workload() + ": " + summary.datagrams() + " datagrams at the "
                + setup.side().name().toLowerCase(Locale.ROOT) + ", "
                // channels are counted from the key log: without one, no key leaves the hosts (SEC-FS-2)
                + (setup.keylog() != null ? summary.channels() + " channel(s), " : "")
                + (setup.loss() > 0 ? setup.loss() + " % loss (" + summary.dropped() + " dropped), " : "")
                + "pcap " + setup.pcap() + (setup.keylog() != null ? ", keylog " + setup.keylog() : ", no keylog"));
        out.flush();
        return ExitCodes.OK;
    }

    private CaptureSetup setup() throws SpecInputException {
        if (workload == null) {
            throw new SpecInputException(List.of("a WORKLOAD is required (see --list)"));
        }
        if (pcap == null) {
            throw new SpecInputException(List.of("--pcap FILE is required"));
        }
        try {
            CaptureSetup.Side side = at == null ? null : CaptureSetup.Side.valueOf(at.toUpperCase(Locale.ROOT));
            InetSocketAddress address = target == null ? null : ServeAddress.parse(target);
            PublicKey key = targetKey == null ? null : KeyFile.parsePublicKey(targetKey.strip());
            long s = seed != null ? seed : new java.security.SecureRandom().nextLong();
            return new CaptureSetup(workload, pcap, keylog, s, loss, side, address, key);
        } catch (IllegalArgumentException e) {
            // ServeAddress's messages name --listen, the option of sss serve
            throw new SpecInputException(List.of(String.valueOf(e.getMessage()).replace("--listen", "--target")));
        }
    }
}
