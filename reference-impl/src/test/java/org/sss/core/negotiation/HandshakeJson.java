package org.sss.core.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretKey;

/**
 * The valid transcript of spec/vectors/handshake.json (its first test group): the fixed keys,
 * nonces and addresses, and the five packets in order. Found at {@code -Dsss.vectors.dir} or at
 * {@code ../spec/vectors} or {@code spec/vectors} from the working directory. Shared by the
 * negotiation tests and the fuzz tests, which start from the same transcript.
 */
public final class HandshakeJson {
    /** The system property that names the vectors directory. */
    public static final String DIR_PROPERTY = "sss.vectors.dir";
    /** The tcIds of the transcript's five packets. */
    public static final int HELLO = 1;
    public static final int COOKIE = 2;
    public static final int INITIATE = 3;
    public static final int RESPONDER_MESSAGE = 4;
    public static final int INITIATOR_MESSAGE = 5;

    private final JsonNode group;

    private HandshakeJson(JsonNode group) {
        this.group = group;
    }

    /** The transcript, read from the vectors directory. */
    public static HandshakeJson load() {
        Path file = vectorsDir().resolve("handshake.json");
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode g : root.get("testGroups")) {
                if ("handshake".equals(g.get("type").asText())) {
                    return new HandshakeJson(g);
                }
            }
            throw new IllegalStateException(file + " has no test group of type handshake");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** spec/vectors, where {@link #DIR_PROPERTY} says or found from the working directory. */
    public static Path vectorsDir() {
        String given = System.getProperty(DIR_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (Path p : new Path[] {Path.of("..", "spec", "vectors"), Path.of("spec", "vectors")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("spec/vectors not found from " + Path.of("").toAbsolutePath()
                + "; pass -D" + DIR_PROPERTY + "=<dir>");
    }

    /** A hex field of the group. */
    public byte[] groupHex(String field) {
        return HexFormat.of().parseHex(group.get(field).asText());
    }

    /** A hex field of the test with this tcId. */
    public byte[] hex(int tcId, String field) {
        return HexFormat.of().parseHex(test(tcId).get(field).asText());
    }

    /** A decimal field of the test with this tcId (numbers are stored as strings or numbers). */
    public long number(int tcId, String field) {
        return Long.parseUnsignedLong(test(tcId).get(field).asText());
    }

    /** The packet of the test with this tcId. */
    public byte[] packet(int tcId) {
        return hex(tcId, "packet");
    }

    /** The 16 random bytes after an 8-byte prefix in a 24-byte nonce field. */
    public byte[] nonceRandom(int tcId, String field) {
        return Arrays.copyOfRange(hex(tcId, field), 8, 24);
    }

    public KeyPair keyPair(String privateField) {
        return KeyPair.fromSecretKey(SecretKey.of(groupHex(privateField)));
    }

    public PublicKey publicKey(String field) {
        return PublicKey.of(groupHex(field));
    }

    public InetSocketAddress initiatorAddress() {
        return address(group.get("initiatorAddress").asText(), group.get("initiatorPort").asInt());
    }

    public InetSocketAddress responderAddress() {
        return address(group.get("responderAddress").asText(), group.get("responderPort").asInt());
    }

    private JsonNode test(int tcId) {
        for (JsonNode t : group.get("tests")) {
            if (t.get("tcId").asInt() == tcId) {
                return t;
            }
        }
        throw new IllegalArgumentException("no test " + tcId);
    }

    private static InetSocketAddress address(String literal, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
