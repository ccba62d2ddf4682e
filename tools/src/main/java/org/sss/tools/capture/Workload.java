package org.sss.tools.capture;

import org.sss.core.channel.ChannelConfig;

/**
 * One named piece of traffic that {@code sss capture} records: what the reference initiator (and, for
 * the attacks, an attacker's sockets) do against the responder. Implementations are stateless.
 */
interface Workload {
    /** The name on the command line and in {@code pcaps/}. */
    String name();

    /** What the capture shows, one sentence for {@code --list} and {@code pcaps/README.md}. */
    String description();

    /** Whether this is an attack, recorded at the responder by default. */
    default boolean attack() {
        return false;
    }

    /** The loss rate, in percent, when {@code --loss} is not given. */
    default double defaultLossPercent() {
        return 0;
    }

    /** The initiator's channel configuration, from the default one. */
    default ChannelConfig initiatorChannel(ChannelConfig defaults) {
        return defaults;
    }

    /** Runs the traffic; every wait is bounded by {@link CaptureSession#PATIENCE}. */
    void run(CaptureSession session) throws Exception;
}
