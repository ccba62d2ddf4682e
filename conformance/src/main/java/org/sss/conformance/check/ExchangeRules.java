package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sss.conformance.peer.wire.FrameEncoder;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * Rules that need the whole exchange in both directions (SPEC.md 5.7, 6.5, 6.6, 6.8, 7): what the IUT
 * repeats until the tester acknowledged it, whether its ACKs tell the truth about the tester's
 * packets, what it may send once a CLOSE was sent or accepted, and what it may not send again after
 * a RESET or DETACH. "Before" is the log's order (see {@link Exchange}).
 */
final class ExchangeRules {
    private ExchangeRules() {
    }

    static List<PacketRule> rules() {
        return List.of(
                new PacketRule("NEG-VER-1", "the version field is in every packet until the tester acknowledged "
                        + "one that carried it", ExchangeRules::versionUntilAcked),
                new PacketRule("FRM-SET-1", "one SETTINGS frame, first in the first packet and repeated unchanged "
                        + "first in every packet until acknowledged", ExchangeRules::settingsUntilAcked),
                new PacketRule("CHN-ACK-5", "every ACK is well formed and acknowledges only packets the tester sent",
                        ExchangeRules::truthfulAcks),
                new PacketRule("CHN-ACK-4", "no ACK-only packet when every ack-eliciting tester packet was "
                        + "already acknowledged", ExchangeRules::noAckOfAcks),
                new PacketRule("CHN-CLOSE-2", "after its CLOSE the IUT sends only CLOSE (with the same code and "
                        + "reason)", ExchangeRules::closing),
                new PacketRule("CHN-CLOSE-3", "after accepting the tester's CLOSE the IUT sends at most one CLOSE",
                        ExchangeRules::draining),
                new PacketRule("CHN-CC-6", "no DECONGESTION subtype the tester did not request",
                        ExchangeRules::requestedFeedback),
                new PacketRule("FRM-GOAWAY-2", "last_peer_lsid never increases from one GOAWAY to the next",
                        ExchangeRules::goawayNonIncreasing),
                new PacketRule("FRM-PATH-3", "at most one PATH_RESPONSE per PATH_CHALLENGE",
                        ExchangeRules::onePathResponse),
                new PacketRule("FRM-DETACH-1", "no STREAM frame for an LSID after the IUT's DETACH for it",
                        ExchangeRules::nothingAfterDetach),
                new PacketRule("FRM-RESET-1", "no STREAM frame for a stream after a RESET for it was sent or "
                        + "received", ExchangeRules::nothingAfterReset));
    }

    private static void versionUntilAcked(Exchange ex, Findings f) {
        List<Long> carried = new ArrayList<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            if (p.dissection().header() == null) {
                continue;
            }
            boolean acked = carried.stream().anyMatch(n -> ex.testerAcknowledged(n, p.index()));
            if (acked) {
                return;
            }
            f.judged();
            if (PlaintextRules.hasVersion(p)) {
                carried.add(p.number());
            } else {
                f.violation("expected the version field until the tester acknowledged a packet carrying it "
                        + (carried.isEmpty() ? "(none was sent yet)" : "(packets " + carried + ", none acknowledged "
                        + "before this one arrived)") + "; observed a header without it", p);
            }
        }
    }

    private static void settingsUntilAcked(Exchange ex, Findings f) {
        List<Exchange.Packet> packets = ex.iutPackets();
        if (packets.isEmpty()) {
            return;
        }
        byte[] first = null;
        List<Long> carried = new ArrayList<>();
        boolean acked = false;
        for (Exchange.Packet p : packets) {
            List<PeerFrame> frames = p.frames();
            boolean leads = !frames.isEmpty() && frames.get(0) instanceof PeerFrame.Settings;
            if (first == null) {
                f.judged();
                if (!leads) {
                    f.violation("expected the IUT's first packet to begin with its SETTINGS frame; observed "
                            + (frames.isEmpty() ? "no frame" : Dissector.name(frames.get(0).type())), p);
                    return;
                }
                first = FrameEncoder.encode(frames.get(0));
            }
            acked = acked || carried.stream().anyMatch(n -> ex.testerAcknowledged(n, p.index()));
            if (!acked) {
                f.judged();
                if (!leads) {
                    f.violation("expected SETTINGS as the first frame until the tester acknowledged a packet carrying "
                            + "it (packets " + carried + "); observed " + (frames.isEmpty() ? "no frame"
                            : Dissector.name(frames.get(0).type())), p);
                }
            }
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i) instanceof PeerFrame.Settings s) {
                    f.judged();
                    if (i != 0) {
                        f.violation("expected SETTINGS only as the first frame of a packet; observed it as frame "
                                + (i + 1), p);
                    } else if (!Arrays.equals(FrameEncoder.encode(s), first)) {
                        f.violation("expected every SETTINGS frame to repeat the first one unchanged ("
                                + Hex.of(first) + "); observed " + Hex.of(FrameEncoder.encode(s)), p);
                    }
                    carried.add(p.number());
                }
            }
        }
    }

    private static void truthfulAcks(Exchange ex, Findings f) {
        TreeSet<Long> sent = new TreeSet<>(Long::compareUnsigned);
        List<Exchange.Packet> tester = ex.testerPackets();
        int next = 0;
        for (Exchange.Packet p : ex.iutPackets()) {
            while (next < tester.size() && tester.get(next).index() < p.index()) {
                sent.add(tester.get(next++).number());
            }
            for (PeerFrame.Ack a : p.acks()) {
                f.judged();
                String problem = wellFormed(a);
                if (problem == null) {
                    problem = unsent(a, sent);
                }
                if (problem != null) {
                    f.violation(problem, p);
                }
            }
        }
    }

    /** FRM-ACK-4's conditions, from the sender's side; null when they hold. */
    private static String wellFormed(PeerFrame.Ack a) {
        long least = a.leastUnacked();
        long largest = a.largestObserved();
        if (Long.compareUnsigned(least, largest) > 0 && least != largest + 1) {
            return "expected least_unacked <= largest_observed + 1; observed " + Long.toUnsignedString(least) + " > "
                    + Long.toUnsignedString(largest) + " + 1";
        }
        long below = largest; // each range must end below the start of the one before it
        for (PeerFrame.NackRange r : a.nackRanges()) {
            long end = r.firstMissing() + r.runLength() - 1;
            if (r.runLength() < 1 || Long.compareUnsigned(r.firstMissing(), least) < 0
                    || Long.compareUnsigned(end, below) >= 0) {
                return "expected NACK ranges of at least one packet within [least_unacked, largest_observed - 1], "
                        + "in decreasing order without overlap; observed range (" + Long.toUnsignedString(r.firstMissing())
                        + ", " + r.runLength() + ") in " + a;
            }
            below = r.firstMissing();
        }
        return null;
    }

    /** The first packet number the ACK reports received that the tester had not sent, or null. */
    private static String unsent(PeerFrame.Ack a, TreeSet<Long> sent) {
        if (Long.compareUnsigned(a.leastUnacked(), a.largestObserved()) > 0) {
            return null; // reports nothing
        }
        long from = a.largestObserved();
        List<long[]> received = new ArrayList<>();
        for (PeerFrame.NackRange r : a.nackRanges()) {
            long end = r.firstMissing() + r.runLength() - 1;
            if (Long.compareUnsigned(end, from) < 0) {
                received.add(new long[] {end + 1, from});
            }
            from = r.firstMissing() - 1;
        }
        received.add(new long[] {a.leastUnacked(), from});
        for (long[] run : received) {
            if (Long.compareUnsigned(run[0], run[1]) > 0) {
                continue;
            }
            long count = sent.subSet(run[0], true, run[1], true).size();
            if (count != run[1] - run[0] + 1) {
                for (long n = run[0]; ; n++) {
                    if (!sent.contains(n)) {
                        return "expected an ACK of packets the tester sent; observed packet " + Long.toUnsignedString(n)
                                + " reported received, which the tester had not sent when this packet arrived ("
                                + a + ")";
                    }
                }
            }
        }
        return null;
    }

    private static boolean ackOnly(Exchange.Packet p) {
        boolean hasAck = false;
        for (PeerFrame frame : p.frames()) {
            if (frame instanceof PeerFrame.Ack) {
                hasAck = true;
            } else if (!(frame instanceof PeerFrame.Empty || frame instanceof PeerFrame.Padding
                    || frame instanceof PeerFrame.Decongestion)) {
                return false;
            }
        }
        return hasAck && p.dissection().isWellFormed();
    }

    private static void noAckOfAcks(Exchange ex, Findings f) {
        Set<Long> pending = new HashSet<>();
        Set<Long> sent = new HashSet<>();
        Set<Long> acknowledged = new HashSet<>();
        List<Exchange.Packet> tester = ex.testerPackets();
        int next = 0;
        for (Exchange.Packet p : ex.iutPackets()) {
            while (next < tester.size() && tester.get(next).index() < p.index()) {
                Exchange.Packet t = tester.get(next++);
                sent.add(t.number());
                if (t.isAckEliciting()) {
                    pending.add(t.number()); // a repeated number (a replay) may be acknowledged again
                }
            }
            List<PeerFrame.Ack> acks = p.acks();
            List<Long> newly = sent.stream().filter(n -> !acknowledged.contains(n)
                    && acks.stream().anyMatch(a -> a.acknowledges(n))).sorted().toList();
            if (ackOnly(p)) {
                f.judged();
                if (pending.isEmpty() && !newly.isEmpty()) {
                    f.violation("expected no packet that only acknowledges packets without ack-eliciting frames: every "
                            + "ack-eliciting packet the tester had sent was already acknowledged; observed an ACK-only "
                            + "packet newly acknowledging " + newly, p);
                }
            }
            acknowledged.addAll(newly);
            for (PeerFrame.Ack a : acks) {
                pending.removeIf(a::acknowledges);
            }
        }
    }

    private static void closing(Exchange ex, Findings f) {
        PeerFrame.Close first = null;
        for (Exchange.Packet p : ex.iutPackets()) {
            List<PeerFrame.Close> closes = p.framesOf(PeerFrame.Close.class);
            if (first == null) {
                if (!closes.isEmpty()) {
                    first = closes.get(0);
                    f.judged();
                }
                continue;
            }
            f.judged();
            for (PeerFrame frame : p.frames()) {
                if (!(frame instanceof PeerFrame.Close || frame instanceof PeerFrame.Settings
                        || frame instanceof PeerFrame.Empty || frame instanceof PeerFrame.Padding)) {
                    f.violation("expected only CLOSE (and SETTINGS before it) in the closing state; observed "
                            + Dissector.name(frame.type()), p);
                    break;
                }
            }
            for (PeerFrame.Close c : closes) {
                if (c.errorCode() != first.errorCode() || !c.reason().equals(first.reason())) {
                    f.violation("expected every CLOSE to repeat code " + first.errorCode() + " and reason '"
                            + first.reason() + "'; observed code " + c.errorCode() + ", reason '" + c.reason() + "'", p);
                }
            }
        }
    }

    private static void draining(Exchange ex, Findings f) {
        Long testerClose = null;
        for (Exchange.Packet t : ex.testerPackets()) {
            if (!t.framesOf(PeerFrame.Close.class).isEmpty()) {
                testerClose = t.number();
                break;
            }
        }
        if (testerClose == null) {
            return;
        }
        Exchange.Packet accepted = null;
        for (Exchange.Packet p : ex.iutPackets()) {
            if (accepted != null) {
                f.violation("expected nothing after the CLOSE packet answering the tester's CLOSE (packet "
                        + testerClose + "); observed another packet", p);
                continue;
            }
            final long closeNumber = testerClose;
            if (p.acks().stream().anyMatch(a -> a.acknowledges(closeNumber))) {
                accepted = p;
                f.judged();
                if (p.framesOf(PeerFrame.Close.class).isEmpty()) {
                    f.violation("expected at most one CLOSE packet after accepting the tester's CLOSE (packet "
                            + testerClose + "); observed a packet without CLOSE acknowledging it", p);
                }
            }
        }
    }

    private static void requestedFeedback(Exchange ex, Findings f) {
        long requested = ex.testerSetting(PeerFrame.Setting.CONGESTION_FEEDBACK, 0);
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame.Decongestion d : p.framesOf(PeerFrame.Decongestion.class)) {
                f.judged();
                if (d.feedback().subtype() != requested) {
                    f.violation("expected DECONGESTION only of the requested subtype " + requested + "; observed subtype "
                            + d.feedback().subtype(), p);
                }
            }
        }
    }

    private static void goawayNonIncreasing(Exchange ex, Findings f) {
        Long last = null;
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame.Goaway g : p.framesOf(PeerFrame.Goaway.class)) {
                f.judged();
                if (last != null && Long.compareUnsigned(g.lastPeerLsid(), last) > 0) {
                    f.violation("expected last_peer_lsid never to increase (earlier " + last + "); observed "
                            + g.lastPeerLsid(), p);
                }
                last = g.lastPeerLsid();
            }
        }
    }

    private static void onePathResponse(Exchange ex, Findings f) {
        Map<String, Integer> challenges = new HashMap<>();
        List<Exchange.Packet> tester = ex.testerPackets();
        int next = 0;
        for (Exchange.Packet p : ex.iutPackets()) {
            while (next < tester.size() && tester.get(next).index() < p.index()) {
                for (PeerFrame.PathChallenge c : tester.get(next++).framesOf(PeerFrame.PathChallenge.class)) {
                    challenges.merge(Hex.of(c.data()), 1, Integer::sum);
                }
            }
            for (PeerFrame.PathResponse r : p.framesOf(PeerFrame.PathResponse.class)) {
                f.judged();
                String data = Hex.of(r.data());
                int left = challenges.getOrDefault(data, 0);
                if (left == 0) {
                    f.violation("expected one PATH_RESPONSE per PATH_CHALLENGE the tester sent; observed a response "
                            + "with data " + data + " beyond the challenges sent", p);
                }
                challenges.put(data, left - 1);
            }
        }
    }

    private static void nothingAfterDetach(Exchange ex, Findings f) {
        Set<Long> detached = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame frame : p.frames()) {
                if (frame instanceof PeerFrame.Detach d) {
                    f.judged();
                    detached.add(d.lsid());
                } else if (frame instanceof PeerFrame.Stream s && detached.contains(s.lsid())) {
                    f.violation("expected no STREAM frame for LSID " + s.lsid() + " after the IUT's DETACH for it; "
                            + "observed one", p);
                }
            }
        }
    }

    private static void nothingAfterReset(Exchange ex, Findings f) {
        Map<Long, Long> testerResets = new HashMap<>(); // LSID -> tester packet number carrying RESET
        for (Exchange.Packet t : ex.testerPackets()) {
            for (PeerFrame.Reset r : t.framesOf(PeerFrame.Reset.class)) {
                testerResets.putIfAbsent(r.lsid(), t.number());
            }
        }
        Set<Long> sentReset = new HashSet<>();
        Set<Long> receivedReset = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame frame : p.frames()) {
                if (frame instanceof PeerFrame.Reset r) {
                    f.judged();
                    sentReset.add(r.lsid());
                } else if (frame instanceof PeerFrame.Stream s) {
                    if (sentReset.contains(s.lsid())) {
                        f.violation("expected no STREAM frame for LSID " + s.lsid() + " after the IUT's RESET for it; "
                                + "observed one", p);
                    } else if (receivedReset.contains(s.lsid())) {
                        f.violation("expected no STREAM frame for LSID " + s.lsid() + " once the IUT had acknowledged "
                                + "the tester's RESET for it (packet " + testerResets.get(s.lsid()) + "); observed one", p);
                    }
                }
            }
            // a packet that acknowledges the tester's RESET was sent after the IUT received it
            for (Map.Entry<Long, Long> e : testerResets.entrySet()) {
                if (!receivedReset.contains(e.getKey()) && p.acks().stream().anyMatch(a -> a.acknowledges(e.getValue()))) {
                    f.judged();
                    receivedReset.add(e.getKey());
                }
            }
        }
    }
}
