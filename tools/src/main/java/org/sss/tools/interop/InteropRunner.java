package org.sss.tools.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sss.conformance.peer.responder.Violation;
import org.sss.conformance.target.Initiator;
import org.sss.conformance.target.InitiatorRequest;
import org.sss.conformance.target.InitiatorResult;

/**
 * Runs every pair of implementations: for each responder, its serve command is started once; for each
 * initiator, each test service is exchanged through a fresh {@link RecordingRelay}, the initiator's
 * output is compared with what the service must produce, and the relay's record is checked.
 */
final class InteropRunner {
    private final Duration timeout;
    private final long seed;

    InteropRunner(Duration timeout, long seed) {
        this.timeout = timeout;
        this.seed = seed;
    }

    /** Every pair, initiators outermost: row by row of the matrix. */
    List<PairResult> run(List<Implementation> implementations) {
        List<PairResult> results = new ArrayList<>();
        for (Implementation responder : implementations) {
            for (Implementation initiator : implementations) {
                results.add(pair(initiator, responder));
            }
        }
        return results;
    }

    PairResult pair(Implementation initiator, Implementation responder) {
        Map<String, String> services = new LinkedHashMap<>();
        try (ServedResponder served = ServedResponder.start(responder.serveCommand(), timeout)) {
            Initiator client = initiator.initiator().get();
            for (ServiceCheck check : ServiceCheck.all(new Random(seed))) {
                services.put(check.service(), exchange(client, served, check));
            }
            return new PairResult(initiator.name(), responder.name(), services, null);
        } catch (IllegalStateException | UncheckedIOException e) {
            return new PairResult(initiator.name(), responder.name(), services, e.getMessage());
        }
    }

    private String exchange(Initiator client, ServedResponder served, ServiceCheck check) {
        try (RecordingRelay relay = new RecordingRelay(served.address())) {
            InitiatorResult result = client.run(new InitiatorRequest(check.service(), "127.0.0.1",
                    relay.address().getPort(), served.key(), check.arguments(), check.stdin(), timeout));
            String problem = check.judge(result);
            if (problem != null) {
                return problem;
            }
            List<Violation> violations = relay.violations();
            return violations.isEmpty() ? null : violations.size() + " rule(s) broken on the wire, first: "
                    + violations.get(0).describe().strip();
        } catch (IOException e) {
            return "cannot open the relay: " + e;
        }
    }
}
