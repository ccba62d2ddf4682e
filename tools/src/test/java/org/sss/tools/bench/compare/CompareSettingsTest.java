package org.sss.tools.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every option's check names the option. */
class CompareSettingsTest {
    private static CompareSettings with(List<String> contenders, int repetitions, int streams, List<Double> loss,
            List<Workload> workloads) {
        return new CompareSettings(contenders, repetitions, 1, 200, streams, 10_000, 3, 4, loss, 50, workloads, 1);
    }

    @Test
    void defaultsAreTheIssues() {
        CompareSettings settings = CompareSettings.defaults(7);
        assertThat(settings.contenders()).containsExactly("sss", "quic", "tls");
        assertThat(settings.repetitions()).isEqualTo(5);
        assertThat(settings.bulkBytes()).isEqualTo(200_000_000L);
        assertThat(settings.lossPercents()).containsExactly(1.0, 5.0);
    }

    @Test
    void refusesValuesOutOfRangeNamingTheOption() {
        List<Workload> all = List.of(Workload.values());
        assertThatThrownBy(() -> with(List.of("sss"), 0, 100, List.of(), all))
                .hasMessage("--repetitions must be between 1 and 99, got 0");
        assertThatThrownBy(() -> with(List.of("sss"), 5, 1, List.of(), all))
                .hasMessage("--streams must be between 2 and 10000, got 1");
        assertThatThrownBy(() -> with(List.of("sss", "http"), 5, 100, List.of(), all))
                .hasMessageStartingWith("--contenders: unknown contender 'http'");
        assertThatThrownBy(() -> with(List.of("sss", "sss"), 5, 100, List.of(), all))
                .hasMessageStartingWith("--contenders names a contender twice");
        assertThatThrownBy(() -> with(List.of(), 5, 100, List.of(), all)).hasMessageStartingWith("--contenders");
        assertThatThrownBy(() -> with(List.of("sss"), 5, 100, List.of(100.0), all))
                .hasMessageStartingWith("--loss: each rate must be a percentage from 0 to below 100");
        assertThatThrownBy(() -> with(List.of("sss"), 5, 100, List.of(-1.0), all))
                .hasMessageStartingWith("--loss: each rate must be a percentage from 0 to below 100");
        assertThat(with(List.of("sss"), 5, 100, List.of(0.0, 1.0), all).lossPercents()).containsExactly(0.0, 1.0);
        assertThatThrownBy(() -> CompareSettings.parseLoss("1,five")).hasMessageContaining("--loss: 'five'");
        assertThatThrownBy(() -> Workload.parse("bulk")).hasMessageStartingWith("--workloads: unknown workload 'bulk'");
        assertThatThrownBy(() -> with(List.of("sss"), 5, 100, List.of(), List.of())).hasMessageStartingWith("--workloads");
    }

    @Test
    void parsesListsLossAndWorkloads() {
        assertThat(CompareSettings.parseLoss("none")).isEmpty();
        assertThat(CompareSettings.parseLoss("1, 5%,0.5")).containsExactly(1.0, 5.0, 0.5);
        assertThat(CompareSettings.parseList(" SSS,,tls ")).containsExactly("sss", "tls");
        assertThat(with(List.of("tls"), 1, 2, List.of(), List.of(Workload.LOSS, Workload.parse("bulk1"))).workloads())
                .containsExactly(Workload.BULK_ONE, Workload.LOSS);
        assertThat(CompareRunner.percent(0.5)).isEqualTo("0.5");
        assertThat(CompareRunner.percent(5)).isEqualTo("5");
    }
}
