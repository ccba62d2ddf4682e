package org.sss.tools.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a field starts within its type: a number of bytes plus the names of variable-length
 * fields before it ({@code 2+len_value}), or unknown ({@code var}) after anything else that varies.
 */
record Offset(int bytes, List<String> terms, boolean known) {

    static final Offset ZERO = new Offset(0, List.of(), true);
    static final Offset UNKNOWN = new Offset(0, List.of(), false);

    Offset {
        terms = List.copyOf(terms);
    }

    Offset plus(int more) {
        return known ? new Offset(bytes + more, terms, true) : this;
    }

    Offset plus(String term) {
        if (!known) {
            return this;
        }
        List<String> more = new ArrayList<>(terms);
        more.add(term);
        return new Offset(bytes, more, true);
    }

    /** Whether the offset is a plain number. */
    boolean constant() {
        return known && terms.isEmpty();
    }

    String render() {
        if (!known) {
            return "var";
        }
        if (terms.isEmpty()) {
            return Integer.toString(bytes);
        }
        String sum = String.join("+", terms);
        return bytes == 0 ? sum : bytes + "+" + sum;
    }
}
