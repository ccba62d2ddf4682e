package org.sss.conformance.target;

import java.nio.charset.StandardCharsets;

/**
 * What an initiator IUT reported for one run: its exit code and standard streams.
 *
 * @param exitCode the exit code (IUT.md section 2: 0 done, 1 failed, 127 not supported, ...); -1
 *     when the run was stopped at its timeout
 * @param stdout everything written to standard output (the service's data)
 * @param stderr everything written to standard error (diagnostics)
 * @param timedOut whether the suite stopped the run at its timeout
 */
public record InitiatorResult(int exitCode, byte[] stdout, String stderr, boolean timedOut) {
    /** Copies. */
    public InitiatorResult {
        stdout = stdout.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** Standard output as UTF-8 text. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "exit " + (timedOut ? "none (stopped at the timeout)" : exitCode) + ", " + stdout.length
                + " bytes on stdout, stderr: " + (stderr.isBlank() ? "(empty)" : stderr.strip());
    }
}
