package org.sss.conformance.peer.responder;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.crypto.SmallOrderKeyException;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;

/**
 * The responder's steps of SPEC.md 5.5 as functions of its long-term key and minute keys: opening a
 * HELLO (steps 1 and 3), making its COOKIE (steps 4 and 5, NEG-COOKIE-1), and opening an INITIATE
 * (steps 1 and 3 to 7). It keeps no state between HELLO and INITIATE (NEG-RPROC-2).
 */
final class ResponderHandshake {
    /** Offsets of the INITIATE layout (SPEC.md 5.4), magic included. */
    static final int INITIATE_COOKIE = 40;
    static final int INITIATE_COUNTER = 136;
    static final int INITIATE_BOX = 144;

    /**
     * A HELLO whose box opened.
     *
     * @param initiatorShortTerm I'
     * @param counter the nonce counter
     * @param boxPlaintext the box's 64-byte plaintext (zeros from a conforming initiator)
     */
    record Hello(byte[] initiatorShortTerm, long counter, byte[] boxPlaintext) {
    }

    /**
     * A COOKIE made for a HELLO.
     *
     * @param packet the 168-byte datagram
     * @param responderShortTerm R'
     * @param cookie the 96 bytes the initiator must copy into its INITIATEs
     */
    record Issued(byte[] packet, byte[] responderShortTerm, byte[] cookie) {
    }

    /**
     * An INITIATE taken apart; {@code problem} names the first check that failed, with the verdict of
     * section 5.5, or is null when everything opened and the vouch holds.
     *
     * @param initiatorShortTerm I' of the packet
     * @param cookie the 96 cookie bytes of the packet
     * @param counter the nonce counter
     * @param responderShortTerm (r', R') from the cookie, or null
     * @param initiatorIdentity I, or null
     * @param message the message plaintext, or null
     * @param problem null, or the failed check
     */
    record Initiate(byte[] initiatorShortTerm, byte[] cookie, long counter, X25519KeyPair responderShortTerm,
            byte[] initiatorIdentity, byte[] message, String problem) {
        Initiate failed(String why) {
            return new Initiate(initiatorShortTerm, cookie, counter, responderShortTerm, initiatorIdentity, message,
                    why);
        }
    }

    private final X25519KeyPair identity;
    private final MinuteKeys minuteKeys;
    private final Random random;

    ResponderHandshake(X25519KeyPair identity, MinuteKeys minuteKeys, Random random) {
        this.identity = identity;
        this.minuteKeys = minuteKeys;
        this.random = random;
    }

    /** Opens a 192-byte HELLO with {@code box_open(…, "cUVVYcp-CLIENT-h" ‖ counter, I', r)}. */
    Optional<Hello> openHello(byte[] d) {
        if (d.length != Packets.HELLO_SIZE || !Magic.HELLO.starts(d)) {
            return Optional.empty();
        }
        byte[] iPrime = Arrays.copyOfRange(d, 8, 40);
        long counter = be64(d, 104);
        Optional<byte[]> plain = Nacl.boxOpen(Arrays.copyOfRange(d, 112, 192), NoncePrefix.HELLO.withCounter(counter),
                iPrime, identity.secretKey());
        return plain.map(p -> new Hello(iPrime, counter, p));
    }

    /** CRY-KEY-2, CRY-COOKIE-5, NEG-COOKIE-1: a fresh (r', R'), its cookie, and the COOKIE for {@code hello}. */
    Issued cookie(Hello hello, InetSocketAddress from) {
        X25519KeyPair shortTerm = X25519KeyPair.generate(random);
        byte[] cookie = minuteKeys.seal(hello.initiatorShortTerm(), shortTerm.secretKey(), from);
        byte[] contents = new byte[128];
        System.arraycopy(shortTerm.publicKey(), 0, contents, 0, 32);
        System.arraycopy(cookie, 0, contents, 32, 96);
        byte[] n = new byte[16];
        random.nextBytes(n);
        byte[] box = Nacl.box(contents, NoncePrefix.COOKIE.withRandom(n), hello.initiatorShortTerm(),
                identity.secretKey());
        return new Issued(Packets.cookie(n, box), shortTerm.publicKey(), cookie);
    }

    /** Steps 3 to 7 of section 5.5 for an INITIATE from {@code from}, whose length was checked. */
    Initiate openInitiate(byte[] d, InetSocketAddress from) {
        byte[] iPrime = Arrays.copyOfRange(d, 8, 40);
        byte[] cookie = Arrays.copyOfRange(d, INITIATE_COOKIE, INITIATE_COOKIE + 96);
        long counter = be64(d, INITIATE_COUNTER);
        Initiate result = new Initiate(iPrime, cookie, counter, null, null, null, null);
        Optional<MinuteKeys.Contents> contents = minuteKeys.open(cookie, from);
        if (contents.isEmpty()) {
            return result.failed("COOKIE_INVALID: the cookie does not open under the INITIATE's source address");
        }
        if (!Arrays.equals(contents.get().initiatorShortTerm(), iPrime)) {
            return result.failed("COOKIE_MISMATCH: the cookie was made for another I'");
        }
        X25519KeyPair shortTerm = X25519KeyPair.fromSecretKey(contents.get().responderShortTermSecret());
        byte[] key;
        try {
            key = Nacl.beforenm(iPrime, shortTerm.secretKey());
        } catch (SmallOrderKeyException e) {
            return result.failed("BOX_OPEN_FAILED: I' has small order");
        }
        Optional<byte[]> plain = Nacl.secretboxOpen(Arrays.copyOfRange(d, INITIATE_BOX, d.length),
                NoncePrefix.INITIATE.withCounter(counter), key);
        result = new Initiate(iPrime, cookie, counter, shortTerm, null, null, null);
        if (plain.isEmpty() || plain.get().length < 96) {
            return result.failed("BOX_OPEN_FAILED: the INITIATE box does not open under (I', r')");
        }
        byte[] p = plain.get();
        byte[] identityI = Arrays.copyOf(p, 32);
        byte[] message = Arrays.copyOfRange(p, 96, p.length);
        result = new Initiate(iPrime, cookie, counter, shortTerm, identityI, message, null);
        Optional<byte[]> vouched = Nacl.boxOpen(Arrays.copyOfRange(p, 48, 96),
                NoncePrefix.VOUCH.withRandom(Arrays.copyOfRange(p, 32, 48)), identityI, identity.secretKey());
        if (vouched.isEmpty() || !Arrays.equals(vouched.get(), iPrime)) {
            return result.failed("VOUCH_INVALID: the vouch does not open under (I, r) to I'");
        }
        return result;
    }

    static long be64(byte[] b, int offset) {
        long c = 0;
        for (int i = offset; i < offset + 8; i++) {
            c = c << 8 | (b[i] & 0xff);
        }
        return c;
    }
}
