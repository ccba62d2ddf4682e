package org.sss.tools.bench;

import java.security.SecureRandom;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyAgreement;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretKey;

/**
 * The X25519 work of one SSS handshake as the reference implementation does it, and a way to do
 * exactly that much X25519 and nothing else: the ceiling a handshake benchmark is compared with.
 *
 * <p>Counted from the code (a test counts them again through a counting crypto provider):
 * <ul>
 *   <li>initiator, 1 base-point and 3 variable-base: {@code Initiator} construction {@code beforenm(R, i)}
 *       for the vouch; the attempt's {@code (i', I')}; {@code beforenm(R, i')} for HELLO and COOKIE;
 *       on the COOKIE {@code beforenm(R', i')}, the channel key;</li>
 *   <li>responder per HELLO, 1 base-point and 1 variable-base: {@code beforenm(I', r)}; the fresh
 *       {@code (r', R')} whose secret goes into the cookie;</li>
 *   <li>responder per INITIATE, 1 base-point and 2 variable-base: {@code beforenm(I', r')} with
 *       {@code r'} from the cookie; {@code beforenm(I, r)} for the vouch; {@code R'} recomputed from
 *       {@code r'} for the channel ID.</li>
 * </ul>
 * A whole handshake, both ends: 3 base-point and 6 variable-base multiplications. A variable-base
 * multiplication is done here as the code does it, by {@code beforenm} (X25519 then HSalsa20).
 */
final class HandshakeX25519 {

    /** An amount of X25519 work. */
    record Work(String name, int basePoint, int variableBase) {
        /** One whole handshake, both ends. */
        static final Work HANDSHAKE = new Work("handshake", 3, 6);
        /** The responder's part for one HELLO. */
        static final Work RESPONDER_HELLO = new Work("responder HELLO", 1, 1);
        /** The responder's part for one INITIATE. */
        static final Work RESPONDER_INITIATE = new Work("responder INITIATE", 1, 2);
        /** The initiator's part. */
        static final Work INITIATOR = new Work("initiator", 1, 3);

        /** The work of {@code this} and {@code other} together. */
        Work plus(Work other) {
            return new Work(name + " + " + other.name, basePoint + other.basePoint, variableBase + other.variableBase);
        }
    }

    private final CryptoProvider crypto;
    private final KeyAgreement agreement;
    private final SecretKey own;
    private final PublicKey peer;

    /** Fixed keys from {@code seed}; the cost of X25519 does not depend on them. */
    HandshakeX25519(CryptoProvider crypto, long seed) {
        this.crypto = crypto;
        this.agreement = crypto.keyAgreement();
        SecureRandom random = InMemoryHandshake.seededSecureRandom(seed);
        this.own = KeyPair.generate(agreement, random).secretKey();
        this.peer = KeyPair.generate(agreement, random).publicKey();
    }

    /**
     * Does {@code work}'s multiplications.
     *
     * @return a value that depends on every result, so that none of them is dead code
     */
    int perform(Work work) {
        int sink = 0;
        for (int i = 0; i < work.basePoint(); i++) {
            sink += agreement.publicKey(own).hashCode();
        }
        for (int i = 0; i < work.variableBase(); i++) {
            BoxKey key = crypto.beforenm(peer, own).orElseThrow();
            sink += key.bytes()[i];
        }
        return sink;
    }
}
