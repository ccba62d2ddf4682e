package org.sss.tools.dissect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sss.conformance.report.CapturedDatagram;

/** The entry point of the package: every UDP datagram of a capture, dissected with an optional keylog. */
public final class CaptureDissection {
    private CaptureDissection() {
    }

    /**
     * Reads and dissects {@code pcap}.
     *
     * @param pcap   the capture
     * @param keylog the keylog, or null to leave every box opaque
     * @param json   JSON (else text for people)
     * @return the rendered dissection
     * @throws UnreadableCaptureException when either file cannot be read
     */
    public static String render(Path pcap, Path keylog, boolean json) throws UnreadableCaptureException {
        ChannelKeys keys = keylog == null ? ChannelKeys.none() : ChannelKeys.read(keylog);
        List<CapturedDatagram> datagrams = CaptureReader.read(pcap);
        PacketDissector dissector = new PacketDissector(keys);
        List<DissectedPacket> packets = new ArrayList<>();
        for (int i = 0; i < datagrams.size(); i++) {
            packets.add(dissector.dissect(i + 1, datagrams.get(i)));
        }
        if (!json) {
            return TextReport.render(packets);
        }
        try {
            return JsonReport.render(packets);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dissection as JSON", e);
        }
    }
}
