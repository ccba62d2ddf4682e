package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One strictly increasing counter per short-term key, refusing to wrap. */
class NonceCounterTest {

    @Test
    void startsAtTheRecommendedOneAndStepsByOne() {
        NonceCounter c = new NonceCounter();
        assertThat(c.next()).isEqualTo(1);
        assertThat(c.next()).isEqualTo(2);
        assertThat(c.nextNonce(NoncePrefix.MESSAGE_FROM_INITIATOR).counter()).isEqualTo(3);
    }

    @Test
    void sharesOneSequenceAcrossPrefixes() {
        NonceCounter c = new NonceCounter();
        assertThat(c.nextNonce(NoncePrefix.HELLO).counter()).isEqualTo(1);
        assertThat(c.nextNonce(NoncePrefix.INITIATE).counter()).isEqualTo(2);
        assertThat(c.nextNonce(NoncePrefix.MESSAGE_FROM_INITIATOR).counter()).isEqualTo(3);
    }

    @Test
    void issuesTheMaximumOnceThenRefusesToWrap() {
        NonceCounter c = new NonceCounter(-2L); // 2^64 - 2, unsigned
        assertThat(Long.toUnsignedString(c.next())).isEqualTo("18446744073709551614");
        assertThat(Long.toUnsignedString(c.next())).isEqualTo("18446744073709551615");
        assertThat(c.isExhausted()).isTrue();
        assertThatThrownBy(c::next).isInstanceOf(NonceCounterExhaustedException.class)
                .hasMessageContaining("2^64-1");
        assertThatThrownBy(c::next).isInstanceOf(NonceCounterExhaustedException.class);
    }

    @Test
    void countsPastTheSignedBoundaryAsUnsigned() {
        NonceCounter c = new NonceCounter(Long.MAX_VALUE);
        c.next();
        assertThat(Long.toUnsignedString(c.next())).isEqualTo("9223372036854775808");
        assertThat(c.isExhausted()).isFalse();
    }

    @Test
    void zeroIsAnAllowedStart() {
        NonceCounter c = new NonceCounter(0);
        assertThat(c.next()).isZero();
        assertThat(c.next()).isEqualTo(1);
    }
}
