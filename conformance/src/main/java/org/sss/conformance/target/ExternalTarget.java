package org.sss.conformance.target;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A target the suite did not start: an address, a key and the timer hooks its profile declares. */
public record ExternalTarget(InetSocketAddress address, byte[] publicKey, Map<String, Duration> timers)
        implements Target {
    public ExternalTarget {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("a long-term public key has 32 bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
        timers = Map.copyOf(timers);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String description() {
        return "udp " + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public Optional<Duration> timer(String name) {
        return Optional.ofNullable(timers.get(name));
    }
}
