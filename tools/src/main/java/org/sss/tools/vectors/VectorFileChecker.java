package org.sss.tools.vectors;

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
     * Checks one test.
     *
     * @return what is wrong, one entry per problem; empty when the test passes
     */
    List<String> check(VectorCase test);
}
