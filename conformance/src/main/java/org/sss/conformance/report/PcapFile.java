package org.sss.conformance.report;

import java.io.BufferedOutputStream;
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
 * same bytes are written by a plain implementation of the format that libpcap writes on a
 * little-endian machine; the result says which writer ran and why.
 *
 * <p>{@link #open} streams: each datagram is written as it is appended, so a long capture costs no
 * memory; {@link #write} writes a whole list at once.
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

    /** An open capture file that datagrams are appended to, one record each; thread-safe. */
    public interface Writer extends AutoCloseable {
        /** Appends one datagram as an Ethernet frame (see {@link EthernetFrames}). */
        void append(CapturedDatagram datagram) throws IOException;

        /** How many datagrams were appended. */
        int count();

        /** Which writer is writing the file. */
        Written written();

        /** Flushes and closes the file; later appends fail. */
        @Override
        void close() throws IOException;
    }

    private PcapFile() {
    }

    /**
     * Creates (or truncates) {@code file} and writes its header, through libpcap when it loads.
     *
     * @throws IOException if the file cannot be written
     */
    public static Writer open(Path file) throws IOException {
        String reason;
        try {
            return new LibpcapWriter(file);
        } catch (LinkageError e) {
            // JNA throws UnsatisfiedLinkError, and class initialisation errors follow on later calls
            reason = e.toString();
        } catch (Exception e) {
            reason = e.toString();
        }
        return new PlainWriter(file, reason);
    }

    /** Writes {@code datagrams} to {@code file}, through libpcap when it loads. */
    public static Written write(Path file, List<CapturedDatagram> datagrams) throws IOException {
        try (Writer writer = open(file)) {
            for (CapturedDatagram datagram : datagrams) {
                writer.append(datagram);
            }
            return writer.written();
        }
    }

    /** Writes {@code datagrams} with the plain writer, never libpcap (to compare the two writers' bytes). */
    static void writeWithoutLibpcap(Path file, List<CapturedDatagram> datagrams) throws IOException {
        try (Writer writer = new PlainWriter(file, "not tried")) {
            for (CapturedDatagram datagram : datagrams) {
                writer.append(datagram);
            }
        }
    }

    /**
     * What both writers share: a written file, the count of records, and appends refused once closed; a
     * subclass writes one record and releases its file.
     */
    private abstract static class RecordWriter implements Writer {
        private final Written written;
        private int count;
        private boolean closed;

        RecordWriter(Written written) {
            this.written = written;
        }

        /** Writes one datagram's record; called under this writer's lock, never after close. */
        abstract void record(CapturedDatagram datagram) throws IOException;

        /** Flushes and releases the file; called once, under this writer's lock. */
        abstract void release() throws IOException;

        @Override
        public final synchronized void append(CapturedDatagram datagram) throws IOException {
            if (closed) {
                throw new IOException(written.file() + " is closed");
            }
            record(datagram);
            count++;
        }

        @Override
        public final synchronized int count() {
            return count;
        }

        @Override
        public final Written written() {
            return written;
        }

        @Override
        public final synchronized void close() throws IOException {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }

    /** Pcap4J: a dead handle of link type Ethernet and its dumper. */
    private static final class LibpcapWriter extends RecordWriter {
        private final PcapHandle handle;
        private final PcapDumper dumper;

        LibpcapWriter(Path file) throws Exception {
            super(new Written(file, true, null));
            this.handle = Pcaps.openDead(DataLinkType.EN10MB, SNAPLEN);
            try {
                this.dumper = handle.dumpOpen(file.toString());
            } catch (Exception | LinkageError e) {
                handle.close();
                throw e;
            }
        }

        @Override
        void record(CapturedDatagram datagram) throws IOException {
            try {
                dumper.dumpRaw(EthernetFrames.frame(datagram), Timestamp.from(datagram.time()));
            } catch (Exception e) {
                throw new IOException("writing " + written().file() + ": " + e.getMessage(), e);
            }
        }

        @Override
        void release() throws IOException {
            try {
                dumper.flush();
            } catch (Exception e) {
                throw new IOException("flushing " + written().file() + ": " + e.getMessage(), e);
            } finally {
                dumper.close();
                handle.close();
            }
        }
    }

    /** The pcap format by hand, in the byte order libpcap uses on x86: little-endian. */
    private static final class PlainWriter extends RecordWriter {
        private final OutputStream out;

        PlainWriter(Path file, String reason) throws IOException {
            super(new Written(file, false, reason));
            this.out = new BufferedOutputStream(Files.newOutputStream(file));
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
                    .putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
        }

        @Override
        void record(CapturedDatagram datagram) throws IOException {
            byte[] frame = EthernetFrames.frame(datagram);
            Instant t = datagram.time();
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt((int) t.getEpochSecond()).putInt(t.getNano() / 1000).putInt(frame.length)
                    .putInt(frame.length);
            out.write(record.array());
            out.write(frame);
        }

        @Override
        void release() throws IOException {
            out.close();
        }
    }
}
