package org.sss.tools.bench.compare;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A contender for the runner's tests: no network, each workload's value scripted by the index of
 * its call (0 for the first), and a count of calls per workload.
 */
final class FakeContender implements Contender {
    private final String id;
    private final Map<String, IntFunction<Object>> scripts = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();

    FakeContender(String id) {
        this.id = id;
    }

    /** Scripts {@code workload} (bulk1, bulkn, handshakes, ttfb, rr, many): call index to value, or throws. */
    FakeContender script(String workload, IntFunction<Object> script) {
        scripts.put(workload, script);
        return this;
    }

    /** How many times {@code workload} was called. */
    int calls(String workload) {
        return calls.getOrDefault(workload, 0);
    }

    private Object next(String workload) {
        int call = calls.merge(workload, 1, Integer::sum) - 1;
        IntFunction<Object> script = scripts.get(workload);
        if (script == null) {
            throw new UnsupportedOperationException(id + " has no " + workload + " script");
        }
        Object value = script.apply(call);
        if (value instanceof RuntimeException e) {
            throw e;
        }
        return value;
    }

    /** {@code n} samples of {@code micros} microseconds. */
    static long[] samples(int n, double micros) {
        long[] samples = new long[n];
        Arrays.fill(samples, Math.round(micros * 1000));
        return samples;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return id.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String streamUnit() {
        return "stream";
    }

    @Override
    public String describe() {
        return "fake " + id;
    }

    @Override
    public double bulk(Loopback loopback, long bytes, int streams, long seed) {
        return (Double) next(streams == 1 ? "bulk1" : "bulkn");
    }

    @Override
    public double handshakesPerSecond(Loopback loopback, Duration duration, int concurrency, long seed) {
        return (Double) next("handshakes");
    }

    @Override
    public long[] timeToFirstByte(Loopback loopback, Duration duration, long seed) {
        return (long[]) next("ttfb");
    }

    @Override
    public Latencies requestResponse(Loopback loopback, Duration duration, long seed) {
        return (Latencies) next("rr");
    }

    @Override
    public ManyStreams manyStreams(Loopback loopback, int count, int inFlight, long seed) {
        return (ManyStreams) next("many");
    }
}
