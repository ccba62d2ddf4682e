package org.sss.tools.vectors;

/**
 * A test lacks a field its group type requires, or a field does not have the form the vector
 * schema gives it (lowercase hex, an unsigned decimal string, a number). The test fails with this
 * message; the checker never guesses a value.
 */
public final class MalformedVectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the problem as message. */
    public MalformedVectorException(String message) {
        super(message);
    }
}
