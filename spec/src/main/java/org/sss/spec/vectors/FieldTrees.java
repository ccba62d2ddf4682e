package org.sss.spec.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field trees: nested maps (keys = ksy ids in snake_case), lists, integers, booleans and strings
 * (byte arrays as lowercase hex). Normalizes trees from JSON, Kaitai and the reference codec to one
 * form (every integer a {@link Long} with the 64-bit pattern of the unsigned value) and reports
 * their differences as "path: expected …, actual …".
 */
public final class FieldTrees {
    private FieldTrees() {
    }

    /** Converts a JSON node into a normalized tree. */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), fromJson(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(fromJson(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().longValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new IllegalArgumentException("unsupported JSON value in a field tree: " + node);
    }

    /** Normalizes a tree built from Java values (maps, lists, numbers, booleans, strings). */
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, element) -> result.put((String) key, normalize(element)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(element -> result.add(normalize(element)));
            return result;
        }
        if (value instanceof BigInteger big) {
            return big.longValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }

    /**
     * The differences between two trees, one line per differing leaf; empty when they are equal.
     * An {@link UnknownEnumValue} on either side matches a number its enum does not define.
     */
    public static List<String> diff(Object expected, Object actual) {
        List<String> differences = new ArrayList<>();
        diff("$", normalize(expected), normalize(actual), differences);
        return differences;
    }

    private static void diff(String path, Object expected, Object actual, List<String> out) {
        if (expected instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
            Set<Object> keys = new LinkedHashSet<>(expectedMap.keySet());
            keys.addAll(actualMap.keySet());
            for (Object key : keys) {
                String child = path + "." + key;
                if (!expectedMap.containsKey(key)) {
                    out.add(child + ": expected <absent>, actual " + actualMap.get(key));
                } else if (!actualMap.containsKey(key)) {
                    out.add(child + ": expected " + expectedMap.get(key) + ", actual <absent>");
                } else {
                    diff(child, expectedMap.get(key), actualMap.get(key), out);
                }
            }
            return;
        }
        if (expected instanceof List<?> expectedList && actual instanceof List<?> actualList) {
            if (expectedList.size() != actualList.size()) {
                out.add(path + ": expected " + expectedList.size() + " elements, actual " + actualList.size());
                return;
            }
            for (int i = 0; i < expectedList.size(); i++) {
                diff(path + "[" + i + "]", expectedList.get(i), actualList.get(i), out);
            }
            return;
        }
        if (actual instanceof UnknownEnumValue unknown) {
            if (!unknown.admits(expected)) {
                out.add(path + ": expected " + expected + ", actual " + unknown);
            }
            return;
        }
        if (expected instanceof UnknownEnumValue unknown) {
            if (!unknown.admits(actual)) {
                out.add(path + ": expected " + unknown + ", actual " + actual);
            }
            return;
        }
        if (expected == null ? actual != null : !expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", actual " + actual);
        }
    }
}
