package org.sss.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretKey;

/**
 * Reads spec/vectors for the fuzz tests: the inputs of a wire-format group and the fixed keys and
 * packets of the handshake transcript. Found at {@code -Dsss.vectors.dir} or at {@code ../spec/vectors}
 * or {@code spec/vectors} from the working directory.
 */
final class Vectors {
    static final String DIR_PROPERTY = "sss.vectors.dir";

    /** The tcIds of the transcript's five packets in handshake.json. */
    static final int HELLO = 1;
    static final int COOKIE = 2;
    static final int INITIATE = 3;
    static final int RESPONDER_MESSAGE = 4;
    static final int INITIATOR_MESSAGE = 5;

    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    static Path dir() {
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

    static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(dir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code input} of every test, valid or not, in the groups of {@code file} whose type is {@code groupType}. */
    static List<byte[]> inputs(String file, String groupType) {
        List<byte[]> inputs = new ArrayList<>();
        for (JsonNode group : read(file).get("testGroups")) {
            if (groupType.equals(group.get("type").asText())) {
                for (JsonNode test : group.get("tests")) {
                    inputs.add(HEX.parseHex(test.get("input").asText()));
                }
            }
        }
        return inputs;
    }

    /** The handshake transcript of handshake.json. */
    static Handshake handshake() {
        for (JsonNode group : read("handshake.json").get("testGroups")) {
            if ("handshake".equals(group.get("type").asText())) {
                return new Handshake(group);
            }
        }
        throw new IllegalStateException("handshake.json has no test group of type handshake");
    }

    /** The transcript's keys, addresses and packets (valid and invalid tests alike). */
    static final class Handshake {
        private final JsonNode group;

        private Handshake(JsonNode group) {
            this.group = group;
        }

        byte[] groupHex(String field) {
            return HEX.parseHex(group.get(field).asText());
        }

        KeyPair keyPair(String privateField) {
            return KeyPair.fromSecretKey(SecretKey.of(groupHex(privateField)));
        }

        PublicKey publicKey(String field) {
            return PublicKey.of(groupHex(field));
        }

        InetSocketAddress initiatorAddress() {
            return address(group.get("initiatorAddress").asText(), group.get("initiatorPort").asInt());
        }

        InetSocketAddress responderAddress() {
            return address(group.get("responderAddress").asText(), group.get("responderPort").asInt());
        }

        /** The {@code packet} of the test with this tcId. */
        byte[] packet(int tcId) {
            for (JsonNode test : group.get("tests")) {
                if (test.get("tcId").asInt() == tcId) {
                    return HEX.parseHex(test.get("packet").asText());
                }
            }
            throw new IllegalArgumentException("no test " + tcId + " in handshake.json");
        }

        /** Every test's packet whose receiver is {@code receiver} ("responder" or "initiator"). */
        List<byte[]> packetsTo(String receiver) {
            List<byte[]> packets = new ArrayList<>();
            for (JsonNode test : group.get("tests")) {
                if (receiver.equals(test.path("receiver").asText()) && test.has("packet")) {
                    packets.add(HEX.parseHex(test.get("packet").asText()));
                }
            }
            return packets;
        }

        private static InetSocketAddress address(String literal, int port) {
            try {
                return new InetSocketAddress(InetAddress.getByName(literal), port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
    }
}
