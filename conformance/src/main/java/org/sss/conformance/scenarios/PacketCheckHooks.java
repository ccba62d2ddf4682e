package org.sss.conformance.scenarios;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sss.conformance.check.Exchange;
import org.sss.conformance.check.PacketRules;
import org.sss.conformance.check.Violation;

/**
 * After every scenario, runs every rule of the packet checker ({@link PacketRules}) over the exchange of
 * every tester peer the scenario negotiated, and fails the scenario with each violation's requirement
 * ID, explanation, the packet in hex and its dissection. So no scenario passes while the IUT sent a
 * packet that breaks a sender-side rule, whatever the scenario itself looked at.
 *
 * <p>Rules judge only what the IUT sent, so scenarios that send bad input on purpose do not trip them.
 * A scenario that must still exempt itself from a rule (because its exchange makes the rule's reading
 * of the log unsound) is tagged {@code @unchecked-<ID>}, for example {@code @unchecked-CHN-ACK-4}, and
 * says why in a comment; the rule is then skipped for that scenario only.
 *
 * <p>Cucumber runs {@code @After} hooks of higher order first: this one (15000) runs before
 * {@link ScenarioHooks#end} (10000) closes the peers, and after the liveness check (20000).
 */
public class PacketCheckHooks {
    /** Tag prefix by which a scenario skips one rule. */
    static final String OPT_OUT = "@unchecked-";

    /** Judges every packet the IUT sent to the scenario's tester peers. */
    @After(order = 15000)
    public void checkEveryPacket(Scenario scenario) {
        ScenarioContext context = ScenarioContext.current();
        Set<String> skipped = scenario.getSourceTagNames().stream().filter(t -> t.startsWith(OPT_OUT))
                .map(t -> t.substring(OPT_OUT.length())).collect(Collectors.toSet());
        byte[] iutKey = context.target().publicKey();
        List<Exchange> exchanges = context.peers().stream().map(p -> Exchange.of(p, iutKey)).toList();
        List<Violation> violations = PacketRules.violations(exchanges, skipped);
        if (!violations.isEmpty()) {
            String report = PacketRules.report(violations);
            scenario.log(report);
            throw new AssertionError(report);
        }
    }
}
