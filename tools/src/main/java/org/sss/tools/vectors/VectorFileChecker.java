package org.sss.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.sss.spec.vectors.VectorCase;

/**
 * Verifies the tests of one vector area (the {@code area} field of a vector file) against the
 * reference implementation. Register an implementation with {@link VectorCheck} to cover a new area.
 */
public interface VectorFileChecker {

    /** The areas this checker handles, e.g. {@code frames}. */
    List<String> areas();

    /**
     * The checker for the tests of one file. Areas whose tests stand alone use this checker
     * (the default); an area whose tests need the group's inputs or earlier tests (handshake.json's
     * {@code after}) returns one bound to {@code file}.
     */
    default VectorFileChecker forFile(JsonNode file) {
        return this;
    }

    /**
     * Checks one test.
     *
     * @return what is wrong, one entry per problem; empty when the test passes
     * @throws MalformedVectorException if the test lacks a field it needs or a field is ill-formed
     */
    List<String> check(VectorCase test);
}
