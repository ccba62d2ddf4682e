package org.sss.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** Every {@link Baseline} names a benchmark of its own class, so that {@code sss bench jmh} can print the ratio. */
class BaselinesTest {

    @Test
    void everyBaselineIsABenchmarkOfTheSameClass() {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : List.of(ChannelBenchmark.class, HandshakeBenchmark.class, CryptoBenchmark.class,
                FrameCodecBenchmark.class)) {
            for (Method method : type.getMethods()) {
                Baseline baseline = method.getAnnotation(Baseline.class);
                if (baseline == null) {
                    continue;
                }
                assertThat(method.isAnnotationPresent(Benchmark.class)).as("%s is a benchmark", method).isTrue();
                Method target = benchmark(type, baseline.value());
                assertThat(target).as("%s.%s, the baseline of %s", type.getSimpleName(), baseline.value(),
                        method.getName()).isNotNull();
                checked.add(type.getSimpleName() + "." + method.getName());
            }
        }
        assertThat(checked).contains("ChannelBenchmark.send", "ChannelBenchmark.receive",
                "HandshakeBenchmark.handshake", "HandshakeBenchmark.responderHello",
                "HandshakeBenchmark.responderInitiate");
    }

    private static Method benchmark(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.isAnnotationPresent(Benchmark.class)) {
                return method;
            }
        }
        return null;
    }
}
