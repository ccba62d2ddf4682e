package org.sss.conformance.fuzz;

import java.time.Duration;

/**
 * Counts of a run so far.
 *
 * @param packets fuzz packets sent (inputs; handshakes and probes not counted)
 * @param datagrams every datagram the fuzzer sent in batches, handshakes included
 * @param channels channels the post-handshake stage negotiated (a fresh one after each that the target closed)
 * @param batches batches done
 * @param probes liveness probes run
 * @param findings failures found
 * @param elapsed time since the start
 * @param budgetFraction how much of the budget is spent, 0 to 1
 * @param stage the stage of the last batch
 */
public record FuzzStatus(long packets, long datagrams, long channels, long batches, long probes, int findings,
        Duration elapsed,
        double budgetFraction, Stage stage) {
    /** Fuzz packets per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : packets / seconds;
    }
}
