package org.sss.conformance.report;

import java.util.List;
import java.util.function.Supplier;
import org.sss.conformance.peer.TesterPeer;

/**
 * Where the report plugin finds the tester peers of the scenario running on the current thread, for the
 * evidence bundle of a failure (their datagrams and keys). The scenario glue registers the source
 * ({@code ScenarioContext} does, when its class is initialised), so that this package needs nothing of
 * the glue's package-private state.
 */
public final class ScenarioPeers {
    private static volatile Supplier<List<TesterPeer>> source = List::of;

    private ScenarioPeers() {
    }

    /** Makes {@code peersOfCurrentThread} the source: it returns the running scenario's peers, or none. */
    public static void register(Supplier<List<TesterPeer>> peersOfCurrentThread) {
        source = peersOfCurrentThread;
    }

    /** The registered source, so that a test that registers its own can put it back. */
    static Supplier<List<TesterPeer>> source() {
        return source;
    }

    /** The peers of the scenario running on this thread (closed ones too), or an empty list. */
    public static List<TesterPeer> current() {
        return List.copyOf(source.get());
    }
}
