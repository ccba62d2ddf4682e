package org.sss.tools.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the Markdown layout table of a ksy type: offset, size, field, type, the condition under
 * which the field is present, and the first sentence of its doc; then the type's derived values.
 */
public final class LayoutTableWriter {

    private static final List<String> HEADER =
            List.of("Offset", "Size", "Field", "Type", "Present when", "Description");
    private static final Pattern BUILT_IN = Pattern.compile("[usf][1248](be|le)?|b[0-9]+(be|le)?|strz?");

    private final KsySpec spec;

    /** @param spec the ksy whose types this writer lays out */
    public LayoutTableWriter(KsySpec spec) {
        this.spec = spec;
    }

    /**
     * The generated block for {@code typeName}: a note saying where it comes from, then the table.
     *
     * @throws SpecInputException if the ksy has no such type
     */
    public String write(String typeName) {
        KsyType type = spec.type(typeName)
                .orElseThrow(() -> new SpecInputException("sss.ksy has no type " + typeName));
        TypeLayout layout = TypeLayout.of(type, spec);
        StringBuilder out = new StringBuilder();
        out.append("Generated from sss.ksy type ").append(Markdown.code(typeName)).append("; do not edit.\n\n");
        if (type.seq().isEmpty()) {
            out.append("This type has no fields (0 bytes).\n");
            return out.toString();
        }
        List<List<String>> rows = new ArrayList<>();
        for (TypeLayout.Row row : layout.rows()) {
            KsyField field = row.field();
            rows.add(List.of(
                    row.offset(),
                    row.size(),
                    Markdown.code(field.id()),
                    typeCell(field),
                    field.condition() == null ? "" : Markdown.code(field.condition()),
                    description(field)));
        }
        out.append(Markdown.table(HEADER, rows));
        List<String> notes = notes(layout);
        String prefix = datagramPrefix(typeName);
        if (prefix != null) {
            notes.add(0, prefix);
        }
        if (!notes.isEmpty()) {
            out.append('\n').append(String.join(" ", notes)).append('\n');
        }
        if (!type.instances().isEmpty()) {
            out.append('\n').append(derivedValues(type));
        }
        return out.toString();
    }

    /**
     * For a type that the root selects by a switch (a packet body after its magic), where its offsets
     * start in the datagram, so that a reader does not mistake the body's size for the packet's.
     */
    private String datagramPrefix(String typeName) {
        KsyType root = spec.types().values().iterator().next();
        for (TypeLayout.Row row : TypeLayout.of(root, spec).rows()) {
            KsyField field = row.field();
            if (field.switchOn() != null && field.cases().containsValue(typeName) && row.offset().matches("\\d+")) {
                int start = Integer.parseInt(row.offset());
                TypeLayout body = TypeLayout.of(spec.type(typeName).orElseThrow(), spec);
                String whole = body.end().constant() ? " The whole datagram is " + (start + body.end().bytes()) + " bytes." : "";
                return "Offsets count from byte " + start + " of the datagram, after " + Markdown.code(
                        root.seq().get(0).id()) + "." + whole;
            }
        }
        return null;
    }

    private static List<String> notes(TypeLayout layout) {
        List<String> notes = new ArrayList<>();
        if (layout.end().constant()) {
            notes.add("Fixed size: " + layout.end().bytes() + (layout.end().bytes() == 1 ? " byte." : " bytes."));
        }
        for (TypeLayout.BitGroup group : layout.bitGroups()) {
            notes.add("Bit masks are relative to the " + (group.bytes() == 1 ? "byte" : group.bytes() + "-byte big-endian word")
                    + " at offset " + group.offset().render() + ".");
        }
        return notes;
    }

    private static String derivedValues(KsyType type) {
        List<List<String>> rows = new ArrayList<>();
        for (KsyInstance instance : type.instances()) {
            rows.add(List.of(
                    Markdown.code(instance.id()),
                    instance.value() == null ? "parsed, not derived" : Markdown.code(instance.value()),
                    Markdown.firstSentence(instance.doc())));
        }
        return Markdown.table(List.of("Derived value", "Computed as", "Description"), rows);
    }

    private static String typeCell(KsyField field) {
        List<String> parts = new ArrayList<>();
        parts.add(baseType(field));
        if (field.enumName() != null) {
            parts.add("enum " + Markdown.code(field.enumName()));
        }
        if ("expr".equals(field.repeat())) {
            parts.add("repeated " + Markdown.code(field.repeatCount()) + " times");
        } else if ("eos".equals(field.repeat())) {
            parts.add("repeated to the end");
        } else if ("until".equals(field.repeat())) {
            parts.add("repeated until " + Markdown.code(field.repeatCount()));
        }
        if (field.valid() != null) {
            parts.add(field.valid());
        }
        return String.join(", ", parts);
    }

    private static String baseType(KsyField field) {
        if (field.contents() >= 0) {
            return "fixed bytes";
        }
        if (field.switchOn() != null) {
            return "switch on " + Markdown.code(field.switchOn());
        }
        if (field.type() == null) {
            return "bytes";
        }
        if (field.type().startsWith("str")) {
            return field.encoding() == null ? field.type() : field.type() + " (" + field.encoding() + ")";
        }
        return typeName(field.type());
    }

    private static String typeName(String type) {
        return BUILT_IN.matcher(type).matches() ? type : Markdown.code(type);
    }

    private static String description(KsyField field) {
        String sentence = Markdown.firstSentence(field.doc());
        if (field.switchOn() == null) {
            return sentence;
        }
        List<String> cases = new ArrayList<>();
        for (Map.Entry<String, String> c : field.cases().entrySet()) {
            String key = c.getKey().contains("::") ? c.getKey().substring(c.getKey().indexOf("::") + 2) : c.getKey();
            cases.add(Markdown.code(key) + " → " + typeName(c.getValue()));
        }
        String list = "Cases: " + String.join(", ", cases) + ".";
        return sentence.isEmpty() ? list : sentence + " " + list;
    }
}
