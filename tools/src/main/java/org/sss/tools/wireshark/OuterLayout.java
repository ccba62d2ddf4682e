package org.sss.tools.wireshark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sss.tools.spec.KsyEnum;
import org.sss.tools.spec.KsyField;
import org.sss.tools.spec.KsySpec;
import org.sss.tools.spec.KsyType;
import org.sss.tools.spec.SpecInputException;

/**
 * Reads the outer packets out of a {@link KsySpec}: the root type is an enum-typed magic followed by a
 * body switched on it, and every body is a run of fixed-size fields, the last of which may take the
 * rest. Anything the Lua template cannot lay out is a {@link SpecInputException}, so a change to the
 * ksy that the dissector would misread fails the generator rather than producing a wrong dissector.
 */
public final class OuterLayout {

    private OuterLayout() {
    }

    /** The outer packets of {@code ksy}. */
    public static OuterProtocol read(KsySpec ksy, String title) {
        KsyType root = ksy.type(ksy.id()).orElseThrow();
        KsyField magic = root.seq().stream().filter(f -> f.enumName() != null).findFirst()
                .orElseThrow(() -> problem("the root type has no enum-typed magic attribute"));
        int magicSize = integerWidth(magic.type())
                .orElseThrow(() -> problem("the root type's " + magic.id() + " is not an unsigned integer"));
        KsyEnum magics = ksy.enumNamed(magic.enumName())
                .orElseThrow(() -> problem("enum " + magic.enumName() + " is not defined"));
        KsyField body = root.seq().stream().filter(f -> magic.id().equals(f.switchOn())).findFirst()
                .orElseThrow(() -> problem("the root type has no body switched on " + magic.id()));
        List<OuterPacket> packets = new ArrayList<>();
        for (KsyEnum.Entry entry : magics.entries()) {
            String typeName = caseType(body.cases(), magic.enumName(), entry.id());
            if (typeName == null) {
                continue;
            }
            KsyType type = ksy.type(typeName).orElseThrow(() -> problem("type " + typeName + " is not defined"));
            packets.add(new OuterPacket(entry.id().toUpperCase(Locale.ROOT), entry.id(),
                    hex(entry.value(), magicSize), entry.doc(), typeName, type.docRef(),
                    fields(ksy, type, entry.id())));
        }
        if (packets.isEmpty()) {
            throw problem("the body switch of the root type names no packet type");
        }
        return new OuterProtocol(title, magic.id(), magicSize, magic.doc(), packets);
    }

    private static String caseType(Map<String, String> cases, String enumName, String id) {
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String key = c.getKey().replace("'", "").replace("\"", "").strip();
            if (key.equals(enumName + "::" + id)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static List<OuterField> fields(KsySpec ksy, KsyType type, String prefix) {
        List<OuterField> fields = new ArrayList<>();
        List<KsyField> seq = type.seq();
        for (int i = 0; i < seq.size(); i++) {
            KsyField f = seq.get(i);
            String where = type.name() + "." + f.id();
            if (!f.alwaysOnce() || f.switchOn() != null) {
                throw problem(where + " is conditional, repeated or switched; the outer layout cannot show it");
            }
            String abbrev = prefix + "." + f.id();
            Optional<Integer> width = integerWidth(f.type());
            if (width.isPresent() && f.size() == null) {
                fields.add(new OuterField(abbrev, label(f.id()), integerType(width.get()), width.get(), f.doc(),
                        List.of()));
            } else if (f.sizeEos() || f.literalSize().isPresent()) {
                if (f.sizeEos() && i != seq.size() - 1) {
                    throw problem(where + " takes the rest but is not the last attribute");
                }
                int size = f.sizeEos() ? OuterField.REST : f.literalSize().getAsInt();
                List<OuterField> children = List.of();
                if (f.type() != null) {
                    KsyType nested = ksy.type(f.type()).orElseThrow(
                            () -> problem(where + " has type " + f.type() + ", which is neither built in nor defined"));
                    children = fields(ksy, nested, abbrev);
                    int sum = children.stream().mapToInt(OuterField::size).sum();
                    if (children.stream().anyMatch(c -> c.size() == OuterField.REST) || sum != size) {
                        throw problem(where + " is " + size + " bytes but its type " + f.type() + " is not");
                    }
                }
                fields.add(new OuterField(abbrev, label(f.id()), OuterField.FieldType.BYTES, size, f.doc(), children));
            } else {
                throw problem(where + " has no fixed size; the outer layout cannot show it");
            }
        }
        return fields;
    }

    private static Optional<Integer> integerWidth(String type) {
        if (type == null || !type.matches("u[1248](be)?")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(type.substring(1, 2)));
    }

    private static OuterField.FieldType integerType(int width) {
        return switch (width) {
            case 1 -> OuterField.FieldType.UINT8;
            case 2 -> OuterField.FieldType.UINT16;
            case 4 -> OuterField.FieldType.UINT32;
            default -> OuterField.FieldType.UINT64;
        };
    }

    /** {@code initiator_short_term_pk} as {@code Initiator short term pk}. */
    static String label(String id) {
        String words = id.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String hex(String value, int width) {
        String digits = value.toLowerCase(Locale.ROOT);
        java.math.BigInteger number = digits.startsWith("0x") ? new java.math.BigInteger(digits.substring(2), 16)
                : new java.math.BigInteger(digits);
        String hex = number.toString(16);
        if (hex.length() > width * 2) {
            throw problem("magic value " + value + " does not fit " + width + " bytes");
        }
        return "0".repeat(width * 2 - hex.length()) + hex;
    }

    private static SpecInputException problem(String what) {
        return new SpecInputException("spec/sss.ksy: " + what);
    }
}
