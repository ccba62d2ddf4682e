package org.sss.conformance.replay;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sss.conformance.report.CapturedDatagram;

/**
 * The UDP datagrams of one capture file, in capture order, and how they were read.
 *
 * @param file           the file read
 * @param datagrams      its UDP datagrams (frames without one are skipped and counted)
 * @param skipped        how many frames carried no UDP datagram (ARP, TCP, fragments, other link types)
 * @param libpcap        whether Pcap4J and the system's libpcap read it
 * @param fallbackReason why the suite's own reader ran instead, or null
 */
public record Capture(Path file, List<CapturedDatagram> datagrams, int skipped, boolean libpcap,
        String fallbackReason) {
    /** Copies the list. */
    public Capture {
        datagrams = List.copyOf(datagrams);
    }

    /**
     * The responder of the capture: the destination of its first HELLO, else of its first INITIATE (an initiator
     * sends those only to a responder), else the source of its first COOKIE, else empty (a capture without
     * negotiation packets). The destination comes first because an attack capture may hold forged COOKIEs sent
     * to the responder.
     */
    public Optional<InetSocketAddress> responder() {
        for (PacketKind kind : new PacketKind[] {PacketKind.HELLO, PacketKind.INITIATE}) {
            for (CapturedDatagram d : datagrams) {
                if (PacketKind.of(d.payload()) == kind) {
                    return Optional.of(d.target());
                }
            }
        }
        for (CapturedDatagram d : datagrams) {
            if (PacketKind.of(d.payload()) == PacketKind.COOKIE) {
                return Optional.of(d.source());
            }
        }
        return Optional.empty();
    }

    /** The datagrams {@code selection} accepts, in capture order. */
    public List<CapturedDatagram> select(Predicate<CapturedDatagram> selection) {
        return datagrams.stream().filter(selection).toList();
    }

    /** One line: the file, the count, and which reader ran. */
    public String describe() {
        return file.getFileName() + ": " + datagrams.size() + " UDP datagram(s)"
                + (skipped > 0 ? ", " + skipped + " other frame(s) skipped" : "")
                + (libpcap ? ", read by Pcap4J through the system's libpcap"
                        : ", read by the suite's own pcap reader because libpcap could not be loaded: " + fallbackReason);
    }
}
