package org.sss.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.tools.dissect.CaptureDissection;
import org.sss.tools.dissect.DissectOptions;
import org.sss.tools.dissect.UnreadableCaptureException;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sss dissect FILE.pcap [--keylog FILE] [--json] [--hex] [--only-violations] [--fail-on-violation]}:
 * every SSS packet of a capture, decoded and checked against the requirements of SPEC.md.
 */
@Command(
        name = "dissect",
        mixinStandardHelpOptions = true,
        header = "Decode the SSS packets of a pcap capture, opening MESSAGE boxes with a keylog.",
        description = {
            "Reads the UDP datagrams of FILE (a pcap file, e.g. exchange.pcap of a conformance evidence bundle) "
                    + "and prints, for each, the packet kind, the outer fields and the length rules it breaks "
                    + "(with their requirement IDs). With --keylog (keylog.txt of the same bundle), INITIATE "
                    + "and MESSAGE boxes are opened, their header and frames shown, and every plaintext checked "
                    + "against the encoding rules of SPEC.md 6.2, 6.3 and 7 (both directions); each channel whose "
                    + "INITIATE is in the capture is also checked with the conformance suite's exchange rules, "
                    + "which judge the responder. A summary line (text) counts the violations by ID.",
            "",
            "JSON: an array, one object per datagram, with the keys index, time, src, dst, kind, length, counter, "
                    + "outer, violations ([{id, reason}]), box, and when the box opened decrypted (INITIATE), "
                    + "plaintextLength, header {flags, version, packetNumberWidth, packetNumber}, frames "
                    + "([{offset, name, length, fields | count}]), fault {offset, inHeader, message}, afterClose; "
                    + "with --hex also hex and plaintextHex."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the capture is dissected (with or without violations, unless --fail-on-violation)",
            "1:with --fail-on-violation: the capture is dissected and a datagram breaks a requirement",
            ExitCodes.USAGE_LINE,
            "3:the capture or the keylog is missing or unreadable",
            ExitCodes.INTERNAL_LINE,
        })
final class DissectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.pcap", description = "The capture (pcap).")
    private Path pcap;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "Keylog with the channel keys (SSS_CHANNEL lines, conformance/README.md).")
    private Path keylog;

    @Option(names = "--json", description = "Print a JSON array, one object per datagram.")
    private boolean json;

    @Option(names = "--hex", description = "Add hex dumps of every datagram and opened plaintext, and show "
            + "long field values in full.")
    private boolean hex;

    @Option(names = "--only-violations", description = "Show only the datagrams that break a requirement.")
    private boolean onlyViolations;

    @Option(names = "--fail-on-violation", description = "Exit with 1 when a datagram breaks a requirement.")
    private boolean failOnViolation;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SpecInputException {
        requireFile(pcap);
        if (keylog != null) {
            requireFile(keylog);
        }
        CaptureDissection.Result result;
        try {
            result = CaptureDissection.render(pcap, keylog, new DissectOptions(json, hex, onlyViolations));
        } catch (UnreadableCaptureException e) {
            throw new SpecInputException(List.of(e.getMessage()));
        }
        spec.commandLine().getOut().print(result.output());
        spec.commandLine().getOut().flush();
        return failOnViolation && result.hasViolations() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private static void requireFile(Path file) throws SpecInputException {
        if (!Files.isRegularFile(file)) {
            throw new SpecInputException(List.of(file + " does not exist"));
        }
    }
}
