package org.sss.tools.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.Keylog;
import org.sss.conformance.report.PcapFile;
import org.sss.core.host.Host;

/**
 * A tester peer's echo exchange with a reference host, written as an evidence bundle writes it:
 * {@code exchange.pcap} and {@code keylog.txt}.
 *
 * @param pcap the capture
 * @param keylog the peer's keylog
 * @param peerAddress the peer's loopback address, the source of what it sent
 * @param datagrams every datagram the peer logged, in order
 */
public record EchoCapture(Path pcap, Path keylog, InetSocketAddress peerAddress, List<LoggedDatagram> datagrams) {
    /** Has {@code host}'s echo service return {@code record} to a tester peer and writes the capture into {@code dir}. */
    public static EchoCapture record(Host host, byte[] record, Random random, Duration timeout, Path dir)
            throws Exception {
        List<CapturedDatagram> captured = new ArrayList<>();
        Path keylog = dir.resolve("keylog.txt");
        InetSocketAddress self;
        List<LoggedDatagram> datagrams;
        try (TesterPeer peer = TesterPeer.connect(host.localAddress(), host.identity().bytes(), random, timeout)) {
            long lsid = peer.openStream("echo", "sss-test/1");
            peer.sendRecord(lsid, record);
            peer.finish(lsid);
            peer.awaitStream(lsid, StreamInbox::isFinished, timeout);
            self = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.localAddress().getPort());
            datagrams = List.copyOf(peer.datagrams());
            for (LoggedDatagram d : datagrams) {
                boolean sent = d.direction() == LoggedDatagram.Direction.SENT;
                captured.add(new CapturedDatagram(d.wallClock(), sent ? self : d.remote(), sent ? d.remote() : self,
                        d.bytes()));
            }
            Files.writeString(keylog, Keylog.of(List.of(peer)), StandardCharsets.UTF_8);
        }
        Path pcap = dir.resolve("exchange.pcap");
        PcapFile.write(pcap, captured);
        return new EchoCapture(pcap, keylog, self, datagrams);
    }

    /** What the peer sent, in order. */
    public List<LoggedDatagram> sent() {
        return datagrams.stream().filter(d -> d.direction() == LoggedDatagram.Direction.SENT).toList();
    }
}
