package org.sss.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The seed corpora of the fuzz targets, taken from spec/vectors: every packet, plaintext and frame
 * input the vectors hold (valid and invalid, since both reach code the other does not), each in the
 * resource directory Jazzer reads for its target, {@code <TestClass>Inputs/<method>/<name>}.
 *
 * <p>The seeds are committed; {@link SeedCorpusTest} fails when they drift from the vectors. To
 * rewrite them after the vectors change, run
 * {@code mvn -pl reference-impl test -Dtest=SeedCorpusTest -Dsss.fuzz.seeds.write=true}.
 */
final class SeedCorpus {
    static final Path RESOURCES = Path.of("src", "test", "resources", "org", "sss", "core", "fuzz");
    private static final HexFormat HEX = HexFormat.of();

    private SeedCorpus() {
    }

    /** Every seed file, by its path under {@link #RESOURCES}. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new TreeMap<>();
        Map<String, byte[]> datagrams = new LinkedHashMap<>();
        datagrams.putAll(wire("packets.json", "datagram"));
        datagrams.putAll(wire("malformed.json", "datagram"));
        datagrams.putAll(handshakePackets(test -> true));
        put(seeds, "PacketDecoderFuzzTestInputs/decode", datagrams);
        put(seeds, "DemultiplexerFuzzTestInputs/datagram", datagrams);

        Map<String, byte[]> plaintexts = new LinkedHashMap<>();
        plaintexts.putAll(wire("frames.json", "message_plaintext"));
        plaintexts.putAll(wire("malformed.json", "message_plaintext"));
        plaintexts.putAll(handshakePlaintexts());
        put(seeds, "FrameDecoderFuzzTestInputs/plaintext", plaintexts);
        Map<String, byte[]> frames = new LinkedHashMap<>();
        frames.putAll(wire("frames.json", "frame"));
        frames.putAll(wire("malformed.json", "frame"));
        put(seeds, "FrameDecoderFuzzTestInputs/frame", frames);

        put(seeds, "ChannelFuzzTestInputs/frames", channelSequences(wire("frames.json", "frame")));

        put(seeds, "ResponderFuzzTestInputs/hello", handshakePackets(type("HELLO")));
        put(seeds, "ResponderFuzzTestInputs/initiate", handshakePackets(type("INITIATE")));
        put(seeds, "InitiatorFuzzTestInputs/cookie", handshakePackets(type("COOKIE")));
        put(seeds, "InitiatorFuzzTestInputs/firstMessage",
                handshakePackets(type("MESSAGE").and(test -> "initiator".equals(test.get("receiver").asText()))));
        return seeds;
    }

    /** Writes every seed under {@code resources}, replacing the seed directories it owns. */
    static void write(Path resources) throws IOException {
        Map<String, byte[]> seeds = seeds();
        for (String dir : seeds.keySet().stream().map(name -> name.substring(0, name.lastIndexOf('/'))).distinct()
                .toList()) {
            Path path = resources.resolve(dir);
            if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith("vector-")).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(path);
        }
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(resources.resolve(seed.getKey()), seed.getValue());
        }
    }

    /**
     * Inputs for {@link ChannelFuzzTest}, which reads them through a FuzzedDataProvider: the valid
     * frames of frames.json concatenated, in chunks of about {@link #CHANNEL_CHUNK} bytes, at the
     * front (where frame bytes are consumed), and a tail of 0x02 bytes (where the choices are
     * consumed, from the end) that makes every step a MESSAGE with the next 514 bytes as its frames.
     */
    private static Map<String, byte[]> channelSequences(Map<String, byte[]> frames) {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        java.io.ByteArrayOutputStream chunk = new java.io.ByteArrayOutputStream();
        int index = 0;
        for (byte[] frame : frames.values()) {
            chunk.writeBytes(frame);
            if (chunk.size() >= CHANNEL_CHUNK) {
                inputs.put("vector-frames-sequence-" + ++index, withChoiceTail(chunk.toByteArray()));
                chunk.reset();
            }
        }
        if (chunk.size() > 0) {
            inputs.put("vector-frames-sequence-" + ++index, withChoiceTail(chunk.toByteArray()));
        }
        return inputs;
    }

    private static final int CHANNEL_CHUNK = 1500;

    private static byte[] withChoiceTail(byte[] front) {
        byte[] input = java.util.Arrays.copyOf(front, front.length + 64);
        java.util.Arrays.fill(input, front.length, input.length, (byte) 0x02);
        return input;
    }

    private static void put(Map<String, byte[]> seeds, String dir, Map<String, byte[]> inputs) {
        inputs.forEach((name, bytes) -> seeds.put(dir + "/" + name, bytes));
    }

    /** The inputs of one group type of a wire-format vector file, named {@code vector-<file>-<tcId>}. */
    private static Map<String, byte[]> wire(String file, String groupType) {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        String stem = file.substring(0, file.indexOf('.'));
        for (JsonNode group : Vectors.read(file).get("testGroups")) {
            if (groupType.equals(group.get("type").asText())) {
                for (JsonNode test : group.get("tests")) {
                    inputs.put("vector-" + stem + "-" + test.get("tcId").asInt(), HEX.parseHex(test.get("input").asText()));
                }
            }
        }
        return inputs;
    }

    private static Map<String, byte[]> handshakePackets(Predicate<JsonNode> which) {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        for (JsonNode test : handshakeTests()) {
            if (test.has("packet") && which.test(test)) {
                inputs.put("vector-handshake-" + test.get("tcId").asInt(), HEX.parseHex(test.get("packet").asText()));
            }
        }
        return inputs;
    }

    private static Map<String, byte[]> handshakePlaintexts() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        for (JsonNode test : handshakeTests()) {
            if (test.has("messagePlaintext")) {
                inputs.put("vector-handshake-" + test.get("tcId").asInt() + "-plaintext",
                        HEX.parseHex(test.get("messagePlaintext").asText()));
            }
        }
        return inputs;
    }

    private static JsonNode handshakeTests() {
        for (JsonNode group : Vectors.read("handshake.json").get("testGroups")) {
            if ("handshake".equals(group.get("type").asText())) {
                return group.get("tests");
            }
        }
        throw new IllegalStateException("handshake.json has no test group of type handshake");
    }

    private static Predicate<JsonNode> type(String packetType) {
        return test -> packetType.equals(test.get("packetType").asText());
    }
}
