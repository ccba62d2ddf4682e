package org.sss.tools.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The impaired link with a real network namespace and nftables (skipped, with the reason, where this
 * is not root or a tool is missing), and the parsing of the loss child's line.
 */
class ImpairedLinkTest {
    private static final int PACKETS = 5000;
    private static final Pattern PROBE = Pattern.compile("sent=(\\d+) received=(\\d+)");

    @Test
    void fivePercentLossDropsRoughlyFivePercentAndTheCountersSaySo() throws Exception {
        Optional<String> unavailable = ImpairedLink.availability();
        assumeTrue(unavailable.isEmpty(), () -> "no impaired link here: " + unavailable.orElse(""));
        String namespace;
        try (ImpairedLink link = ImpairedLink.create(5)) {
            namespace = link.namespace();
            assertThat(namespace).startsWith("sss-bench-" + ProcessHandle.current().pid());
            ImpairedLink.Counters before = link.counters();
            String output = ImpairedLink.run(link.javaCommand(UdpLossProbe.class.getName(),
                    List.of(Integer.toString(PACKETS))), null);
            ImpairedLink.Counters counted = link.counters().since(before);
            Matcher probe = PROBE.matcher(output);
            assertThat(probe.find()).as(output).isTrue();
            int received = Integer.parseInt(probe.group(2));
            int lost = PACKETS - received;
            System.out.printf("[ImpairedLinkTest] 5%%: %d of %d lost; counters: %d seen, %d dropped%n", lost, PACKETS,
                    counted.seen(), counted.dropped());
            assertThat(lost).as(output).isBetween(PACKETS / 100, PACKETS * 12 / 100);
            // only this traffic crosses the namespace's loopback, and only the rule drops
            assertThat(counted.dropped()).isEqualTo(lost);
            assertThat(counted.seen()).isGreaterThanOrEqualTo(PACKETS);
            assertThat(counted.dropPercent()).isBetween(1.0, 12.0);

            link.setLoss(0);
            ImpairedLink.Counters reset = link.counters();
            assertThat(reset).isEqualTo(new ImpairedLink.Counters(0, 0));
        }
        assertThat(ImpairedLink.run(List.of("ip", "netns", "list"), null)).doesNotContain(namespace);
    }

    @Test
    void theChildsLineIsItsFigureOrWhatItReported() throws Exception {
        assertThat(NamespaceImpairment.parse("{\"contender\":\"sss\",\"megabytesPerSecond\":12.5}")).isEqualTo(12.5);
        assertThatThrownBy(() -> NamespaceImpairment.parse("{\"contender\":\"tls\",\"unsupported\":\"no streams\"}"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("no streams");
        assertThatThrownBy(() -> NamespaceImpairment.parse("{\"contender\":\"quic\",\"failed\":\"short by 3 bytes\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessage("short by 3 bytes");
        assertThatThrownBy(() -> NamespaceImpairment.parse("{\"contender\":\"quic\"}"))
                .hasMessageContaining("printed no figure");
    }
}
