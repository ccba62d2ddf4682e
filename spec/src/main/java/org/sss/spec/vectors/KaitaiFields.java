package org.sss.spec.vectors;

import io.kaitai.struct.KaitaiStruct;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns objects of the Kaitai classes generated from {@code sss.ksy} into field trees: every public
 * accessor (sequence fields and value instances) becomes a key, its Java name converted back to the
 * ksy id ({@code packetNumber6} to {@code packet_number_6}). Absent conditional fields are left out;
 * enum fields become their wire values. Reflection keeps this in step with the ksy without a
 * hand-written mapper per type.
 */
public final class KaitaiFields {
    private static final HexFormat HEX = HexFormat.of();

    /** Fields whose content receivers ignore, left out of every tree (FRM-CLOSE-2: bytes after CLOSE). */
    private static final Set<String> IGNORED = Set.of("ignored_after_close");

    private KaitaiFields() {
    }

    /** The tree of a parsed Kaitai object. */
    public static Map<String, Object> of(KaitaiStruct struct) {
        Map<String, Object> fields = new TreeMap<>();
        for (Method method : struct.getClass().getDeclaredMethods()) {
            if (!isAccessor(method)) {
                continue;
            }
            if (IGNORED.contains(ksyId(method.getName()))) {
                continue;
            }
            Object value = invoke(method, struct);
            if (value == null) {
                if (method.getReturnType().isEnum()) {
                    fields.put(ksyId(method.getName()), new UnknownEnumValue(method.getReturnType()));
                }
                continue;
            }
            fields.put(ksyId(method.getName()), convert(value));
        }
        return fields;
    }

    private static boolean isAccessor(Method method) {
        int modifiers = method.getModifiers();
        return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)
                && method.getParameterCount() == 0 && !method.getName().startsWith("_");
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(Object value) {
        if (value instanceof KaitaiStruct struct) {
            return of(struct);
        }
        if (value instanceof byte[] bytes) {
            return HEX.formatHex(bytes);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (Object element : list) {
                result.add(convert(element));
            }
            return result;
        }
        if (value instanceof Enum<?> constant) {
            try {
                return ((Number) constant.getClass().getMethod("id").invoke(constant)).longValue();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Kaitai enum without id(): " + constant.getClass(), e);
            }
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }

    /** {@code isFecLast} to {@code is_fec_last}, {@code offset3} to {@code offset_3}. */
    static String ksyId(String javaName) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                id.append('_').append(Character.toLowerCase(c));
            } else if (Character.isDigit(c) && i > 0 && !Character.isDigit(javaName.charAt(i - 1))) {
                id.append('_').append(c);
            } else {
                id.append(c);
            }
        }
        return id.toString();
    }
}
