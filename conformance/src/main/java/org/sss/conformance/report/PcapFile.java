package org.sss.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Writes datagrams as a classic pcap file (link type Ethernet, microsecond timestamps) that tshark and
 * Wireshark open. The writer is Pcap4J over the system's libpcap (DESIGN.md section 6). Where libpcap
 * cannot be loaded (not installed: {@code scripts/lib/prereqs.sh} installs Debian's libpcap0.8), the
 * same bytes are written by {@link #writeWithoutLibpcap}, a plain implementation of the format that
 * libpcap writes on a little-endian machine; the result says which writer ran and why.
 */
public final class PcapFile {
    /** The snapshot length written into the file header: larger than any UDP datagram. */
    static final int SNAPLEN = 262_144;
    private static final int LINKTYPE_ETHERNET = 1;

    /** Which writer produced a file, and why the fallback was used. */
    public record Written(Path file, boolean libpcap, String fallbackReason) {
        /** One line for the evidence bundle. */
        public String describe() {
            return libpcap ? file.getFileName() + ": written by Pcap4J through the system's libpcap"
                    : file.getFileName() + ": written by the suite's own pcap writer (same format), because libpcap "
                    + "could not be loaded: " + fallbackReason + " (install libpcap0.8: scripts/lib/prereqs.sh)";
        }
    }

    private PcapFile() {
    }

    /** Writes {@code datagrams} to {@code file}, through libpcap when it loads. */
    public static Written write(Path file, List<CapturedDatagram> datagrams) throws IOException {
        String reason;
        try {
            writeWithLibpcap(file, datagrams);
            return new Written(file, true, null);
        } catch (LinkageError e) {
            // JNA throws UnsatisfiedLinkError, and class initialisation errors follow on later calls
            reason = e.toString();
        } catch (Exception e) {
            reason = e.toString();
        }
        writeWithoutLibpcap(file, datagrams);
        return new Written(file, false, reason);
    }

    /** Writes through Pcap4J: a dead handle of link type Ethernet and its dumper. */
    static void writeWithLibpcap(Path file, List<CapturedDatagram> datagrams) throws Exception {
        PcapHandle handle = Pcaps.openDead(DataLinkType.EN10MB, SNAPLEN);
        try {
            PcapDumper dumper = handle.dumpOpen(file.toString());
            try {
                for (CapturedDatagram datagram : datagrams) {
                    dumper.dumpRaw(EthernetFrames.frame(datagram), Timestamp.from(datagram.time()));
                }
                dumper.flush();
            } finally {
                dumper.close();
            }
        } finally {
            handle.close();
        }
    }

    /** Writes the pcap format by hand, in the byte order libpcap uses on x86: little-endian. */
    static void writeWithoutLibpcap(Path file, List<CapturedDatagram> datagrams) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                    .putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
            for (CapturedDatagram datagram : datagrams) {
                byte[] frame = EthernetFrames.frame(datagram);
                Instant t = datagram.time();
                ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                record.putInt((int) t.getEpochSecond()).putInt(t.getNano() / 1000).putInt(frame.length)
                        .putInt(frame.length);
                out.write(record.array());
                out.write(frame);
            }
        }
    }
}
