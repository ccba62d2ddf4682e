package org.sss.tools.spec;

import java.util.List;

/**
 * A Kaitai enum.
 *
 * @param name    the enum's name
 * @param entries its values in the order written
 */
public record KsyEnum(String name, List<Entry> entries) {

    /** Copies the list. */
    public KsyEnum {
        entries = List.copyOf(entries);
    }

    /**
     * One value of an enum.
     *
     * @param value the key as written in the ksy ({@code 7}, {@code 0x726c337135784c6d})
     * @param id    the symbolic name
     * @param doc   the {@code doc}, whitespace folded; empty if none
     */
    public record Entry(String value, String id, String doc) {
    }
}
