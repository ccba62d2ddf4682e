package org.sss.tools.wireshark;

import java.util.List;

/**
 * One field of an outer packet as the Lua dissector shows it: a ProtoField and the bytes it covers.
 *
 * @param abbrev   the display-filter name without the protocol prefix, e.g. {@code hello.nonce_counter}
 * @param label    the name shown in the packet tree
 * @param type     how Wireshark shows the value
 * @param size     the width in bytes, or {@link #REST} for the remainder of the enclosing range
 * @param doc      the ksy {@code doc}, the field's description; may be empty
 * @param children the fields of a nested ksy type that fills this field's bytes; empty if none
 */
public record OuterField(String abbrev, String label, FieldType type, int size, String doc, List<OuterField> children) {

    /** The size of a field that takes whatever the enclosing range has left ({@code size-eos}). */
    public static final int REST = -1;

    /** Copies {@code children}. */
    public OuterField {
        children = List.copyOf(children);
    }

    /** How a field's value is shown; a ProtoField constructor of Wireshark's Lua API. */
    public enum FieldType {
        /** Raw bytes, shown as hex. */
        BYTES("bytes", "base.NONE"),
        /** {@code u1}. */
        UINT8("uint8", "base.DEC"),
        /** {@code u2}. */
        UINT16("uint16", "base.DEC"),
        /** {@code u4}. */
        UINT32("uint32", "base.DEC"),
        /** {@code u8}. */
        UINT64("uint64", "base.DEC");

        private final String constructor;
        private final String base;

        FieldType(String constructor, String base) {
            this.constructor = constructor;
            this.base = base;
        }

        /** The Lua constructor, {@code ProtoField.<constructor>}. */
        public String constructor() {
            return constructor;
        }

        /** The display base argument. */
        public String base() {
            return base;
        }
    }
}
