package org.sss.tools.wireshark;

import java.util.List;

/**
 * One packet kind of the ksy root type's switch: the magic that selects it and the fields of its body.
 *
 * @param kind     the packet kind as shown, the magic enum id upper-cased ({@code HELLO})
 * @param key      the magic enum id, also the ProtoField prefix ({@code hello})
 * @param magicHex the 8-byte magic as 16 lower-case hex digits, wire order
 * @param magicDoc the magic enum entry's {@code doc}; may be empty
 * @param typeName the ksy type of the body ({@code hello_packet})
 * @param docRef   that type's {@code doc-ref}; may be empty
 * @param fields   the body's fields in wire order, after the magic
 */
public record OuterPacket(String kind, String key, String magicHex, String magicDoc, String typeName, String docRef,
        List<OuterField> fields) {

    /** Copies {@code fields}. */
    public OuterPacket {
        fields = List.copyOf(fields);
    }

    /** The body's size in bytes when no field takes the rest, else empty. */
    public java.util.OptionalInt fixedBodySize() {
        int total = 0;
        for (OuterField field : fields) {
            if (field.size() == OuterField.REST) {
                return java.util.OptionalInt.empty();
            }
            total += field.size();
        }
        return java.util.OptionalInt.of(total);
    }
}
