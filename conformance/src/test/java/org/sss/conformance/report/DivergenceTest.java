package org.sss.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** Expected vs observed of a failed assertion, with the first divergence. */
class DivergenceTest {
    @Test
    void anAssertJFailureShowsBothValuesAndWhereTheyFirstDiffer() {
        Throwable failure = catchThrowable(() -> assertThat("00112233").as("TST-ECHO-1: echoed bytes").isEqualTo("00112244"));

        String text = Divergence.describe(failure);

        assertThat(text).startsWith("failure: [TST-ECHO-1: echoed bytes]\nexpected:").contains("expected: \"00112244\"",
                "observed: \"00112233\"",
                "first divergence at character 7: expected '44\"', observed '33\"'");
    }

    @Test
    void anotherFailureShowsItsMessage() {
        assertThat(Divergence.describe(new AssertionError("CHN-RECV-2: expected no ACK of packet 7,\nobserved one")))
                .isEqualTo("failure: CHN-RECV-2: expected no ACK of packet 7,\nobserved one\n");
        assertThat(Divergence.describe(null)).contains("no failure");
    }

    @Test
    void aPrefixDivergesAtItsEnd() {
        assertThat(Divergence.firstDifference("abc", "abcd")).isEqualTo("first divergence at character 3: expected (end), observed 'd'");
        assertThatThrownBy(() -> { throw new AssertionError(); }).satisfies(t ->
                assertThat(Divergence.firstLine(t)).isEqualTo("java.lang.AssertionError"));
    }
}
