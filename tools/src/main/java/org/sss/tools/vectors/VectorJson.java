package org.sss.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;

/**
 * Reads the typed fields of a test or group (README "crypto.json and handshake.json": byte strings
 * are lowercase hex, unsigned 64-bit values decimal strings, ports and versions JSON numbers).
 * A missing or ill-formed field is a {@link MalformedVectorException}.
 */
final class VectorJson {

    private VectorJson() {
    }

    /** The bytes of the lowercase-hex field {@code name}. */
    static byte[] hex(JsonNode node, String name) {
        String text = text(node, name);
        if (!text.matches("([0-9a-f]{2})*")) {
            throw new MalformedVectorException("field " + name + " is not lowercase hex: \"" + abbreviate(text) + "\"");
        }
        return HexFormat.of().parseHex(text);
    }

    /** The unsigned 64-bit value of the decimal-string field {@code name}. */
    static long unsignedDecimal(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new MalformedVectorException("field " + name + " is not an unsigned 64-bit decimal string: \""
                    + abbreviate(text) + "\"");
        }
    }

    /** The JSON integer field {@code name}. */
    static int integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new MalformedVectorException("field " + name + " is missing or not an integer");
        }
        return value.intValue();
    }

    /** The text field {@code name}. */
    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new MalformedVectorException("field " + name + " is missing or not a string");
        }
        return value.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
