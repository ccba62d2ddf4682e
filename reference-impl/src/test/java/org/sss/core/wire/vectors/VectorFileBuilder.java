package org.sss.core.wire.vectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.WireUnit;

/**
 * Builds one vector file in the shared schema ({@code sss-vectors/1}): groups keyed by the ksy type
 * of their inputs, tests numbered in order. A valid test is made from a value: its input is the
 * reference encoding and its {@code fields} the value's ksy-shaped tree, both checked independently
 * by the Kaitai parser in the spec module. An invalid test is made from explicit bytes.
 */
final class VectorFileBuilder {
    static final String GENERATED_BY = "org.sss.core.wire.vectors.WireVectorGenerator (sss-core tests)";

    private final String area;
    private final String specRef;
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private int nextId = 1;

    VectorFileBuilder(String area, String specRef) {
        this.area = area;
        this.specRef = specRef;
    }

    VectorFileBuilder note(String flag, String meaning) {
        notes.put(flag, meaning);
        return this;
    }

    Group group(WireUnit unit) {
        for (Group group : groups) {
            if (group.unit == unit) {
                return group;
            }
        }
        Group group = new Group(unit);
        groups.add(group);
        return group;
    }

    Map<String, Object> toJson() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("schema", "sss-vectors/1");
        file.put("area", area);
        file.put("specRef", specRef);
        file.put("generatedBy", GENERATED_BY);
        file.put("numberOfTests", nextId - 1);
        file.put("notes", notes);
        List<Object> groupList = new ArrayList<>();
        for (Group group : groups) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", group.unit.ksyType());
            json.put("tests", group.tests);
            groupList.add(json);
        }
        file.put("testGroups", groupList);
        return file;
    }

    /** The tests of one input kind. */
    final class Group {
        private final WireUnit unit;
        private final List<Object> tests = new ArrayList<>();

        private Group(WireUnit unit) {
            this.unit = unit;
        }

        /** A valid test: the value's reference encoding and field tree. */
        Group valid(String comment, List<String> flags, Object value) {
            ByteBuf out = Unpooled.buffer();
            unit.encode(value, out);
            Map<String, Object> test = header(comment, flags, ByteBufUtil.hexDump(out));
            test.put("fields", unit.fields(value));
            test.put("result", "valid");
            tests.add(test);
            return this;
        }

        /** An invalid test from explicit bytes. */
        Group invalid(String comment, List<String> flags, byte[] input, DropReason reason) {
            Map<String, Object> test = header(comment, flags, HexFormat.of().formatHex(input));
            test.put("result", "invalid");
            test.put("dropReason", reason.name());
            reason.errorCode().map(ErrorCode::name).ifPresent(code -> test.put("errorCode", code));
            tests.add(test);
            return this;
        }

        private Map<String, Object> header(String comment, List<String> flags, String input) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("tcId", nextId++);
            test.put("comment", comment);
            test.put("flags", flags);
            test.put("input", input);
            return test;
        }
    }
}
