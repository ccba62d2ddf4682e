package org.sss.core.negotiation;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.sss.core.crypto.PublicKey;

/**
 * The responder's authorisation decision on an initiator, applied at step 8 of SPEC.md section 5.5,
 * after the vouch has proved the initiator's identity. A refusal is not a wire fault: the
 * responder drops the INITIATE silently and counts it as a refusal, not under a verdict
 * (NEG-RPROC-6).
 */
@FunctionalInterface
public interface InitiatorPolicy {

    /**
     * Whether a channel may be created for this initiator.
     *
     * @param initiator the initiator's authenticated long-term key {@code I}
     * @param address the source address and port of its INITIATE
     * @return true to accept
     */
    boolean accepts(PublicKey initiator, InetSocketAddress address);

    /** Accepts every initiator whose vouch verifies. */
    static InitiatorPolicy allowAll() {
        return (initiator, address) -> true;
    }

    /**
     * Accepts only the listed identities, from any address.
     *
     * @param allowed the long-term public keys allowed in (copied)
     */
    static InitiatorPolicy allowList(Collection<PublicKey> allowed) {
        Set<PublicKey> keys = Set.copyOf(Objects.requireNonNull(allowed, "allowed"));
        return (initiator, address) -> keys.contains(initiator);
    }
}
