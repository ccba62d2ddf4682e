package org.sss.core.host;

import java.time.Duration;
import java.util.Objects;

/**
 * What an {@link ImpairedLink} does to the datagrams of one direction, in the style of Linux netem:
 * independent and bursty loss, duplication, reordering, delay with jitter and bit corruption. Every
 * rate is a probability per datagram from 0 to 1.
 *
 * <p>Burst loss follows the Gilbert-Elliott model: a two-state chain moves from the good to the bad
 * state with {@code burstEnter} and back with {@code burstExit} before each datagram; in the bad
 * state a datagram is lost with {@code burstLossRate}, in the good state with {@code lossRate}. The
 * long-run fraction of time in the bad state is {@code burstEnter / (burstEnter + burstExit)} and a
 * bad period lasts {@code 1 / burstExit} datagrams on average.
 *
 * <p>A reordered datagram is held back until {@code 1 .. reorderDistance} later datagrams of the
 * same direction have been sent past it, or {@code reorderExtraDelay} has passed, whichever comes
 * first. Jitter never reorders on its own: release times of one direction never decrease.
 *
 * @param lossRate independent loss (the good state's loss when burst loss is on)
 * @param burstEnter probability to move from the good to the bad state, 0 to turn burst loss off
 * @param burstExit probability to move from the bad state back to the good one
 * @param burstLossRate loss in the bad state
 * @param duplicateRate probability that a forwarded datagram is sent twice
 * @param reorderRate probability that a forwarded datagram is held back behind later ones
 * @param reorderDistance the most later datagrams that overtake a held one, at least 1
 * @param reorderExtraDelay the longest a held datagram waits for later ones
 * @param delay fixed one-way delay
 * @param jitter extra delay drawn uniformly from 0 to this
 * @param corruptRate probability that one random bit of a forwarded datagram is flipped
 */
record Impairment(double lossRate, double burstEnter, double burstExit, double burstLossRate,
        double duplicateRate, double reorderRate, int reorderDistance, Duration reorderExtraDelay,
        Duration delay, Duration jitter, double corruptRate) {

    /** Forwards everything at once, untouched. */
    static final Impairment NONE = builder().build();

    /** Checks every field. */
    Impairment {
        checkRate(lossRate, "lossRate");
        checkRate(burstEnter, "burstEnter");
        checkRate(burstExit, "burstExit");
        checkRate(burstLossRate, "burstLossRate");
        checkRate(duplicateRate, "duplicateRate");
        checkRate(reorderRate, "reorderRate");
        checkRate(corruptRate, "corruptRate");
        if (burstEnter > 0 && burstExit == 0) {
            throw new IllegalArgumentException("burstExit: must be positive when burstEnter is, got 0");
        }
        if (reorderDistance < 1) {
            throw new IllegalArgumentException("reorderDistance: must be at least 1, got " + reorderDistance);
        }
        checkDuration(reorderExtraDelay, "reorderExtraDelay");
        checkDuration(delay, "delay");
        checkDuration(jitter, "jitter");
    }

    /** A builder starting from {@link #NONE}'s values. */
    static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this impairment's values. */
    Builder toBuilder() {
        return new Builder()
                .lossRate(lossRate)
                .burstLoss(burstEnter, burstExit, burstLossRate)
                .duplicateRate(duplicateRate)
                .reorder(reorderRate, reorderDistance, reorderExtraDelay)
                .delay(delay, jitter)
                .corruptRate(corruptRate);
    }

    /** Whether datagrams may wait in the link at all (delay or jitter). */
    boolean delays() {
        return !delay.isZero() || !jitter.isZero();
    }

    /** Whether the Gilbert-Elliott chain is in use. */
    boolean burstLoss() {
        return burstEnter > 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Impairment[");
        if (lossRate > 0) {
            text.append(" loss=").append(lossRate);
        }
        if (burstLoss()) {
            text.append(" burst(enter=").append(burstEnter).append(" exit=").append(burstExit)
                    .append(" loss=").append(burstLossRate).append(')');
        }
        if (duplicateRate > 0) {
            text.append(" duplicate=").append(duplicateRate);
        }
        if (reorderRate > 0) {
            text.append(" reorder=").append(reorderRate).append(" distance<=").append(reorderDistance)
                    .append(" wait<=").append(reorderExtraDelay.toMillis()).append("ms");
        }
        if (delays()) {
            text.append(" delay=").append(delay.toMillis()).append("ms+U(0,").append(jitter.toMillis())
                    .append("ms)");
        }
        if (corruptRate > 0) {
            text.append(" corrupt=").append(corruptRate);
        }
        return text.append(" ]").toString();
    }

    private static void checkRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + ": must be from 0 to 1, got " + rate);
        }
    }

    private static void checkDuration(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + ": must not be negative, got " + duration);
        }
    }

    /** Builds an {@link Impairment}; every setting starts as "no impairment". */
    static final class Builder {
        private double lossRate;
        private double burstEnter;
        private double burstExit;
        private double burstLossRate;
        private double duplicateRate;
        private double reorderRate;
        private int reorderDistance = 3;
        private Duration reorderExtraDelay = Duration.ofMillis(50);
        private Duration delay = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private double corruptRate;

        private Builder() {
        }

        /** Independent loss per datagram. */
        Builder lossRate(double value) {
            lossRate = value;
            return this;
        }

        /**
         * Gilbert-Elliott burst loss.
         *
         * @param enter probability to enter the bad state before a datagram
         * @param exit probability to leave it before a datagram
         * @param lossInBadState loss rate while in the bad state
         */
        Builder burstLoss(double enter, double exit, double lossInBadState) {
            burstEnter = enter;
            burstExit = exit;
            burstLossRate = lossInBadState;
            return this;
        }

        /** Probability that a datagram is sent twice. */
        Builder duplicateRate(double value) {
            duplicateRate = value;
            return this;
        }

        /** Reordering with the default distance (up to 3 later datagrams) and wait (50 ms). */
        Builder reorderRate(double value) {
            reorderRate = value;
            return this;
        }

        /**
         * Reordering.
         *
         * @param rate probability that a datagram is held back
         * @param distance the most later datagrams that overtake it
         * @param extraDelay the longest it waits for them
         */
        Builder reorder(double rate, int distance, Duration extraDelay) {
            reorderRate = rate;
            reorderDistance = distance;
            reorderExtraDelay = extraDelay;
            return this;
        }

        /** Fixed one-way delay, no jitter. */
        Builder delay(Duration value) {
            return delay(value, Duration.ZERO);
        }

        /** One-way delay of {@code value} plus U(0, {@code jitterValue}). */
        Builder delay(Duration value, Duration jitterValue) {
            delay = value;
            jitter = jitterValue;
            return this;
        }

        /** Probability that one bit of a datagram is flipped. */
        Builder corruptRate(double value) {
            corruptRate = value;
            return this;
        }

        /** The impairment. */
        Impairment build() {
            return new Impairment(lossRate, burstEnter, burstExit, burstLossRate, duplicateRate, reorderRate,
                    reorderDistance, reorderExtraDelay, delay, jitter, corruptRate);
        }
    }
}
