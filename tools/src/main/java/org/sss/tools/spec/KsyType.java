package org.sss.tools.spec;

import java.util.List;

/**
 * A Kaitai type: the root type (named after {@code meta.id}) or one of {@code types}.
 *
 * @param name      the type's name in the ksy
 * @param doc       the {@code doc}, whitespace folded; empty if none
 * @param docRef    the {@code doc-ref}; empty if none
 * @param seq       the attributes in wire order
 * @param instances the derived values
 */
public record KsyType(String name, String doc, String docRef, List<KsyField> seq, List<KsyInstance> instances) {

    /** Copies the lists. */
    public KsyType {
        seq = List.copyOf(seq);
        instances = List.copyOf(instances);
    }
}
