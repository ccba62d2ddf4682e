package org.sss.spec.vectors;

import java.lang.reflect.Method;

/**
 * Stands in a Kaitai field tree for an enum-typed field whose value the enum does not define.
 * Kaitai's Java target maps such values to {@code null} and so loses them (error codes from
 * 0x10000 up, unknown SETTINGS tags and service statuses are legal on the wire); this marker
 * keeps the knowledge that the value was unknown, so a comparison can accept any number the
 * enum does not define.
 *
 * @param enumType the Kaitai enum class
 */
public record UnknownEnumValue(Class<?> enumType) {

    /** Whether {@code value} is a number the enum does not define. */
    public boolean admits(Object value) {
        if (!(value instanceof Long number)) {
            return false;
        }
        try {
            Method byId = enumType.getMethod("byId", long.class);
            return byId.invoke(null, number) == null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Kaitai enum without byId(long): " + enumType, e);
        }
    }

    @Override
    public String toString() {
        return "<value unknown to " + enumType.getSimpleName() + ">";
    }
}
