package org.sss.conformance.fuzz;

import java.util.List;
import org.sss.conformance.report.CapturedDatagram;

/**
 * One batch sent to the target.
 *
 * @param stage the stage
 * @param sent the inputs as sent, in order
 * @param datagrams every datagram the fuzzer sent, handshakes included, for the reproducer's pcap
 * @param keylog the keys of the channels used ({@code report/Keylog} format)
 * @param note why the batch stopped early (the target did not complete a handshake), or null
 * @param channels how many channels the batch negotiated (post-handshake stage), 0 before the handshake
 */
public record Execution(Stage stage, List<SentInput> sent, List<CapturedDatagram> datagrams, String keylog,
        String note, int channels) {
    public Execution {
        sent = List.copyOf(sent);
        datagrams = List.copyOf(datagrams);
    }
}
