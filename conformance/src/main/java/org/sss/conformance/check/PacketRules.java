package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every rule of the packet checker, by requirement ID, and the runner that applies them to a scenario's
 * exchanges.
 */
public final class PacketRules {
    private static final Map<String, PacketRule> ALL = new LinkedHashMap<>();

    static {
        Stream.of(DatagramRules.rules(), BoxRules.rules(), PlaintextRules.rules(), ExchangeRules.rules(),
                StreamRules.rules(), FlowRules.rules(), LsidChoiceRules.rules(), RetransmissionRules.rules(),
                LifecycleRules.rules(), PaddingRules.rules()).flatMap(List::stream).forEach(r -> {
                    if (ALL.put(r.requirement(), r) != null) {
                        throw new IllegalStateException("two rules for " + r.requirement());
                    }
                });
    }

    private PacketRules() {
    }

    /** Every rule, in a fixed order. */
    public static Collection<PacketRule> all() {
        return List.copyOf(ALL.values());
    }

    /** The rule for {@code requirement}, or null when the checker has none. */
    public static PacketRule of(String requirement) {
        return ALL.get(requirement);
    }

    /**
     * Runs {@code rule} over every exchange.
     *
     * @return what it found in all of them together
     */
    public static Findings check(PacketRule rule, List<Exchange> exchanges) {
        Findings all = new Findings(rule.requirement());
        for (Exchange ex : exchanges) {
            all.add(rule.check(ex));
        }
        return all;
    }

    /**
     * Runs every rule except those in {@code skipped} over every exchange.
     *
     * @return the violations, rule by rule
     */
    public static List<Violation> violations(List<Exchange> exchanges, Set<String> skipped) {
        List<Violation> out = new ArrayList<>();
        for (PacketRule rule : ALL.values()) {
            if (!skipped.contains(rule.requirement())) {
                out.addAll(check(rule, exchanges).violations());
            }
        }
        return out;
    }

    /** The report of violations: one block per violation, numbered. */
    public static String report(List<Violation> violations) {
        StringBuilder out = new StringBuilder(violations.size() + " packet(s) of the IUT broke the spec:");
        for (int i = 0; i < violations.size(); i++) {
            out.append("\n\n").append(i + 1).append(". ").append(violations.get(i).format());
        }
        return out.toString();
    }
}
