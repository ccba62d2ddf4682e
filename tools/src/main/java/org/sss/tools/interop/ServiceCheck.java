package org.sss.tools.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sss.conformance.target.InitiatorResult;

/**
 * The exchange {@code sss interop} runs with one test service of SPEC.md Appendix A, and how the
 * initiator's standard output must look afterwards when both sides are right.
 *
 * @param service the service
 * @param arguments the service's extra arguments (IUT.md section 2)
 * @param stdin what the initiator reads
 * @param expected what it must print, in order, except for datagram-echo (lines in any order)
 */
record ServiceCheck(String service, List<String> arguments, byte[] stdin, byte[] expected) {
    private static final int BYTES = 20_000;
    private static final int SOURCE_BYTES = 50_000;
    private static final int SOURCE_RECORD = 1_000;
    private static final int LINES = 5;

    /** The four exchanges, their random input drawn from {@code random}. */
    static List<ServiceCheck> all(Random random) {
        byte[] echo = new byte[BYTES];
        random.nextBytes(echo);
        byte[] discard = new byte[BYTES];
        random.nextBytes(discard);
        byte[] pattern = new byte[SOURCE_BYTES];
        for (int i = 0; i < SOURCE_BYTES; i++) {
            pattern[i] = (byte) (i % 251);
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            lines.append("line ").append(i).append(' ').append(Long.toHexString(random.nextLong())).append('\n');
        }
        byte[] text = lines.toString().getBytes(StandardCharsets.US_ASCII);
        return List.of(
                new ServiceCheck("echo", List.of(), echo, echo),
                new ServiceCheck("discard", List.of(), discard, new byte[0]),
                new ServiceCheck("source", List.of("--bytes", Integer.toString(SOURCE_BYTES), "--record-size",
                        Integer.toString(SOURCE_RECORD)), new byte[0], pattern),
                new ServiceCheck("datagram-echo", List.of(), text, text));
    }

    /** Null when the run is right, else what is wrong with it. */
    String judge(InitiatorResult result) {
        if (result.timedOut() || result.exitCode() != 0) {
            return result.toString();
        }
        byte[] out = result.stdout();
        if (service.equals("datagram-echo")) {
            List<String> want = new ArrayList<>(Arrays.asList(new String(expected, StandardCharsets.US_ASCII).split("\n")));
            List<String> got = new ArrayList<>(Arrays.asList(result.stdoutText().split("\n")));
            want.sort(null);
            got.sort(null);
            return want.equals(got) ? null : "printed lines " + got + ", expected " + want + " in any order";
        }
        int mismatch = Arrays.mismatch(out, expected);
        return mismatch < 0 ? null : "standard output differs from the expected " + expected.length + " bytes at byte "
                + mismatch + " (" + out.length + " printed)";
    }
}
