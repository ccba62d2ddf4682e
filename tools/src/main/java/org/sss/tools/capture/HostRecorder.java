package org.sss.tools.capture;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.Keylog;
import org.sss.conformance.report.PcapFile;
import org.sss.core.host.ChannelKeyLog;
import org.sss.core.host.ChannelSecrets;
import org.sss.core.negotiation.Role;
import org.sss.core.transport.DatagramTap;

/**
 * Records one host's datagrams (its {@link DatagramTap}) as a classic pcap file and its keys (its
 * {@link ChannelKeyLog}) as a key log (SPEC.md Appendix D), so that {@code sss dissect FILE --keylog FILE}
 * opens every INITIATE and MESSAGE. Used by {@code sss serve --capture} and {@code sss capture}.
 *
 * <p>Both files are written as the host runs: each datagram is appended to the capture when it is sent
 * or received, each channel's line and each new minute key are written to the key log when they appear,
 * the way TLS key log files are. A failure to write ends the capture, not the server; {@link #finish}
 * reports it. One recorder may be the key log of several hosts (both ends of a capture): its lines are
 * written whole, one at a time.
 */
public final class HostRecorder implements DatagramTap, ChannelKeyLog, AutoCloseable {
    private final PcapFile.Writer pcap;
    private final BufferedWriter keylog;
    private final Set<String> channelIds = ConcurrentHashMap.newKeySet();
    private volatile IOException failure;

    private HostRecorder(PcapFile.Writer pcap, BufferedWriter keylog) {
        this.pcap = pcap;
        this.keylog = keylog;
    }

    /**
     * Creates (truncating) both files and writes their headers.
     *
     * @param pcap the capture file, or null for none
     * @param keylog the key log file, or null for none
     */
    public static HostRecorder open(Path pcap, Path keylog) throws IOException {
        PcapFile.Writer writer = pcap == null ? null : PcapFile.open(pcap);
        BufferedWriter log = null;
        try {
            if (keylog != null) {
                log = Files.newBufferedWriter(keylog, StandardCharsets.UTF_8);
                log.write(Keylog.HEADER);
                log.flush();
            }
        } catch (IOException e) {
            if (writer != null) {
                writer.close();
            }
            throw e;
        }
        return new HostRecorder(writer, log);
    }

    /** Whether datagrams are recorded. */
    public boolean capturesDatagrams() {
        return pcap != null;
    }

    /** Whether keys are logged. */
    public boolean logsKeys() {
        return keylog != null;
    }

    /** How many distinct channels were logged (by channel ID; both ends of one channel count once). */
    public int channels() {
        return channelIds.size();
    }

    /** How many datagrams have been recorded. */
    public int datagrams() {
        return pcap == null ? 0 : pcap.count();
    }

    @Override
    public void onDatagram(Direction direction, byte[] payload, InetSocketAddress local, InetSocketAddress remote,
            Instant time) {
        if (pcap == null || failure != null) {
            return;
        }
        boolean sent = direction == Direction.SENT;
        try {
            pcap.append(new CapturedDatagram(time, sent ? local : remote, sent ? remote : local, payload));
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void onChannelEstablished(ChannelSecrets secrets) {
        byte[] secret = secrets.ownShortTermSecret();
        byte[] key = secrets.channelKey();
        try {
            channelIds.add(HexFormat.of().formatHex(secrets.channelId()));
            boolean initiator = secrets.role() == Role.INITIATOR;
            // i' is known only to the initiator, r' only to the responder: the other is '-'
            write(Keylog.channelLine(secrets.initiatorShortTerm().bytes(), initiator ? secret : null,
                    secrets.responderShortTerm().bytes(), key, secrets.channelId(), initiator ? null : secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void onMinuteKey(byte[] minuteKey) {
        try {
            write(Keylog.minuteKeyLine(minuteKey));
        } finally {
            Arrays.fill(minuteKey, (byte) 0);
        }
    }

    private void write(String line) {
        if (keylog == null) {
            return;
        }
        try {
            synchronized (keylog) {
                keylog.write(line);
                keylog.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes both files; call after the host has closed, so that its last datagrams (CLOSE) are in the
     * capture.
     *
     * @return a line describing what was written, or null when nothing was captured
     * @throws IOException if a datagram could not be written, or the files not closed
     */
    public String finish() throws IOException {
        close();
        if (failure != null) {
            throw failure;
        }
        return pcap == null ? null : pcap.count() + " datagrams to " + pcap.written().describe();
    }

    @Override
    public void close() throws IOException {
        try {
            if (pcap != null) {
                pcap.close();
            }
        } finally {
            if (keylog != null) {
                synchronized (keylog) {
                    keylog.close();
                }
            }
        }
    }
}
