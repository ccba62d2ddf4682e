package org.sss.tools.interop;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one initiator against one responder: per service, null for a pass or what failed,
 * in the order the services ran.
 *
 * @param initiator the initiator's name
 * @param responder the responder's name
 * @param services service name to failure (null: passed)
 * @param setupFailure why nothing could run (the responder did not start), or null
 */
record PairResult(String initiator, String responder, Map<String, String> services, String setupFailure) {
    long passed() {
        return services.values().stream().filter(v -> v == null).count();
    }

    List<String> failures() {
        if (setupFailure != null) {
            return List.of(setupFailure);
        }
        return services.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    boolean allPassed() {
        return setupFailure == null && passed() == services.size();
    }
}
