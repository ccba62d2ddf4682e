package org.sss.conformance.target;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * An implementation under test in the responder role (conformance/IUT.md): where it listens, its
 * long-term public key, and the optional hooks it declared. The suite knows nothing else about it.
 */
public interface Target extends AutoCloseable {
    /** Timer hook names of IUT.md: the IUT runs this timer at the declared, shortened value. */
    String IDLE_TIMEOUT = "idle-timeout";
    String MINUTE_KEY_ROTATION = "minute-key-rotation";
    String REKEY_INTERVAL = "rekey-interval";

    /** The UDP address the IUT listens on. */
    InetSocketAddress address();

    /** The IUT's long-term public key R (32 bytes). */
    byte[] publicKey();

    /** One line naming the target in reports. */
    String description();

    /** The value the IUT declared for a timer hook ({@link #IDLE_TIMEOUT}, ...), or empty when it declared none. */
    default Optional<Duration> timer(String name) {
        return Optional.empty();
    }

    /** Stops the target when the suite started it; a target the suite did not start is left alone. */
    @Override
    default void close() {
    }
}
