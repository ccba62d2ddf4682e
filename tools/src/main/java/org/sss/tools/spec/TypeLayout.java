package org.sss.tools.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The byte layout of one ksy type, as the layout tables show it: where each field starts, how
 * long it is, and where the type ends when that is fixed.
 */
final class TypeLayout {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern PRIMITIVE = Pattern.compile("[us]([1248])(be|le)?|f([48])(be|le)?");

    /** One row of a layout table, before Markdown. */
    record Row(String offset, String size, KsyField field) {
    }

    /** A run of bit fields packed into {@code bytes} whole bytes starting at {@code offset}. */
    record BitGroup(Offset offset, int bytes) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<BitGroup> bitGroups = new ArrayList<>();
    private final Offset end;

    private TypeLayout(KsyType type, Sizes sizes) {
        List<KsyField> seq = type.seq();
        Offset at = Offset.ZERO;
        int i = 0;
        while (i < seq.size()) {
            KsyField field = seq.get(i);
            OptionalInt bits = field.bitWidth();
            if (bits.isPresent() && bits.getAsInt() % 8 != 0) {
                int groupEnd = bitGroupEnd(seq, i);
                at = addBitGroup(seq.subList(i, groupEnd), at);
                i = groupEnd;
            } else {
                Extent extent = sizes.extent(field);
                rows.add(new Row(at.render(), extent.cell(), field));
                at = extent.advance(at, field);
                i++;
            }
        }
        end = at;
    }

    /** Lays out {@code type}; user types it uses are measured through {@code spec}. */
    static TypeLayout of(KsyType type, KsySpec spec) {
        return new TypeLayout(type, new Sizes(spec));
    }

    List<Row> rows() {
        return rows;
    }

    List<BitGroup> bitGroups() {
        return bitGroups;
    }

    /** Where the type ends: its size when that is a plain number. */
    Offset end() {
        return end;
    }

    /**
     * The index after the bit group starting at {@code start}: consecutive bN fields, ending where
     * the bits fill whole bytes and the next bN is itself a whole number of bytes.
     */
    private static int bitGroupEnd(List<KsyField> seq, int start) {
        int bitsSoFar = 0;
        int i = start;
        while (i < seq.size() && seq.get(i).bitWidth().isPresent()) {
            int width = seq.get(i).bitWidth().getAsInt();
            if (i > start && bitsSoFar % 8 == 0 && width % 8 == 0) {
                break;
            }
            bitsSoFar += width;
            i++;
        }
        return i;
    }

    private Offset addBitGroup(List<KsyField> group, Offset at) {
        int totalBits = group.stream().mapToInt(f -> f.bitWidth().getAsInt()).sum();
        int bytes = (totalBits + 7) / 8;
        int position = 0;
        boolean varies = false;
        for (KsyField field : group) {
            int width = field.bitWidth().getAsInt();
            long mask = ((1L << width) - 1) << (bytes * 8 - position - width);
            int firstByte = position / 8;
            int lastByte = (position + width - 1) / 8;
            String offset = firstByte == lastByte || !at.known()
                    ? at.plus(firstByte).render()
                    : at.plus(firstByte).render() + "–" + at.plus(lastByte).render();
            String size = width + (width == 1 ? " bit" : " bits")
                    + String.format(" (0x%0" + (bytes * 2) + "X)", mask);
            rows.add(new Row(offset, size, field));
            position += width;
            varies |= !field.alwaysOnce();
        }
        bitGroups.add(new BitGroup(at, bytes));
        return varies ? Offset.UNKNOWN : at.plus(bytes);
    }

    /**
     * The extent of a field: the Size cell and, when fixed, its number of bytes; {@code term} names
     * a length field when the size is exactly that field's value.
     */
    record Extent(String cell, OptionalInt bytes, String term) {

        static Extent fixed(int bytes) {
            return new Extent(Integer.toString(bytes), OptionalInt.of(bytes), null);
        }

        static Extent variable(String cell) {
            return new Extent(cell, OptionalInt.empty(), null);
        }

        Offset advance(Offset at, KsyField field) {
            if (!field.alwaysOnce()) {
                return bytes.isPresent() && bytes.getAsInt() == 0 ? at : Offset.UNKNOWN;
            }
            if (bytes.isPresent()) {
                return at.plus(bytes.getAsInt());
            }
            return term != null ? at.plus(term) : Offset.UNKNOWN;
        }
    }

    /** Measures fields and user types; a type that refers back to itself has no fixed size. */
    static final class Sizes {

        private final KsySpec spec;
        private final Set<String> measuring = new HashSet<>();

        Sizes(KsySpec spec) {
            this.spec = spec;
        }

        Extent extent(KsyField field) {
            Extent one = single(field);
            if (field.repeat() == null) {
                return one;
            }
            if (!"expr".equals(field.repeat())) {
                return "eos".equals(field.repeat()) ? Extent.variable("rest") : Extent.variable("var");
            }
            if (one.bytes().isEmpty()) {
                return Extent.variable("var");
            }
            String count = field.repeatCount();
            if (count != null && count.chars().allMatch(Character::isDigit) && !count.isEmpty()) {
                return Extent.fixed(one.bytes().getAsInt() * Integer.parseInt(count));
            }
            return Extent.variable(one.bytes().getAsInt() + " each");
        }

        private Extent single(KsyField field) {
            if (field.contents() >= 0) {
                return Extent.fixed(field.contents());
            }
            if (field.sizeEos()) {
                return Extent.variable("rest");
            }
            if (field.size() != null) {
                OptionalInt literal = field.literalSize();
                if (literal.isPresent()) {
                    return Extent.fixed(literal.getAsInt());
                }
                String term = IDENTIFIER.matcher(field.size()).matches() ? field.size() : null;
                return new Extent(Markdown.code(field.size()), OptionalInt.empty(), term);
            }
            if (field.switchOn() != null) {
                return sameForAll(field.cases());
            }
            OptionalInt bytes = typeSize(field.type());
            if (bytes.isPresent()) {
                return Extent.fixed(bytes.getAsInt());
            }
            return Extent.variable("strz".equals(field.type()) ? "to NUL" : "var");
        }

        private Extent sameForAll(Map<String, String> cases) {
            OptionalInt common = OptionalInt.empty();
            for (String type : cases.values()) {
                OptionalInt size = typeSize(type);
                if (size.isEmpty() || common.isPresent() && common.getAsInt() != size.getAsInt()) {
                    return Extent.variable("var");
                }
                common = size;
            }
            return common.isPresent() ? Extent.fixed(common.getAsInt()) : Extent.variable("var");
        }

        /** The size of a named type in bytes, when every value of it has the same size. */
        OptionalInt typeSize(String type) {
            if (type == null) {
                return OptionalInt.empty();
            }
            var primitive = PRIMITIVE.matcher(type);
            if (primitive.matches()) {
                String digits = primitive.group(1) != null ? primitive.group(1) : primitive.group(3);
                return OptionalInt.of(Integer.parseInt(digits));
            }
            if (type.matches("b[0-9]+(be|le)?")) {
                int bits = Integer.parseInt(type.replaceAll("[^0-9]", ""));
                return bits % 8 == 0 ? OptionalInt.of(bits / 8) : OptionalInt.empty();
            }
            KsyType user = spec.types().get(type);
            if (user == null || !measuring.add(type)) {
                return OptionalInt.empty();
            }
            try {
                Offset end = new TypeLayout(user, this).end();
                return end.constant() ? OptionalInt.of(end.bytes()) : OptionalInt.empty();
            } finally {
                measuring.remove(type);
            }
        }
    }
}
