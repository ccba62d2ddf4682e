package org.sss.core.crypto;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the ordered maps the vector files are made of. */
final class VectorMaps {
    static final String SCHEMA = "sss-vectors/1";
    static final String VALID = "valid";
    static final String INVALID = "invalid";

    private VectorMaps() {
    }

    /** An ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    /** Builds a file: assigns tcIds 1.. in order across groups and fills numberOfTests. */
    static final class FileBuilder {
        private final Map<String, Object> header;
        private final List<Map<String, Object>> groups = new ArrayList<>();
        private int nextId = 1;

        FileBuilder(String area, String specRef, Map<String, Object> notes) {
            header = obj("schema", SCHEMA, "area", area, "specRef", specRef,
                    "generatedBy", "reference-impl test sources: org.sss.core.crypto.VectorWriter",
                    "numberOfTests", 0, "notes", notes);
        }

        /** A group: its type, shared fields, then tests added with {@link Group#test}. */
        Group group(String type, Object... sharedFields) {
            Map<String, Object> g = obj("type", type);
            g.putAll(obj(sharedFields));
            List<Map<String, Object>> tests = new ArrayList<>();
            g.put("tests", tests);
            groups.add(g);
            return new Group(tests);
        }

        Map<String, Object> build() {
            Map<String, Object> file = new LinkedHashMap<>(header);
            file.put("numberOfTests", nextId - 1);
            file.put("testGroups", groups);
            return file;
        }

        /** The tests of one group. */
        final class Group {
            private final List<Map<String, Object>> tests;

            Group(List<Map<String, Object>> tests) {
                this.tests = tests;
            }

            /** Adds a test: tcId, comment, flags, then the given fields in order. Returns its tcId. */
            int test(String comment, List<String> flags, Object... fields) {
                int id = nextId++;
                Map<String, Object> t = obj("tcId", id, "comment", comment, "flags", flags);
                t.putAll(obj(fields));
                tests.add(t);
                return id;
            }
        }
    }
}
