package org.sss.tools.vectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.WireUnit;
import org.sss.spec.vectors.FieldTrees;
import org.sss.spec.vectors.VectorCase;

/**
 * The wire-format areas (frames, packet headers, packets, service messages, malformed inputs):
 * each group type names a {@link WireUnit}. A valid input must decode to the listed fields and
 * re-encode to the same bytes; an invalid one must be rejected with the listed verdict and error code.
 */
public final class WireFormatChecker implements VectorFileChecker {

    @Override
    public List<String> areas() {
        return List.of("frames", "packet-headers", "packets", "service-messages", "malformed");
    }

    @Override
    public List<String> check(VectorCase test) {
        List<String> problems = new ArrayList<>();
        WireUnit unit = WireUnit.fromKsyType(test.groupType());
        if (unit == null) {
            problems.add("unknown group type " + test.groupType());
            return problems;
        }
        byte[] input = test.input();
        DecodeResult<?> result = unit.decode(Unpooled.wrappedBuffer(input));
        if (test.isValid()) {
            if (!result.isOk()) {
                problems.add("expected valid, rejected with " + result.dropReason() + ": " + result.detail());
                return problems;
            }
            for (String difference : FieldTrees.diff(test.fields(), unit.fields(result.value()))) {
                problems.add("field " + difference);
            }
            ByteBuf out = Unpooled.buffer(input.length);
            unit.encode(result.value(), out);
            String reencoded = ByteBufUtil.hexDump(out);
            String original = HexFormat.of().formatHex(input);
            if (!reencoded.equals(original)) {
                problems.add("re-encoding differs: expected " + original + ", actual " + reencoded);
            }
            return problems;
        }
        if (result.isOk()) {
            problems.add("expected " + test.dropReason() + ", accepted");
            return problems;
        }
        if (!result.dropReason().name().equals(test.dropReason())) {
            problems.add("expected " + test.dropReason() + ", actual " + result.dropReason() + " (" + result.detail() + ")");
        }
        String errorCode = result.dropReason().errorCode().map(ErrorCode::name).orElse(null);
        if (test.errorCode() == null ? errorCode != null : !test.errorCode().equals(errorCode)) {
            problems.add("expected error code " + test.errorCode() + ", actual " + errorCode);
        }
        return problems;
    }
}
