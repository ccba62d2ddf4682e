package org.sss.spec.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One test of a vector file together with its file and group.
 *
 * @param file the file name, e.g. {@code frames.json}
 * @param groupType the group's {@code type}: for wire-format files the ksy type of the input
 * @param test the test object
 */
public record VectorCase(String file, String groupType, JsonNode test) {

    /** The test's id, unique within its file. */
    public int tcId() {
        return test.path("tcId").asInt();
    }

    /** The comment. */
    public String comment() {
        return test.path("comment").asText("");
    }

    /** {@code valid}, {@code invalid} or {@code acceptable}. */
    public String result() {
        return test.path("result").asText();
    }

    /** Whether the result is {@code valid}. */
    public boolean isValid() {
        return "valid".equals(result());
    }

    /** The input bytes, from the hex field {@code input}. */
    public byte[] input() {
        return HexFormat.of().parseHex(test.path("input").asText());
    }

    /** The expected field tree, or {@code null}. */
    public Object fields() {
        return test.has("fields") ? FieldTrees.fromJson(test.get("fields")) : null;
    }

    /** The drop reason of an invalid test, or {@code null}. */
    public String dropReason() {
        return test.hasNonNull("dropReason") ? test.get("dropReason").asText() : null;
    }

    /** The error code an invalid plaintext closes the channel with, or {@code null}. */
    public String errorCode() {
        return test.hasNonNull("errorCode") ? test.get("errorCode").asText() : null;
    }

    /** The flags. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        test.path("flags").forEach(flag -> flags.add(flag.asText()));
        return flags;
    }

    /** "file tcId N (comment)", for messages. */
    public String label() {
        return file + " tcId " + tcId() + " (" + comment() + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
