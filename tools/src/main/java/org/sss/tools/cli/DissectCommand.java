package org.sss.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.tools.dissect.CaptureDissection;
import org.sss.tools.dissect.UnreadableCaptureException;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sss dissect FILE.pcap [--keylog FILE] [--json]}: every SSS packet of a capture, decoded. */
@Command(
        name = "dissect",
        mixinStandardHelpOptions = true,
        header = "Decode the SSS packets of a pcap capture, opening MESSAGE boxes with a keylog.",
        description = {
            "Reads the UDP datagrams of FILE (a pcap file, e.g. exchange.pcap of a conformance evidence bundle) "
                    + "and prints, for each, the packet kind, the outer fields and the length rules it breaks "
                    + "(with their requirement IDs). With --keylog (keylog.txt of the same bundle), INITIATE "
                    + "and MESSAGE boxes are opened and their header and frames shown."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the capture is dissected",
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

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SpecInputException {
        requireFile(pcap);
        if (keylog != null) {
            requireFile(keylog);
        }
        try {
            spec.commandLine().getOut().print(CaptureDissection.render(pcap, keylog, json));
            spec.commandLine().getOut().flush();
        } catch (UnreadableCaptureException e) {
            throw new SpecInputException(List.of(e.getMessage()));
        }
        return ExitCodes.OK;
    }

    private static void requireFile(Path file) throws SpecInputException {
        if (!Files.isRegularFile(file)) {
            throw new SpecInputException(List.of(file + " does not exist"));
        }
    }
}
