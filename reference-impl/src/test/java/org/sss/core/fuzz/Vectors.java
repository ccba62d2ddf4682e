package org.sss.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.sss.core.negotiation.HandshakeJson;

/** Reads a file of spec/vectors for the fuzz tests' seed corpora, from where {@link HandshakeJson} finds them. */
final class Vectors {
    private Vectors() {
    }

    static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(HandshakeJson.vectorsDir().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
