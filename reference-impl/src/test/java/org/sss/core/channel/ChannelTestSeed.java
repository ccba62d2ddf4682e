package org.sss.core.channel;

import java.security.SecureRandom;

/**
 * The seed of a randomised channel test: {@code -Dsss.seed=N} replays a run; otherwise a fresh
 * seed is chosen. The seed is printed either way.
 */
final class ChannelTestSeed {
    static final String PROPERTY = "sss.seed";

    private ChannelTestSeed() {
    }

    /** The seed for {@code testName}, printed with the way to replay it. */
    static long forTest(String testName) {
        String given = System.getProperty(PROPERTY);
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.trim()) : new SecureRandom().nextLong();
        System.out.println("[" + testName + "] seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
