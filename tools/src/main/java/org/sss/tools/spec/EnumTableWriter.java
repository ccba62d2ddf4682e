package org.sss.tools.spec;

import java.util.ArrayList;
import java.util.List;

/** Writes the Markdown table of a ksy enum: each value as written, its name and its doc. */
public final class EnumTableWriter {

    private final KsySpec spec;

    /** @param spec the ksy whose enums this writer lists */
    public EnumTableWriter(KsySpec spec) {
        this.spec = spec;
    }

    /**
     * The generated block for {@code enumName}: a note saying where it comes from, then the table.
     *
     * @throws SpecInputException if the ksy has no such enum
     */
    public String write(String enumName) {
        KsyEnum ksyEnum = spec.enumNamed(enumName)
                .orElseThrow(() -> new SpecInputException("sss.ksy has no enum " + enumName));
        List<List<String>> rows = new ArrayList<>();
        for (KsyEnum.Entry entry : ksyEnum.entries()) {
            rows.add(List.of(entry.value(), Markdown.code(entry.id()), Markdown.firstSentence(entry.doc())));
        }
        return "Generated from sss.ksy enum " + Markdown.code(enumName) + "; do not edit.\n\n"
                + Markdown.table(List.of("Value", "Name", "Description"), rows);
    }
}
