package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * STR-ID-2 (SPEC.md 8.2): the LSIDs the IUT chooses on a channel rise strictly and are never reused. A
 * choice shows as the first INIT frame of an LSID; its place in the IUT's sending order is the lowest
 * packet number that carried an INIT of it, so a retransmitted INIT is not a new choice. A later choice
 * of a smaller LSID is proven only when no IUT packet is missing below the larger one's first INIT (a
 * lost packet may have carried the smaller one's earlier INIT). Reuse shows as an INIT that names
 * another parent than the LSID's first, or an INIT after the IUT reset that LSID.
 */
final class LsidChoiceRules {
    private LsidChoiceRules() {
    }

    static List<PacketRule> rules() {
        return List.of(new PacketRule("STR-ID-2", "the LSIDs the IUT chooses rise strictly in sending order and are "
                + "never chosen again", LsidChoiceRules::riseStrictly));
    }

    private static void riseStrictly(Exchange ex, Findings f) {
        Map<Long, IutStreamFrames.Sent> firstInit = new HashMap<>();
        Set<Long> reset = new HashSet<>();
        for (Exchange.Packet p : ex.iutPackets()) {
            for (PeerFrame frame : p.frames()) {
                if (frame instanceof PeerFrame.Reset r) {
                    reset.add(r.lsid());
                } else if (frame instanceof PeerFrame.Stream s && s.has(PeerFrame.Stream.INIT)) {
                    reused(f, firstInit.get(s.lsid()), s, p, reset.contains(s.lsid()));
                    firstInit.merge(s.lsid(), new IutStreamFrames.Sent(p, s),
                            (a, b) -> b.packet().number() < a.packet().number() ? b : a);
                }
            }
        }
        TreeSet<Long> observed = new TreeSet<>();
        ex.iutPackets().forEach(p -> observed.add(p.number()));
        ex.iutUnopened().forEach(p -> observed.add(p.number()));
        List<IutStreamFrames.Sent> choices = new ArrayList<>(firstInit.values());
        choices.sort(Comparator.comparingLong(s -> s.packet().number()));
        IutStreamFrames.Sent highest = null;
        for (IutStreamFrames.Sent s : choices) {
            long lsid = s.frame().lsid();
            if (highest == null || lsid > highest.frame().lsid()) {
                f.judged();
                highest = s;
            } else if (noneMissingBelow(observed, highest.packet().number())) {
                f.judged();
                f.violation("expected the LSIDs the IUT chooses to rise strictly; observed the first INIT of LSID " + lsid
                        + " (packet " + s.packet().number() + ") after the first INIT of LSID " + highest.frame().lsid()
                        + " (packet " + highest.packet().number() + ")", s.packet());
            }
        }
    }

    private static void reused(Findings f, IutStreamFrames.Sent first, PeerFrame.Stream s, Exchange.Packet p,
            boolean afterReset) {
        if (first == null) {
            return;
        }
        boolean otherParent = !s.has(PeerFrame.Stream.USID) && !first.has(PeerFrame.Stream.USID)
                && s.parentLsid() != first.frame().parentLsid();
        if (otherParent || afterReset) {
            f.judged();
            f.violation("expected LSID " + s.lsid() + " never to be chosen again on the channel; observed an INIT of it "
                    + (afterReset ? "after the IUT's RESET of it" : "naming parent " + s.parentLsid() + " where its first "
                    + "INIT (packet " + first.packet().number() + ") named " + first.frame().parentLsid()), p);
        }
    }

    private static boolean noneMissingBelow(TreeSet<Long> observed, long number) {
        long first = observed.first();
        return observed.headSet(number).size() == number - first;
    }
}
