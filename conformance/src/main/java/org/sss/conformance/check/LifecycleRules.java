package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * STR-LIFE-1 (SPEC.md 8.10): no STREAM frame on a stream whose sending side is in DataRecvd, ResetSent or
 * ResetRecvd. The rule follows the IUT's sending side of each LSID through the log, counting only what
 * the IUT is proven to know before it sent a packet: ResetSent after its own RESET; ResetRecvd once one
 * of its earlier packets acknowledged the tester packet carrying the tester's RESET; DataRecvd once every
 * byte and the FIN it sent were in packets that a tester ACK acknowledged, and an earlier IUT packet
 * acknowledged the tester packet carrying that ACK (an ACK still in flight proves nothing).
 */
final class LifecycleRules {
    private LifecycleRules() {
    }

    static List<PacketRule> rules() {
        return List.of(new PacketRule("STR-LIFE-1", "no STREAM frame once the IUT's sending side is in DataRecvd, "
                + "ResetSent or ResetRecvd", LifecycleRules::nothingAfterEnd));
    }

    /** What the IUT sent on one LSID and how much of it the tester's acknowledgements, as the IUT knows them, cover. */
    private static final class SendingSide {
        private final List<long[]> acked = new ArrayList<>();
        private boolean finAcked;
        private Long finalSize;

        void sent(PeerFrame.Stream s) {
            if (s.has(PeerFrame.Stream.FIN)) {
                finalSize = s.offset() + s.length();
            }
        }

        void acknowledged(PeerFrame.Stream s) {
            acked.add(new long[] {s.offset(), s.offset() + s.length()});
            finAcked |= s.has(PeerFrame.Stream.FIN);
        }

        boolean allAcknowledged() {
            if (!finAcked || finalSize == null) {
                return false;
            }
            acked.sort((a, b) -> Long.compare(a[0], b[0]));
            long covered = 0;
            for (long[] r : acked) {
                if (r[0] > covered) {
                    return false;
                }
                covered = Math.max(covered, r[1]);
            }
            return covered >= finalSize;
        }
    }

    /** The sending sides of one exchange as the IUT knows them, packet by packet. */
    private static final class Knowledge {
        private final Map<Long, PeerFrame.Ack[]> testerAcks = new LinkedHashMap<>(); // not yet known to the IUT
        private final Map<Long, Set<Long>> testerResets = new HashMap<>();
        private final Map<Long, List<PeerFrame.Stream>> unacked = new LinkedHashMap<>(); // IUT packet -> frames
        private final Map<Long, SendingSide> sides = new HashMap<>();
        private final Map<Long, String> ended = new LinkedHashMap<>(); // LSID -> state of its sending side

        Knowledge(Exchange ex) {
            for (Exchange.Packet t : ex.testerPackets()) {
                testerAcks.put(t.number(), t.acks().toArray(PeerFrame.Ack[]::new));
                for (PeerFrame.Reset r : t.framesOf(PeerFrame.Reset.class)) {
                    testerResets.computeIfAbsent(t.number(), n -> new HashSet<>()).add(r.lsid());
                }
            }
        }

        /** The IUT sent {@code p}; its ACKs show which tester packets it has read. */
        void sent(Exchange.Packet p, List<PeerFrame.Stream> frames) {
            unacked.put(p.number(), frames);
            frames.forEach(s -> sides.computeIfAbsent(s.lsid(), l -> new SendingSide()).sent(s));
            for (PeerFrame.Ack a : p.acks()) {
                Iterator<Map.Entry<Long, PeerFrame.Ack[]>> it = testerAcks.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Long, PeerFrame.Ack[]> t = it.next();
                    if (a.acknowledges(t.getKey())) {
                        it.remove();
                        testerResets.getOrDefault(t.getKey(), Set.of()).forEach(l -> ended.putIfAbsent(l, "ResetRecvd"));
                        read(t.getValue());
                    }
                }
            }
        }

        private void read(PeerFrame.Ack[] acks) {
            Set<Long> touched = new HashSet<>();
            for (PeerFrame.Ack a : acks) {
                Iterator<Map.Entry<Long, List<PeerFrame.Stream>>> it = unacked.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Long, List<PeerFrame.Stream>> n = it.next();
                    if (a.acknowledges(n.getKey())) {
                        it.remove();
                        for (PeerFrame.Stream s : n.getValue()) {
                            sides.get(s.lsid()).acknowledged(s);
                            touched.add(s.lsid());
                        }
                    }
                }
            }
            touched.stream().filter(l -> sides.get(l).allAcknowledged()).forEach(l -> ended.putIfAbsent(l, "DataRecvd"));
        }
    }

    private static void nothingAfterEnd(Exchange ex, Findings f) {
        Knowledge k = new Knowledge(ex);
        Set<Long> judged = new HashSet<>();
        Set<Long> numbers = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            if (!numbers.add(p.number())) {
                continue;
            }
            k.ended.keySet().stream().filter(judged::add).forEach(l -> f.judged());
            List<PeerFrame.Stream> streams = new ArrayList<>();
            for (PeerFrame frame : p.frames()) {
                if (frame instanceof PeerFrame.Stream s) {
                    String state = k.ended.get(s.lsid());
                    if (state != null) {
                        f.violation("expected no STREAM frame for LSID " + s.lsid() + " once the IUT's sending side was "
                                + "in " + state + "; observed one at offset " + s.offset(), p);
                    }
                    streams.add(s);
                } else if (frame instanceof PeerFrame.Reset r) {
                    k.ended.putIfAbsent(r.lsid(), "ResetSent");
                }
            }
            k.sent(p, streams);
        }
    }
}
