package org.sss.core.channel;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.sss.core.wire.PathChallengeFrame;

/**
 * Where a channel sends, and the validation of a new peer address (SPEC.md section 6.10): an
 * authenticated packet from another address that is the highest-numbered so far starts a
 * validation (CHN-PATH-2); until the PATH_RESPONSE arrives at most three times the bytes received
 * from the new address go to it and the rest to the old one (CHN-PATH-3); a matching response
 * switches to it (CHN-PATH-4); no response within {@code max(3 · PTO, 3 s)} abandons it and keeps
 * the old address (CHN-PATH-6); each PTO during a validation asks again with new data
 * (CHN-PATH-7). Not thread-safe; times are the channel clock's nanoseconds.
 */
final class PathValidator {
    /** CHN-PATH-6: the least time a validation is given. */
    static final long MIN_VALIDATION_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** CHN-PATH-3: the amplification factor towards an unvalidated address. */
    static final int AMPLIFICATION_FACTOR = 3;
    /** Challenges remembered per validation; older ones no longer validate. */
    private static final int OUTSTANDING = 4;

    private final Random random;
    private InetSocketAddress current;
    private InetSocketAddress candidate;
    private long receivedFromCandidate;
    private long sentToCandidate;
    private long abandonAt;
    private long nextChallengeAt;
    private final long[] challenges = new long[OUTSTANDING];
    private int challengeCount;
    private boolean challengeDue;

    PathValidator(InetSocketAddress initial, Random random) {
        this.current = initial;
        this.random = random;
    }

    /** The validated peer address. */
    InetSocketAddress current() {
        return current;
    }

    /** The address being validated, or null. */
    InetSocketAddress candidate() {
        return candidate;
    }

    /**
     * An authenticated packet of {@code length} bytes arrived from {@code source}.
     *
     * @param highest whether its packet number is the highest received so far (CHN-PATH-2)
     * @param ptoNanos the current probe timeout, for the validation's deadline
     */
    void onAuthenticated(InetSocketAddress source, int length, boolean highest, long now, long ptoNanos) {
        if (source == null || source.equals(current)) {
            return;
        }
        if (source.equals(candidate)) {
            receivedFromCandidate += length;
            return;
        }
        if (!highest) {
            // an old packet that took another path: processed (CHN-PATH-1), but it moves nothing
            return;
        }
        // SPEC CHN-PATH-2: a new validation replaces any earlier one
        candidate = source;
        receivedFromCandidate = length;
        sentToCandidate = 0;
        challengeCount = 0;
        abandonAt = now + Math.max(3 * ptoNanos, MIN_VALIDATION_NANOS);
        nextChallengeAt = now + ptoNanos;
        challengeDue = true;
    }

    /** Whether a PATH_CHALLENGE must go to the candidate now. */
    boolean challengeDue() {
        return challengeDue;
    }

    /** A fresh challenge for the candidate (CHN-PATH-7: new data each time), remembered until it is answered. */
    PathChallengeFrame newChallenge(long now, long ptoNanos) {
        long data = random.nextLong();
        challenges[challengeCount % OUTSTANDING] = data;
        challengeCount++;
        challengeDue = false;
        nextChallengeAt = now + ptoNanos;
        return new PathChallengeFrame(data);
    }

    /**
     * A PATH_RESPONSE arrived. Returns true when it validated the candidate, which is now the current
     * address; a response that matches no outstanding challenge changes nothing (FRM-PATH-2).
     */
    boolean onResponse(long data) {
        if (candidate == null) {
            return false;
        }
        int remembered = Math.min(challengeCount, OUTSTANDING);
        for (int i = 0; i < remembered; i++) {
            if (challenges[i] == data) {
                current = candidate;
                clear();
                return true;
            }
        }
        return false;
    }

    /**
     * Where a packet of {@code size} bytes goes: to the candidate while that keeps within three times
     * what it sent (CHN-PATH-3), else to the validated address. Counts what goes to the candidate.
     */
    InetSocketAddress destinationFor(int size) {
        if (candidate != null && sentToCandidate + size <= AMPLIFICATION_FACTOR * receivedFromCandidate) {
            sentToCandidate += size;
            return candidate;
        }
        return current;
    }

    /** Whether {@code size} more bytes may go to the candidate (a challenge packet is sent only then). */
    boolean mayReachCandidate(int size) {
        return candidate != null && sentToCandidate + size <= AMPLIFICATION_FACTOR * receivedFromCandidate;
    }

    /** Counts bytes sent to the candidate outside {@link #destinationFor}. */
    void onSentToCandidate(int size) {
        sentToCandidate += size;
    }

    /** The next time {@link #onTimeout} has work, or {@code Long.MAX_VALUE}. */
    long nextTimeout() {
        return candidate == null ? Long.MAX_VALUE : Math.min(abandonAt, nextChallengeAt);
    }

    /** Abandons an expired validation (CHN-PATH-6), or makes a new challenge due once a PTO passed (CHN-PATH-7). */
    void onTimeout(long now) {
        if (candidate == null) {
            return;
        }
        if (now - abandonAt >= 0) {
            clear();
        } else if (now - nextChallengeAt >= 0) {
            challengeDue = true;
        }
    }

    /** Whether moving from {@code from} to {@code to} changed more than the port (CHN-PATH-5). */
    static boolean hostChanged(InetSocketAddress from, InetSocketAddress to) {
        return !Arrays.equals(from.getAddress().getAddress(), to.getAddress().getAddress());
    }

    private void clear() {
        candidate = null;
        receivedFromCandidate = 0;
        sentToCandidate = 0;
        challengeCount = 0;
        challengeDue = false;
        abandonAt = Long.MAX_VALUE;
        nextChallengeAt = Long.MAX_VALUE;
    }
}
