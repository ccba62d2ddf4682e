package org.sss.tools.dissect;

import java.nio.file.Path;
import java.util.List;
import org.sss.conformance.replay.CaptureReadException;
import org.sss.conformance.replay.PcapReader;
import org.sss.conformance.report.CapturedDatagram;

/**
 * Reads the UDP datagrams of a capture with the conformance suite's reader (Pcap4J over the system's
 * libpcap, any link type and IP version they understand, with its own reader of the classic format
 * when libpcap cannot be loaded), so that dissect and replay see a capture the same way.
 */
final class CaptureReader {
    private CaptureReader() {
    }

    /** The UDP datagrams of {@code file}, in capture order; frames that carry none are skipped. */
    static List<CapturedDatagram> read(Path file) throws UnreadableCaptureException {
        try {
            return PcapReader.read(file).datagrams();
        } catch (CaptureReadException e) {
            throw new UnreadableCaptureException(e.getMessage());
        }
    }
}
