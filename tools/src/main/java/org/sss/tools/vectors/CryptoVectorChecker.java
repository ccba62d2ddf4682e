package org.sss.tools.vectors;

import static org.sss.tools.vectors.VectorJson.hex;
import static org.sss.tools.vectors.VectorJson.integer;
import static org.sss.tools.vectors.VectorJson.text;
import static org.sss.tools.vectors.VectorJson.unsignedDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.HSalsa20;
import org.sss.core.crypto.KeyDerivation;
import org.sss.core.crypto.MinuteKey;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;
import org.sss.core.wire.DropReason;
import org.sss.spec.vectors.VectorCase;

/**
 * crypto.json (SPEC.md section 4): every group recomputed with {@code org.sss.core.crypto}, every
 * listed output compared. An {@code invalid} test must be refused (an all-zero X25519 result, a box
 * that does not open), and its {@code dropReason} must be the verdict the reference reaches for
 * that refusal, BOX_OPEN_FAILED.
 */
public final class CryptoVectorChecker implements VectorFileChecker {

    /** X25519's base point u = 9: with it, {@code shared} is the public key of {@code private}. */
    private static final byte[] BASE_POINT = basePoint();

    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();

    @Override
    public List<String> areas() {
        return List.of("crypto");
    }

    @Override
    public List<String> check(VectorCase test) {
        JsonNode t = test.test();
        Comparison c = new Comparison();
        String result = test.result();
        if (!result.equals("valid") && !result.equals("invalid")) {
            return c.fail("result: expected valid or invalid, actual " + result).problems();
        }
        boolean valid = test.isValid();
        switch (test.groupType()) {
            case "x25519":
                x25519(t, valid, c);
                break;
            case "hsalsa20":
                hsalsa20(t, c);
                break;
            case "beforenm":
                beforenm(t, valid, c);
                break;
            case "secretbox":
                secretbox(t, valid, c);
                break;
            case "box":
                box(t, valid, c);
                break;
            case "nonce":
                nonce(t, c);
                break;
            case "channel-id":
                channelId(t, c);
                break;
            case "address-bound-minute-key":
                addressBoundMinuteKey(t, c);
                break;
            default:
                c.fail("unknown group type " + test.groupType());
        }
        if (valid && test.dropReason() != null) {
            c.fail("a valid test has dropReason " + test.dropReason());
        }
        return c.problems();
    }

    /** {@code shared = X25519(private, public)}; invalid tests yield all zero, which is refused. */
    private void x25519(JsonNode t, boolean valid, Comparison c) {
        SecretKey own = SecretKey.of(hex(t, "private"));
        byte[] peer = hex(t, "public");
        byte[] shared = new byte[32];
        boolean accepted = crypto.keyAgreement().agree(own, PublicKey.of(peer), shared, 0);
        if (valid) {
            if (!accepted) {
                c.fail("shared: expected " + t.path("shared").asText() + ", actual refused (all-zero result)");
                return;
            }
            c.bytes("shared", hex(t, "shared"), shared);
            if (Arrays.equals(peer, BASE_POINT)) {
                c.bytes("shared (as the public key of private)", hex(t, "shared"),
                        crypto.keyAgreement().publicKey(own).bytes());
            }
        } else {
            refused(t, !accepted, "X25519 gave " + HexFormat.of().formatHex(shared), c);
        }
    }

    /** {@code output = HSalsa20(key, input)}. */
    private static void hsalsa20(JsonNode t, Comparison c) {
        byte[] output = new byte[HSalsa20.OUTPUT_LENGTH];
        HSalsa20.hsalsa20(output, 0, hex(t, "input"), 0, hex(t, "key"), 0);
        c.bytes("output", hex(t, "output"), output);
    }

    /** {@code key = beforenm(public, private)}. */
    private void beforenm(JsonNode t, boolean valid, Comparison c) {
        Optional<BoxKey> key = crypto.beforenm(PublicKey.of(hex(t, "public")), SecretKey.of(hex(t, "private")));
        if (valid) {
            if (key.isEmpty()) {
                c.fail("key: expected " + t.path("key").asText() + ", actual refused (all-zero X25519 result)");
            } else {
                c.bytes("key", hex(t, "key"), key.get().bytes());
            }
        } else {
            refused(t, key.isEmpty(), "beforenm gave a key", c);
        }
    }

    /** {@code ct = secretbox(msg, nonce, key)} and it opens to {@code msg}; invalid boxes do not open. */
    private void secretbox(JsonNode t, boolean valid, Comparison c) {
        SecretBox secretBox = crypto.newSecretBox();
        BoxKey key = BoxKey.of(hex(t, "key"));
        Nonce nonce = Nonce.of(hex(t, "nonce"));
        byte[] ct = hex(t, "ct");
        Optional<byte[]> opened = secretBox.open(key, nonce, ct);
        if (valid) {
            byte[] msg = hex(t, "msg");
            c.bytes("ct (sealing msg)", ct, secretBox.seal(key, nonce, msg));
            if (opened.isEmpty()) {
                c.fail("msg: the box ct does not open");
            } else {
                c.bytes("msg (opening ct)", msg, opened.get());
            }
        } else {
            refused(t, opened.isEmpty(), "the box opened", c);
        }
    }

    /**
     * {@code ct = secretbox(msg, nonce, beforenm(recipientPublic, senderPrivate))}, opened by the
     * recipient with {@code beforenm(senderPublic, recipientPrivate)}; invalid tests give only what
     * the recipient has, and the box must not open.
     */
    private void box(JsonNode t, boolean valid, Comparison c) {
        SecretBox secretBox = crypto.newSecretBox();
        SecretKey recipientPrivate = SecretKey.of(hex(t, "recipientPrivate"));
        c.bytes("recipientPublic", hex(t, "recipientPublic"), crypto.keyAgreement().publicKey(recipientPrivate).bytes());
        Nonce nonce = Nonce.of(hex(t, "nonce"));
        byte[] ct = hex(t, "ct");
        Optional<byte[]> opened = crypto.beforenm(PublicKey.of(hex(t, "senderPublic")), recipientPrivate)
                .flatMap(key -> secretBox.open(key, nonce, ct));
        if (!valid) {
            refused(t, opened.isEmpty(), "the recipient opened the box", c);
            return;
        }
        SecretKey senderPrivate = SecretKey.of(hex(t, "senderPrivate"));
        c.bytes("senderPublic", hex(t, "senderPublic"), crypto.keyAgreement().publicKey(senderPrivate).bytes());
        byte[] msg = hex(t, "msg");
        Optional<BoxKey> senderKey = crypto.beforenm(PublicKey.of(hex(t, "recipientPublic")), senderPrivate);
        if (senderKey.isEmpty()) {
            c.fail("ct: the sender's beforenm is refused (all-zero X25519 result)");
        } else {
            c.bytes("ct (sealed by the sender)", ct, secretBox.seal(senderKey.get(), nonce, msg));
        }
        if (opened.isEmpty()) {
            c.fail("msg: the recipient cannot open ct");
        } else {
            c.bytes("msg (opened by the recipient)", msg, opened.get());
        }
    }

    /** The 24-byte nonce of a prefix and its compressed part, both ways. */
    private static void nonce(JsonNode t, Comparison c) {
        String name = text(t, "prefix");
        NoncePrefix prefix;
        try {
            prefix = NoncePrefix.valueOf(name);
        } catch (IllegalArgumentException e) {
            c.fail("prefix: " + name + " names no nonce prefix of the reference implementation");
            return;
        }
        c.value("prefixAscii", text(t, "prefixAscii"), prefix.ascii());
        Nonce built = prefix.kind() == NoncePrefix.Kind.COUNTER
                ? Nonce.counter(prefix, unsignedDecimal(t, "counter"))
                : Nonce.random(prefix, exactly(hex(t, "random"), 16, "random"), 0);
        byte[] compressed = hex(t, "compressed");
        c.bytes("nonce", hex(t, "nonce"), built.bytes());
        c.bytes("compressed", compressed, built.compressed());
        if (compressed.length == prefix.compressedLength()) {
            c.bytes("nonce (from compressed)", hex(t, "nonce"), Nonce.fromCompressed(prefix, compressed, 0).bytes());
        }
    }

    /** {@code key = beforenm(R', i') = beforenm(I', r')}, {@code channelId = SHA-512(label || K || I' || R')[0..16)}. */
    private void channelId(JsonNode t, Comparison c) {
        SecretKey initiatorPrivate = SecretKey.of(hex(t, "initiatorShortTermPrivate"));
        SecretKey responderPrivate = SecretKey.of(hex(t, "responderShortTermPrivate"));
        PublicKey initiator = PublicKey.of(hex(t, "initiatorShortTermPublic"));
        PublicKey responder = PublicKey.of(hex(t, "responderShortTermPublic"));
        c.bytes("initiatorShortTermPublic", initiator.bytes(), crypto.keyAgreement().publicKey(initiatorPrivate).bytes());
        c.bytes("responderShortTermPublic", responder.bytes(), crypto.keyAgreement().publicKey(responderPrivate).bytes());
        Optional<BoxKey> initiatorView = crypto.beforenm(responder, initiatorPrivate);
        Optional<BoxKey> responderView = crypto.beforenm(initiator, responderPrivate);
        if (initiatorView.isEmpty() || responderView.isEmpty()) {
            c.fail("key: beforenm refused (all-zero X25519 result)");
            return;
        }
        c.bytes("key (initiator's beforenm(R', i'))", hex(t, "key"), initiatorView.get().bytes());
        c.bytes("key (responder's beforenm(I', r'))", hex(t, "key"), responderView.get().bytes());
        c.bytes("channelId", hex(t, "channelId"), KeyDerivation.channelId(BoxKey.of(hex(t, "key")), initiator, responder));
    }

    /** {@code key = t_addr = SHA-512(t || normalizedAddress || be16(port))[0..32)}. */
    private static void addressBoundMinuteKey(JsonNode t, Comparison c) {
        byte[] given = hex(t, "addressBytes");
        int port = integer(t, "port");
        c.bytes("addressBytes (of address " + text(t, "address") + ")", given, literalBytes(text(t, "address")));
        if (given.length != 4 && given.length != 16) {
            c.fail("addressBytes: expected 4 or 16 bytes, actual " + given.length);
            return;
        }
        c.bytes("normalizedAddress", hex(t, "normalizedAddress"), KeyDerivation.normalizeAddress(given));
        MinuteKey minuteKey = MinuteKey.of(exactly(hex(t, "minuteKey"), MinuteKey.LENGTH, "minuteKey"));
        c.bytes("key", hex(t, "key"), KeyDerivation.addressBoundMinuteKey(minuteKey, given, port).bytes());
    }

    /** An invalid test: the reference must refuse, and the verdict of a refused box is BOX_OPEN_FAILED. */
    private static void refused(JsonNode t, boolean refused, String instead, Comparison c) {
        if (!refused) {
            c.fail("dropReason: expected " + t.path("dropReason").asText("(none)") + ", actual accepted: " + instead);
            return;
        }
        c.value("dropReason", t.path("dropReason").asText("(none)"), DropReason.BOX_OPEN_FAILED.name());
    }

    /**
     * The bytes of an address literal as a socket reports them: 16 for any literal with a colon,
     * including an IPv4-mapped one (which {@link InetAddress} itself turns into 4 bytes).
     */
    private static byte[] literalBytes(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            throw new MalformedVectorException("field address is not an IP address literal: " + literal);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new MalformedVectorException("field address is not an IP address literal: " + literal);
        }
        if (literal.contains(":") && bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static byte[] exactly(byte[] bytes, int length, String field) {
        if (bytes.length != length) {
            throw new MalformedVectorException("field " + field + " has " + bytes.length + " bytes, not " + length);
        }
        return bytes;
    }

    private static byte[] basePoint() {
        byte[] point = new byte[32];
        point[0] = 9;
        return point;
    }
}
