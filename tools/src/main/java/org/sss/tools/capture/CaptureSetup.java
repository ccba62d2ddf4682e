package org.sss.tools.capture;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import org.sss.core.crypto.PublicKey;

/**
 * What one {@code sss capture} run does.
 *
 * @param workload the name of the traffic ({@link Workloads})
 * @param pcap the capture file
 * @param keylog the key log file, or null for none (key export is opt-in, SEC-FS-2)
 * @param seed the seed of every key, nonce, payload and drop decision
 * @param lossPercent the share of datagrams dropped in each direction, or null for the workload's default
 * @param recordAt which host's datagrams are recorded, or null for the workload's default
 * @param target an external responder, or null for the embedded reference responder
 * @param targetKey the external responder's long-term public key (with {@code target})
 */
public record CaptureSetup(String workload, Path pcap, Path keylog, long seed, Double lossPercent,
        Side recordAt, InetSocketAddress target, PublicKey targetKey) {

    /** The host whose datagrams a capture records. */
    public enum Side {
        /** The responder: every datagram it receives, from the initiator and from attackers. */
        RESPONDER,
        /** The reference initiator. */
        INITIATOR
    }

    /** Checks that the setup is complete and consistent. */
    public CaptureSetup {
        Workload traffic = Workloads.find(workload);
        Objects.requireNonNull(pcap, "pcap");
        if ((target == null) != (targetKey == null)) {
            throw new IllegalArgumentException("--target and --target-key go together");
        }
        if (lossPercent != null && (lossPercent < 0 || lossPercent >= 100)) {
            throw new IllegalArgumentException("--loss: a percentage from 0 to below 100, got " + lossPercent);
        }
        if (target != null && effectiveSide(traffic, recordAt) == Side.RESPONDER) {
            throw new IllegalArgumentException("an external --target cannot be recorded at the responder; "
                    + (traffic.attack() ? "attack workloads need the embedded responder" : "use --at initiator"));
        }
    }

    /** The side that is recorded. */
    public Side side() {
        return effectiveSide(traffic(), recordAt);
    }

    /** The workload. */
    Workload traffic() {
        return Workloads.find(workload);
    }

    /** The loss rate in percent. */
    public double loss() {
        return lossPercent != null ? lossPercent : traffic().defaultLossPercent();
    }

    private static Side effectiveSide(Workload workload, Side recordAt) {
        if (recordAt != null) {
            return recordAt;
        }
        return workload.attack() ? Side.RESPONDER : Side.INITIATOR;
    }
}
