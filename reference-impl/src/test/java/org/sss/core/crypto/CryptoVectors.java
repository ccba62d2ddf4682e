package org.sss.core.crypto;

import static org.sss.core.crypto.NaclTestValues.ALICE_PK;
import static org.sss.core.crypto.NaclTestValues.ALICE_SK;
import static org.sss.core.crypto.NaclTestValues.BOB_PK;
import static org.sss.core.crypto.NaclTestValues.BOB_SK;
import static org.sss.core.crypto.NaclTestValues.BOX;
import static org.sss.core.crypto.NaclTestValues.FIRSTKEY;
import static org.sss.core.crypto.NaclTestValues.MESSAGE;
import static org.sss.core.crypto.NaclTestValues.NONCE;
import static org.sss.core.crypto.NaclTestValues.SHARED;
import static org.sss.core.crypto.NaclTestValues.SMALL_ORDER_P;
import static org.sss.core.crypto.VectorMaps.INVALID;
import static org.sss.core.crypto.VectorMaps.VALID;
import static org.sss.core.crypto.VectorMaps.flip;
import static org.sss.core.crypto.VectorMaps.hex;
import static org.sss.core.crypto.VectorMaps.obj;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds crypto.json: X25519, HSalsa20, beforenm, secretbox, box, the seven nonce constructions,
 * channel_id and the address-bound minute key. Every output is computed here with the reference
 * implementation; published NaCl values are additionally asserted equal while generating.
 */
final class CryptoVectors {
    static final String DROP_BOX = "BOX_OPEN_FAILED";

    private static final byte[] BASE_POINT = basePoint();

    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final SecretBox secretBox = crypto.newSecretBox();
    private final VectorMaps.FileBuilder file = new VectorMaps.FileBuilder("crypto", "SPEC.md section 4 (Cryptography)",
            obj(
                    "NaclTestVector", "Inputs and output published in NaCl's tests as carried by libsodium (test/default/*.c and *.exp).",
                    "ZeroSharedSecret", "X25519 yields the all-zero value (a small-order public key); the key agreement is refused, so no box made with it opens.",
                    "TopBitSet", "The public key has its most significant bit set; X25519 ignores that bit (RFC 7748 section 5).",
                    "ModifiedTag", "A bit of the Poly1305 tag is flipped.",
                    "ModifiedCiphertext", "A bit of the ciphertext is flipped.",
                    "WrongKey", "The box is opened with a key other than the one it was sealed with.",
                    "WrongNonce", "The box is opened with a nonce other than the one it was sealed with.",
                    "WrongNoncePrefix", "Same key and counter, but the other direction's nonce prefix.",
                    "Truncated", "The box is shorter than it was sealed; below 16 bytes it cannot even hold a tag.",
                    "CounterMax", "The largest counter, 2^64-1.",
                    "Ipv4Mapped", "An IPv4-mapped IPv6 address (::ffff:a.b.c.d) derives the same key as the IPv4 address."));

    static Map<String, Object> build() {
        CryptoVectors v = new CryptoVectors();
        v.x25519();
        v.hsalsa20();
        v.beforenm();
        v.secretbox();
        v.box();
        v.nonces();
        v.channelId();
        v.addressBoundMinuteKey();
        return v.file.build();
    }

    private void x25519() {
        VectorMaps.FileBuilder.Group g = file.group("x25519");
        x25519Valid(g, "crypto_scalarmult_base(alicesk) = alicepk (scalarmult.c)", List.of("NaclTestVector"),
                ALICE_SK, BASE_POINT, ALICE_PK);
        x25519Valid(g, "crypto_scalarmult_base(bobsk) = bobpk (scalarmult2.c)", List.of("NaclTestVector"),
                BOB_SK, BASE_POINT, BOB_PK);
        x25519Valid(g, "crypto_scalarmult(alicesk, bobpk) (scalarmult5.c; core1.c's shared)", List.of("NaclTestVector"),
                ALICE_SK, BOB_PK, SHARED);
        x25519Valid(g, "crypto_scalarmult(bobsk, alicepk): the same shared value", List.of("NaclTestVector"),
                BOB_SK, ALICE_PK, SHARED);
        byte[] sk = DeterministicBytes.of("x25519 private", 32);
        byte[] pk = DeterministicBytes.keyPair("x25519 peer").publicKey().bytes();
        x25519Valid(g, "derived inputs", List.of(), sk, pk, null);
        byte[] topBit = pk.clone();
        topBit[31] |= (byte) 0x80;
        x25519Valid(g, "same as the previous test with the public key's top bit set", List.of("TopBitSet"), sk, topBit, null);
        x25519Invalid(g, "public key u = 0, a point of order 2", ALICE_SK, new byte[32]);
        byte[] one = new byte[32];
        one[0] = 1;
        x25519Invalid(g, "public key u = 1, a point of order 4", ALICE_SK, one);
        x25519Invalid(g, "box.c's small_order_p, a point of order 8", ALICE_SK, SMALL_ORDER_P);
    }

    private void x25519Valid(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] sk, byte[] pk,
            byte[] expected) {
        byte[] shared = new byte[32];
        if (!crypto.keyAgreement().agree(SecretKey.of(sk), PublicKey.of(pk), shared, 0)) {
            throw new IllegalStateException("valid X25519 vector refused: " + comment);
        }
        requireEqual(expected, shared, comment);
        g.test(comment, flags, "private", hex(sk), "public", hex(pk), "shared", hex(shared), "result", VALID);
    }

    private void x25519Invalid(VectorMaps.FileBuilder.Group g, String comment, byte[] sk, byte[] pk) {
        if (crypto.keyAgreement().agree(SecretKey.of(sk), PublicKey.of(pk), new byte[32], 0)) {
            throw new IllegalStateException("small-order vector accepted: " + comment);
        }
        g.test(comment, List.of("ZeroSharedSecret"), "private", hex(sk), "public", hex(pk), "result", INVALID,
                "dropReason", DROP_BOX);
    }

    private void hsalsa20() {
        VectorMaps.FileBuilder.Group g = file.group("hsalsa20");
        hsalsa20Test(g, "crypto_core_hsalsa20(shared, 0^16) = firstkey (core1.c, secretbox.c)", List.of("NaclTestVector"),
                SHARED, new byte[16], FIRSTKEY);
        hsalsa20Test(g, "XSalsa20's subkey for the NaCl box: HSalsa20(firstkey, nonce[0..16))", List.of(),
                FIRSTKEY, Arrays.copyOf(NONCE, 16), null);
        hsalsa20Test(g, "derived inputs", List.of(), DeterministicBytes.of("hsalsa20 key", 32),
                DeterministicBytes.of("hsalsa20 input", 16), null);
    }

    private void hsalsa20Test(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] key, byte[] in,
            byte[] expected) {
        byte[] out = new byte[32];
        HSalsa20.hsalsa20(out, 0, in, 0, key, 0);
        requireEqual(expected, out, comment);
        g.test(comment, flags, "key", hex(key), "input", hex(in), "output", hex(out), "result", VALID);
    }

    private void beforenm() {
        VectorMaps.FileBuilder.Group g = file.group("beforenm");
        beforenmValid(g, "crypto_box_beforenm(bobpk, alicesk) = firstkey (box.c)", List.of("NaclTestVector"),
                BOB_PK, ALICE_SK, FIRSTKEY);
        beforenmValid(g, "crypto_box_beforenm(alicepk, bobsk) = firstkey (box2.c): the same both ways",
                List.of("NaclTestVector"), ALICE_PK, BOB_SK, FIRSTKEY);
        KeyPair a = DeterministicBytes.keyPair("beforenm a");
        KeyPair b = DeterministicBytes.keyPair("beforenm b");
        beforenmValid(g, "derived keys, a's view", List.of(), b.publicKey().bytes(), a.secretKey().bytes(), null);
        beforenmValid(g, "derived keys, b's view: the same key", List.of(), a.publicKey().bytes(), b.secretKey().bytes(),
                null);
        if (crypto.beforenm(PublicKey.of(SMALL_ORDER_P), SecretKey.of(ALICE_SK)).isPresent()) {
            throw new IllegalStateException("beforenm accepted a small-order key");
        }
        g.test("box.c: crypto_box_beforenm(small_order_p, alicesk) fails", List.of("NaclTestVector", "ZeroSharedSecret"),
                "public", hex(SMALL_ORDER_P), "private", hex(ALICE_SK), "result", INVALID, "dropReason", DROP_BOX);
    }

    private void beforenmValid(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] pk, byte[] sk,
            byte[] expected) {
        byte[] key = beforenm(pk, sk).bytes();
        requireEqual(expected, key, comment);
        g.test(comment, flags, "public", hex(pk), "private", hex(sk), "key", hex(key), "result", VALID);
    }

    private void secretbox() {
        VectorMaps.FileBuilder.Group g = file.group("secretbox");
        byte[] naclCt = secretboxValid(g, "secretbox.c: firstkey, the 131-byte message", List.of("NaclTestVector"),
                FIRSTKEY, NONCE, MESSAGE, BOX);
        byte[] key = DeterministicBytes.of("secretbox key", 32);
        byte[] nonce = DeterministicBytes.of("secretbox nonce", 24);
        secretboxValid(g, "empty message: the box is the tag alone", List.of(), key, nonce, new byte[0], null);
        secretboxValid(g, "1-byte message", List.of(), key, nonce, DeterministicBytes.of("secretbox m1", 1), null);
        secretboxValid(g, "32-byte message: ends exactly at the first 64-byte keystream block", List.of(), key, nonce,
                DeterministicBytes.of("secretbox m32", 32), null);
        secretboxValid(g, "33-byte message: crosses into the second keystream block", List.of(), key, nonce,
                DeterministicBytes.of("secretbox m33", 33), null);
        byte[] big = secretboxValid(g, "1168-byte message: the largest MESSAGE plaintext", List.of(), key, nonce,
                DeterministicBytes.of("secretbox m1168", 1168), null);
        secretboxInvalid(g, "NaCl box with the first tag byte changed", List.of("ModifiedTag"), FIRSTKEY, NONCE,
                flip(naclCt, 0));
        secretboxInvalid(g, "NaCl box with the last tag byte changed", List.of("ModifiedTag"), FIRSTKEY, NONCE,
                flip(naclCt, 15));
        secretboxInvalid(g, "NaCl box with the first ciphertext byte changed", List.of("ModifiedCiphertext"), FIRSTKEY,
                NONCE, flip(naclCt, 16));
        secretboxInvalid(g, "1168-byte box with the last byte changed", List.of("ModifiedCiphertext"), key, nonce,
                flip(big, big.length - 1));
        secretboxInvalid(g, "NaCl box opened with another key", List.of("WrongKey"), key, NONCE, naclCt);
        secretboxInvalid(g, "NaCl box opened with another nonce", List.of("WrongNonce"), FIRSTKEY, nonce, naclCt);
        secretboxInvalid(g, "NaCl box without its last byte", List.of("Truncated"), FIRSTKEY, NONCE,
                Arrays.copyOf(naclCt, naclCt.length - 1));
        secretboxInvalid(g, "15 bytes: shorter than a tag", List.of("Truncated"), FIRSTKEY, NONCE,
                Arrays.copyOf(naclCt, 15));
        secretboxInvalid(g, "empty box", List.of("Truncated"), FIRSTKEY, NONCE, new byte[0]);
    }

    private byte[] secretboxValid(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] key,
            byte[] nonce, byte[] msg, byte[] expected) {
        byte[] ct = seal(BoxKey.of(key), nonce, msg);
        requireEqual(expected, ct, comment);
        g.test(comment, flags, "key", hex(key), "nonce", hex(nonce), "msg", hex(msg), "ct", hex(ct), "result", VALID);
        return ct;
    }

    private void secretboxInvalid(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] key,
            byte[] nonce, byte[] ct) {
        requireRefused(BoxKey.of(key), nonce, ct, comment);
        g.test(comment, flags, "key", hex(key), "nonce", hex(nonce), "ct", hex(ct), "result", INVALID,
                "dropReason", DROP_BOX);
    }

    private void box() {
        VectorMaps.FileBuilder.Group g = file.group("box");
        byte[] naclCt = boxValid(g, "box.c: alice to bob, the 131-byte message", List.of("NaclTestVector"),
                ALICE_SK, ALICE_PK, BOB_SK, BOB_PK, NONCE, MESSAGE, BOX);
        KeyPair initiator = DeterministicBytes.keyPair("box initiator short-term");
        KeyPair responder = DeterministicBytes.keyPair("box responder short-term");
        KeyPair other = DeterministicBytes.keyPair("box third party");
        byte[] plaintext = DeterministicBytes.of("box message plaintext", 48);
        byte[] fromInitiator = Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 7).bytes();
        byte[] fromResponder = Nonce.counter(NoncePrefix.MESSAGE_FROM_RESPONDER, 7).bytes();
        boxValid(g, "HELLO-style box: 64 zero bytes, counter nonce 1", List.of(),
                initiator.secretKey().bytes(), initiator.publicKey().bytes(), responder.secretKey().bytes(),
                responder.publicKey().bytes(), Nonce.counter(NoncePrefix.HELLO, 1).bytes(), new byte[64], null);
        byte[] ct = boxValid(g, "MESSAGE-style box from the initiator, counter 7", List.of(),
                initiator.secretKey().bytes(), initiator.publicKey().bytes(), responder.secretKey().bytes(),
                responder.publicKey().bytes(), fromInitiator, plaintext, null);
        boxInvalid(g, "NaCl box opened by a third party instead of bob", List.of("WrongKey"),
                ALICE_PK, other.secretKey().bytes(), other.publicKey().bytes(), NONCE, naclCt);
        boxInvalid(g, "the MESSAGE box opened with the responder's prefix and the same counter",
                List.of("WrongNoncePrefix"), initiator.publicKey().bytes(), responder.secretKey().bytes(),
                responder.publicKey().bytes(), fromResponder, ct);
        boxInvalid(g, "the MESSAGE box with its tag changed", List.of("ModifiedTag"), initiator.publicKey().bytes(),
                responder.secretKey().bytes(), responder.publicKey().bytes(), fromInitiator, flip(ct, 3));
    }

    private byte[] boxValid(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] senderSk,
            byte[] senderPk, byte[] recipientSk, byte[] recipientPk, byte[] nonce, byte[] msg, byte[] expected) {
        byte[] ct = seal(beforenm(recipientPk, senderSk), nonce, msg);
        requireEqual(expected, ct, comment);
        g.test(comment, flags, "senderPrivate", hex(senderSk), "senderPublic", hex(senderPk),
                "recipientPrivate", hex(recipientSk), "recipientPublic", hex(recipientPk), "nonce", hex(nonce),
                "msg", hex(msg), "ct", hex(ct), "result", VALID);
        return ct;
    }

    private void boxInvalid(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] senderPk,
            byte[] recipientSk, byte[] recipientPk, byte[] nonce, byte[] ct) {
        requireRefused(beforenm(senderPk, recipientSk), nonce, ct, comment);
        g.test(comment, flags, "senderPublic", hex(senderPk), "recipientPrivate", hex(recipientSk),
                "recipientPublic", hex(recipientPk), "nonce", hex(nonce), "ct", hex(ct), "result", INVALID,
                "dropReason", DROP_BOX);
    }

    private void nonces() {
        VectorMaps.FileBuilder.Group g = file.group("nonce");
        for (NoncePrefix prefix : NoncePrefix.values()) {
            if (prefix.kind() == NoncePrefix.Kind.COUNTER) {
                counterNonce(g, prefix, 1, List.of());
                if (prefix == NoncePrefix.MESSAGE_FROM_INITIATOR) {
                    counterNonce(g, prefix, 0x0102030405060708L, List.of());
                    counterNonce(g, prefix, -1L, List.of("CounterMax"));
                }
            } else {
                byte[] random = DeterministicBytes.of("nonce " + prefix.ascii(), 16);
                Nonce n = Nonce.random(prefix, random, 0);
                g.test(prefix.name() + ": 8-byte prefix and 16 random bytes", List.of(),
                        "prefix", prefix.name(), "prefixAscii", prefix.ascii(), "random", hex(random),
                        "compressed", hex(n.compressed()), "nonce", hex(n.bytes()), "result", VALID);
            }
        }
    }

    private void counterNonce(VectorMaps.FileBuilder.Group g, NoncePrefix prefix, long counter, List<String> flags) {
        Nonce n = Nonce.counter(prefix, counter);
        g.test(prefix.name() + ": 16-byte prefix and the u64 big-endian counter", flags,
                "prefix", prefix.name(), "prefixAscii", prefix.ascii(), "counter", Long.toUnsignedString(counter),
                "compressed", hex(n.compressed()), "nonce", hex(n.bytes()), "result", VALID);
    }

    private void channelId() {
        VectorMaps.FileBuilder.Group g = file.group("channel-id");
        for (int i = 1; i <= 2; i++) {
            KeyPair initiator = DeterministicBytes.keyPair("channel-id " + i + " initiator short-term");
            KeyPair responder = DeterministicBytes.keyPair("channel-id " + i + " responder short-term");
            BoxKey k = beforenm(responder.publicKey().bytes(), initiator.secretKey().bytes());
            byte[] id = KeyDerivation.channelId(k, initiator.publicKey(), responder.publicKey());
            g.test("channel_id = SHA-512(\"SSS channel id\" || K || I' || R')[0..16), K = beforenm(R', i') = beforenm(I', r')",
                    List.of(), "initiatorShortTermPrivate", hex(initiator.secretKey().bytes()),
                    "initiatorShortTermPublic", hex(initiator.publicKey().bytes()),
                    "responderShortTermPrivate", hex(responder.secretKey().bytes()),
                    "responderShortTermPublic", hex(responder.publicKey().bytes()),
                    "key", hex(k.bytes()), "channelId", hex(id), "result", VALID);
        }
    }

    private void addressBoundMinuteKey() {
        VectorMaps.FileBuilder.Group g = file.group("address-bound-minute-key");
        byte[] t = DeterministicBytes.of("minute key t", 32);
        tAddr(g, "IPv4", List.of(), t, "127.0.0.1", 40000);
        tAddr(g, "IPv4-mapped IPv6: the same key as the IPv4 test before", List.of("Ipv4Mapped"), t, "::ffff:127.0.0.1",
                40000);
        tAddr(g, "IPv4, port 0", List.of(), t, "192.0.2.1", 0);
        tAddr(g, "IPv4, port 65535", List.of(), t, "192.0.2.1", 65535);
        tAddr(g, "IPv6 loopback", List.of(), t, "::1", 40000);
        tAddr(g, "IPv6", List.of(), t, "2001:db8::1", 9660);
    }

    private void tAddr(VectorMaps.FileBuilder.Group g, String comment, List<String> flags, byte[] t, String literal,
            int port) {
        byte[] given = literalBytes(literal);
        byte[] normalized = KeyDerivation.normalizeAddress(given);
        byte[] key = KeyDerivation.addressBoundMinuteKey(MinuteKey.of(t), given, port).bytes();
        g.test(comment + ": t_addr = SHA-512(t || addr || port_be16)[0..32)", flags, "minuteKey", hex(t),
                "address", literal, "addressBytes", hex(given), "port", port, "normalizedAddress", hex(normalized),
                "key", hex(key), "result", VALID);
    }

    /** The address as written: 16 bytes for any literal with a colon, even an IPv4-mapped one. */
    static byte[] literalBytes(String literal) {
        try {
            byte[] b = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && b.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private BoxKey beforenm(byte[] pk, byte[] sk) {
        return crypto.beforenm(PublicKey.of(pk), SecretKey.of(sk))
                .orElseThrow(() -> new IllegalStateException("zero shared secret"));
    }

    private byte[] seal(BoxKey key, byte[] nonce, byte[] msg) {
        byte[] out = new byte[msg.length + SecretBox.TAG_LENGTH];
        secretBox.seal(key, Nonce.of(nonce), msg, 0, msg.length, out, 0);
        return out;
    }

    private void requireRefused(BoxKey key, byte[] nonce, byte[] ct, String comment) {
        if (ct.length >= SecretBox.TAG_LENGTH
                && secretBox.open(key, Nonce.of(nonce), ct, 0, ct.length, new byte[ct.length - 16], 0)) {
            throw new IllegalStateException("invalid vector opens: " + comment);
        }
    }

    private static void requireEqual(byte[] expected, byte[] actual, String comment) {
        if (expected != null && !Arrays.equals(expected, actual)) {
            throw new IllegalStateException("published value not reproduced: " + comment + ": " + hex(actual));
        }
    }

    private static byte[] basePoint() {
        byte[] b = new byte[32];
        b[0] = 9;
        return b;
    }
}
