package org.sss.conformance.check;

import java.util.function.BiConsumer;

/**
 * One rule of the packet checker, named by the requirement ID it enforces. Rules are independent: each
 * reads the whole {@link Exchange} and reports into its own {@link Findings}, and none depends on
 * another having run.
 *
 * @param requirement the requirement ID (SPEC.md)
 * @param summary what the rule checks, in one line
 * @param body the check
 */
public record PacketRule(String requirement, String summary, BiConsumer<Exchange, Findings> body) {
    /** Runs the rule on one exchange. */
    public Findings check(Exchange exchange) {
        Findings findings = new Findings(requirement);
        body.accept(exchange, findings);
        return findings;
    }
}
