package org.sss.tools.dissect;

/**
 * One requirement a datagram breaks, as {@code sss dissect} marks it.
 *
 * @param requirement the requirement ID of SPEC.md, for example {@code FRM-GEN-5}
 * @param reason what was expected and what was observed, in one line
 */
record Mark(String requirement, String reason) {
    /** The mark as {@code ID: reason}. */
    String format() {
        return requirement + ": " + reason;
    }

    /** {@code text} on one line: line breaks become spaces. */
    static Mark of(String requirement, String text) {
        return new Mark(requirement, text.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
