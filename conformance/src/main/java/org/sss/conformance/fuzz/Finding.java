package org.sss.conformance.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * A failure the fuzzer found and saved.
 *
 * @param kind CRASH (the process exited) or NOT_LIVE (no handshake and echo within the timeout)
 * @param detail what the oracle saw
 * @param stage the stage of the failing batch
 * @param batch the batch's number in the run (from 0)
 * @param batchSize how many inputs the failing batch had
 * @param minimal the inputs left after shrinking, as sent in the last failing trial
 * @param directory where the reproducer was written
 */
public record Finding(String kind, String detail, Stage stage, long batch, int batchSize, List<SentInput> minimal,
        Path directory) {
    public Finding {
        minimal = List.copyOf(minimal);
    }
}
