package org.sss.tools.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.Keylog;
import org.sss.conformance.report.PcapFile;
import org.sss.core.host.ChannelKeyLog;
import org.sss.core.host.ChannelSecrets;
import org.sss.core.negotiation.Role;
import org.sss.core.transport.DatagramTap;

/**
 * {@code sss serve --capture FILE --keylog FILE}: records the host's datagrams as a classic pcap file
 * and its channels' keys as a keylog in the evidence bundles' format (conformance/README.md), so that
 * {@code sss dissect FILE --keylog FILE} opens every MESSAGE.
 *
 * <p>The keylog is written line by line as channels are established, the way TLS key log files are.
 * The datagrams are kept in memory and written when the server stops, because the pcap writer takes a
 * whole list; a long capture therefore costs memory in proportion to the traffic.
 */
final class ServeCapture implements DatagramTap, ChannelKeyLog, AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();

    private final Path pcap;
    private final BufferedWriter keylog;
    private final List<CapturedDatagram> datagrams = new ArrayList<>();

    private ServeCapture(Path pcap, BufferedWriter keylog) {
        this.pcap = pcap;
        this.keylog = keylog;
    }

    /**
     * Opens the keylog (truncating it) and checks that the capture file can be written.
     *
     * @param pcap the capture file, or null for none
     * @param keylog the keylog file, or null for none
     */
    static ServeCapture open(Path pcap, Path keylog) throws IOException {
        if (pcap != null) {
            Files.write(pcap, new byte[0]); // fail now, not after serving, when the file cannot be written
        }
        BufferedWriter writer = null;
        if (keylog != null) {
            writer = Files.newBufferedWriter(keylog, StandardCharsets.UTF_8);
            writer.write("# SSS keylog (conformance/README.md): " + Keylog.LABEL
                    + " <I'> <i'> <R'> <K> <channel-id>, hex; '-' where unknown\n");
            writer.flush();
        }
        return new ServeCapture(pcap, writer);
    }

    /** Whether datagrams are recorded. */
    boolean capturesDatagrams() {
        return pcap != null;
    }

    /** Whether channel keys are logged. */
    boolean logsKeys() {
        return keylog != null;
    }

    @Override
    public void onDatagram(Direction direction, byte[] payload, InetSocketAddress local, InetSocketAddress remote,
            Instant time) {
        boolean sent = direction == Direction.SENT;
        CapturedDatagram datagram = new CapturedDatagram(time, sent ? local : remote, sent ? remote : local, payload);
        synchronized (datagrams) {
            datagrams.add(datagram);
        }
    }

    @Override
    public void onChannelEstablished(ChannelSecrets secrets) {
        byte[] secret = secrets.ownShortTermSecret();
        byte[] key = secrets.channelKey();
        try {
            // i' is known only to the initiator; a responder knows r', which the format has no field for
            String initiatorSecret = secrets.role() == Role.INITIATOR ? HEX.formatHex(secret) : Keylog.UNKNOWN;
            String line = Keylog.LABEL + ' ' + HEX.formatHex(secrets.initiatorShortTerm().bytes())
                    + ' ' + initiatorSecret + ' ' + HEX.formatHex(secrets.responderShortTerm().bytes())
                    + ' ' + HEX.formatHex(key) + ' ' + HEX.formatHex(secrets.channelId()) + '\n';
            synchronized (keylog) {
                keylog.write(line);
                keylog.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Writes the capture file and closes the keylog; call after the host has closed, so that its last
     * datagrams (CLOSE) are in the capture.
     *
     * @return a line describing what was written, or null when nothing was captured
     */
    String finish() throws IOException {
        close();
        if (pcap == null) {
            return null;
        }
        List<CapturedDatagram> copy;
        synchronized (datagrams) {
            copy = List.copyOf(datagrams);
        }
        PcapFile.Written written = PcapFile.write(pcap, copy);
        return copy.size() + " datagrams to " + written.describe();
    }

    @Override
    public void close() throws IOException {
        if (keylog != null) {
            synchronized (keylog) {
                keylog.close();
            }
        }
    }
}
