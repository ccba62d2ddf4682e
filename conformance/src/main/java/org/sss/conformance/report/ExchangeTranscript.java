package org.sss.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sss.conformance.peer.ChannelBoxes;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.ReceivedPacket;
import org.sss.conformance.peer.Rejection;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PlaintextDecoder;

/**
 * The exchange of a failed scenario as one timeline: its steps, and between them every datagram its tester
 * peers sent and received, dissected (MESSAGEs decrypted with the channel key, frames listed; datagrams the
 * tester peer rejected or could not parse shown in hex with its verdict), with the first divergence marked:
 * the step whose expectation the IUT did not meet (everything before it went as the scenario expected).
 */
public final class ExchangeTranscript {
    /** The marker of the first divergence. */
    public static final String MARK = ">>> FIRST DIVERGENCE";

    private ExchangeTranscript() {
    }

    private record Line(Instant at, int order, String text, boolean divergence) {
    }

    /** The timeline of {@code steps} and the datagrams of {@code peers}. */
    public static String render(List<StepRecord> steps, List<TesterPeer> peers) {
        List<Line> lines = new ArrayList<>();
        int order = 0;
        for (StepRecord step : steps) {
            boolean failed = "FAILED".equals(step.status());
            String text = "step " + step.text() + "  [" + step.status() + "]"
                    + (failed && step.error() != null ? "\n      " + Divergence.firstLine(step.error()) : "");
            lines.add(new Line(step.started(), order++, text, failed));
        }
        for (int p = 0; p < peers.size(); p++) {
            TesterPeer peer = peers.get(p);
            String name = "peer" + (p + 1);
            Map<String, ReceivedPacket> accepted = new HashMap<>();
            peer.receivedPackets().forEach(r -> accepted.put(identity(r.datagram()), r));
            Map<String, String> rejected = new HashMap<>();
            for (Rejection r : peer.rejections()) {
                rejected.put(identity(r.datagram()), r.verdict());
            }
            for (LoggedDatagram d : peer.datagrams()) {
                String verdict = rejected.get(identity(d));
                ReceivedPacket packet = accepted.get(identity(d));
                lines.add(new Line(d.wallClock(), order++, datagram(name, d, peer.boxes(), packet, verdict), false));
            }
        }
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::order));
        Instant start = lines.isEmpty() ? Instant.EPOCH : lines.get(0).at();
        StringBuilder text = new StringBuilder();
        boolean marked = false;
        for (Line line : lines) {
            if (line.divergence() && !marked) {
                text.append(MARK).append(" (the lines before it went as expected)\n");
                marked = true;
            }
            long micros = Duration.between(start, line.at()).toNanos() / 1000;
            text.append(String.format("%+10.3f ms  ", micros / 1000.0)).append(line.text()).append('\n');
        }
        if (!marked) {
            text.append(MARK).append(": not located in the exchange; see the failure above\n");
        }
        return text.toString();
    }

    private static String identity(LoggedDatagram d) {
        return d.direction() + "/" + d.monotonicNanos() + "/" + d.length();
    }

    private static String datagram(String peer, LoggedDatagram d, ChannelBoxes boxes, ReceivedPacket packet,
            String rejectedAs) {
        byte[] bytes = d.bytes();
        boolean sent = d.direction() == LoggedDatagram.Direction.SENT;
        StringBuilder text = new StringBuilder(sent ? peer + " -> IUT  " : "IUT -> " + peer + "  ");
        Magic magic = Magic.of(bytes);
        text.append(magic == null ? "unknown magic" : magic.name()).append(", ").append(bytes.length).append(" bytes");
        if (magic == Magic.MESSAGE && bytes.length >= 48) {
            text.append(", counter ").append(ChannelBoxes.counterOf(bytes));
        }
        if (rejectedAs != null) {
            text.append("\n      not accepted by the tester peer: ").append(rejectedAs)
                    .append("\n      hex: ").append(Hex.of(bytes));
        } else if (packet != null) {
            text.append(packet.isWellFormed() ? "\n      frames: " + packet.frames()
                    : "\n      plaintext does not parse: " + packet.parseError() + "\n      plaintext: "
                    + Hex.of(packet.plaintext()));
        } else if (sent && magic == Magic.MESSAGE) {
            text.append("\n      ").append(sentFrames(bytes, boxes));
        }
        return text.toString();
    }

    /** The frames of a MESSAGE the tester peer sent, opened with its own nonce prefix. */
    private static String sentFrames(byte[] datagram, ChannelBoxes boxes) {
        if (datagram.length < 48 + Nacl.TAG_BYTES) {
            return "too short to hold a box";
        }
        Optional<byte[]> plaintext = Nacl.secretboxOpen(java.util.Arrays.copyOfRange(datagram, 48, datagram.length),
                NoncePrefix.MESSAGE_FROM_INITIATOR.withCounter(ChannelBoxes.counterOf(datagram)), boxes.channelKey());
        if (plaintext.isEmpty()) {
            return "box does not open under K (forged or corrupted on purpose)";
        }
        try {
            return "frames: " + PlaintextDecoder.decode(plaintext.get()).frames();
        } catch (RuntimeException e) {
            return "plaintext does not parse (malformed on purpose?): " + Hex.of(plaintext.get());
        }
    }
}
