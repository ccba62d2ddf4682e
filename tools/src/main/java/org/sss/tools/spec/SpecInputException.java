package org.sss.tools.spec;

import java.util.List;

/**
 * A source file under {@code spec/} is missing or says something a generator cannot accept;
 * the message lists every problem found, one per line.
 */
public final class SpecInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems what is wrong, one entry each; at least one */
    public SpecInputException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems is empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** @param problem what is wrong */
    public SpecInputException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
