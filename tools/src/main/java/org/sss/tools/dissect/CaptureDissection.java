package org.sss.tools.dissect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sss.conformance.report.CapturedDatagram;

/** The entry point of the package: every UDP datagram of a capture, dissected with an optional keylog. */
public final class CaptureDissection {
    private CaptureDissection() {
    }

    /**
     * A rendered dissection.
     *
     * @param output the text or JSON to print
     * @param violations how many marks each requirement ID got over the whole capture, by ID
     */
    public record Result(String output, SortedMap<String, Integer> violations) {
        /** Copies the map. */
        public Result {
            violations = new TreeMap<>(violations);
        }

        /** Whether any datagram breaks a requirement. */
        public boolean hasViolations() {
            return !violations.isEmpty();
        }
    }

    /**
     * Reads and dissects {@code pcap} with the default options: every datagram, no hex dumps.
     *
     * @param pcap   the capture
     * @param keylog the keylog, or null to leave every box opaque
     * @param json   JSON (else text for people)
     * @return the rendered dissection
     * @throws UnreadableCaptureException when either file cannot be read
     */
    public static String render(Path pcap, Path keylog, boolean json) throws UnreadableCaptureException {
        return render(pcap, keylog, new DissectOptions(json, false, false)).output();
    }

    /**
     * Reads and dissects {@code pcap}.
     *
     * @param pcap    the capture
     * @param keylog  the keylog, or null to leave every box opaque
     * @param options how to print it
     * @return the rendered dissection
     * @throws UnreadableCaptureException when either file cannot be read
     */
    public static Result render(Path pcap, Path keylog, DissectOptions options) throws UnreadableCaptureException {
        ChannelKeys keys = keylog == null ? ChannelKeys.none() : ChannelKeys.read(keylog);
        List<DissectedPacket> packets = dissect(CaptureReader.read(pcap), keys);
        SortedMap<String, Integer> counts = new TreeMap<>();
        packets.forEach(p -> p.violations().forEach(m -> counts.merge(m.requirement(), 1, Integer::sum)));
        List<DissectedPacket> shown = options.onlyViolations()
                ? packets.stream().filter(p -> !p.violations().isEmpty()).toList() : packets;
        if (!options.json()) {
            return new Result(TextReport.render(shown, packets.size(), counts, options.hex()), counts);
        }
        try {
            return new Result(JsonReport.render(shown, options.hex()), counts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dissection as JSON", e);
        }
    }

    /** Every datagram dissected and marked: its own checks, then its channel's. */
    static List<DissectedPacket> dissect(List<CapturedDatagram> datagrams, ChannelKeys keys) {
        PacketDissector dissector = new PacketDissector(keys);
        List<DissectedPacket> packets = new ArrayList<>();
        for (int i = 0; i < datagrams.size(); i++) {
            packets.add(dissector.dissect(i + 1, datagrams.get(i)));
        }
        Map<Integer, List<Mark>> channelMarks = ChannelChecks.check(keys, datagrams, packets);
        for (Map.Entry<Integer, List<Mark>> e : channelMarks.entrySet()) {
            int i = e.getKey() - 1;
            packets.set(i, packets.get(i).withMarks(e.getValue()));
        }
        return packets;
    }
}
