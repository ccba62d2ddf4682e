package org.sss.tools.dissect;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sss.conformance.check.ChannelFacts;
import org.sss.conformance.check.Dissection;
import org.sss.conformance.check.Exchange;
import org.sss.conformance.check.PacketRule;
import org.sss.conformance.check.PacketRules;
import org.sss.conformance.check.Violation;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.report.CapturedDatagram;

/**
 * The conformance suite's exchange rules (acknowledgements, streams, flow control, close, the order of
 * the handshake) applied to each channel of a capture whose keys the keylog holds. The rules judge the
 * responder, as they judge the implementation under test, against what the initiator sent: the
 * channel's {@link Exchange} is built from the datagrams between the two addresses that carried it,
 * in capture order, the initiator's as sent and the responder's as received. The rules' explanations
 * speak of the tester and the IUT; the marks name them the initiator and the responder.
 *
 * <p>Rules need what the initiator declared in its INITIATE (its SETTINGS, its long-term key I), so a
 * channel whose opened INITIATE the capture lacks (a capture started mid-channel) is left to the
 * per-plaintext checks: its history before the capture is unknown, and rules on "until acknowledged"
 * or "only packets the initiator sent" would accuse it wrongly. The responder's long-term key R is in
 * no keylog line, so SEC-ID-1 looks for I only (I is read from the opened INITIATE).
 */
final class ChannelChecks {
    private static final int KEY_AT = 8;
    private static final int KEY_END = 40;
    /**
     * Stands for R, which no keylog line holds: 32 bytes no datagram carries by chance (a SHA-256
     * digest), so SEC-ID-1 judges I alone.
     */
    private static final byte[] UNKNOWN_R = sha256("sss dissect: the responder's long-term key is not in the keylog");

    private ChannelChecks() {
    }

    /**
     * The marks of every channel, by capture index (from 1).
     *
     * @param keys the keylog
     * @param datagrams the capture
     * @param packets their dissections, in the same order
     */
    static Map<Integer, List<Mark>> check(ChannelKeys keys, List<CapturedDatagram> datagrams,
            List<DissectedPacket> packets) {
        Map<Integer, List<Mark>> marks = new LinkedHashMap<>();
        Set<ChannelKeys.Channel> channels = new LinkedHashSet<>();
        for (CapturedDatagram d : datagrams) {
            channelOf(keys, d.payload()).ifPresent(o -> channels.add(o.channel()));
        }
        for (ChannelKeys.Channel channel : channels) {
            checkChannel(keys, channel, datagrams, packets, marks);
        }
        return marks;
    }

    private static void checkChannel(ChannelKeys keys, ChannelKeys.Channel channel, List<CapturedDatagram> datagrams,
            List<DissectedPacket> packets, Map<Integer, List<Mark>> marks) {
        DissectedPacket initiate = null;
        InetSocketAddress initiator = null;
        InetSocketAddress responder = null;
        for (int i = 0; i < datagrams.size(); i++) {
            DissectedPacket p = packets.get(i);
            if (p.kind().equals("INITIATE") && p.dissection() != null && p.decrypted().containsKey("I")
                    && Arrays.equals(key(datagrams.get(i).payload()), channel.initiatorKey())) {
                initiate = p;
                initiator = datagrams.get(i).source();
                responder = datagrams.get(i).target();
                break;
            }
        }
        if (initiate == null) {
            return;
        }
        List<LoggedDatagram> log = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < datagrams.size(); i++) {
            CapturedDatagram d = datagrams.get(i);
            boolean sent = d.source().equals(initiator) && d.target().equals(responder);
            boolean received = d.source().equals(responder) && d.target().equals(initiator);
            Optional<ChannelKeys.Opener> named = channelOf(keys, d.payload());
            if ((sent || received) && (named.isEmpty() || named.get().channel() == channel)) {
                log.add(new LoggedDatagram(sent ? LoggedDatagram.Direction.SENT : LoggedDatagram.Direction.RECEIVED,
                        nanos(d.time()), d.time(), responder, d.payload()));
                indices.add(i + 1);
            }
        }
        byte[] initiatorLongTermKey = Hex.parse(initiate.decrypted().get("I"));
        ChannelFacts facts = new ChannelFacts(UNKNOWN_R, initiatorLongTermKey, channel.channelKey(),
                channel.initiatorKey(), channel.responderKey(), settings(initiate.dissection()),
                initiateFrames(initiate.dissection()));
        Exchange exchange = Exchange.of(facts, log);
        Map<String, List<Integer>> byHex = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            byHex.computeIfAbsent(Hex.of(log.get(i).bytes()), h -> new ArrayList<>()).add(indices.get(i));
        }
        Set<String> perPlaintext = new HashSet<>(PlaintextChecks.PER_PLAINTEXT);
        for (PacketRule rule : PacketRules.all()) {
            if (perPlaintext.contains(rule.requirement())) {
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (Violation v : rule.check(exchange).violations()) {
                List<Integer> at = byHex.get(v.hex());
                if (at == null) {
                    continue;
                }
                int nth = seen.merge(v.hex(), 1, Integer::sum) - 1;
                marks.computeIfAbsent(at.get(Math.min(nth, at.size() - 1)), k -> new ArrayList<>())
                        .add(Mark.of(v.requirement(), inCaptureTerms(v.explanation())));
            }
        }
    }

    /** The suite's explanation with the roles a capture has: the tester is the initiator, the IUT the responder. */
    static String inCaptureTerms(String explanation) {
        return explanation.replaceAll("\\b[Tt]he tester peer's\\b|\\b[Tt]he tester's\\b", "the initiator's")
                .replaceAll("\\b[Tt]he tester( peer)?\\b", "the initiator")
                .replaceAll("\\btester( peer)?\\b", "initiator")
                .replaceAll("\\b[Tt]he IUT's\\b", "the responder's")
                .replaceAll("\\b[Tt]he IUT\\b", "the responder")
                .replaceAll("\\bIUT\\b", "responder");
    }

    /** The keylog channel an INITIATE or MESSAGE names by its sender key, if any. */
    private static Optional<ChannelKeys.Opener> channelOf(ChannelKeys keys, byte[] b) {
        if (!(Magic.INITIATE.starts(b) || Magic.MESSAGE.starts(b)) || b.length < KEY_END) {
            return Optional.empty();
        }
        return keys.opener(key(b));
    }

    private static byte[] key(byte[] b) {
        return b.length < KEY_END ? new byte[0] : Arrays.copyOfRange(b, KEY_AT, KEY_END);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static PeerFrame.Settings settings(Dissection initiate) {
        return initiate.frameRecords().stream().filter(PeerFrame.Settings.class::isInstance)
                .map(PeerFrame.Settings.class::cast).findFirst().orElse(new PeerFrame.Settings(List.of()));
    }

    /** The frames after SETTINGS that the initiator carried in its INITIATE, without padding. */
    private static List<PeerFrame> initiateFrames(Dissection initiate) {
        return initiate.frameRecords().stream().filter(f -> !(f instanceof PeerFrame.Settings
                || f instanceof PeerFrame.Empty || f instanceof PeerFrame.Padding)).toList();
    }
}
