package org.sss.tools.bench.compare.tls;

import java.util.SplittableRandom;

/** Request payloads: random bytes from {@link SplittableRandom}, a fixed set cycled through. */
final class Requests {
    private final byte[][] requests;
    private int next;

    /**
     * @param seed fixes the content
     * @param distinct how many different requests to cycle through
     * @param length bytes per request
     */
    Requests(long seed, int distinct, int length) {
        SplittableRandom random = new SplittableRandom(seed);
        requests = new byte[distinct][length];
        for (byte[] request : requests) {
            random.nextBytes(request);
        }
    }

    /** The next request; for one thread at a time. */
    byte[] next() {
        byte[] request = requests[next];
        next = (next + 1) % requests.length;
        return request;
    }
}
