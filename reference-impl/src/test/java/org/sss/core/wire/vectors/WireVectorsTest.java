package org.sss.core.wire.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sss.core.wire.BoxPlaintextCodec;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.Frame;
import org.sss.core.wire.FrameCodec;
import org.sss.core.wire.FrameType;
import org.sss.core.wire.MessagePlaintext;
import org.sss.core.wire.Packet;
import org.sss.core.wire.PacketCodec;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.ServiceMessage;
import org.sss.core.wire.ServiceMessageCodec;
import org.sss.core.wire.WireUnit;
import org.sss.spec.vectors.FieldTrees;
import org.sss.spec.vectors.VectorCase;
import org.sss.spec.vectors.VectorFiles;

/**
 * Every committed wire-format vector against the reference codec: a valid input decodes to the
 * listed field values and re-encodes byte for byte, with {@code encodedLength} equal to the bytes
 * written; an invalid input is dropped for exactly the listed reason, and a plaintext-level one
 * closes the channel with the listed error code.
 */
class WireVectorsTest {

    private static List<VectorCase> allCases() {
        List<VectorCase> cases = new ArrayList<>();
        for (String file : VectorFiles.WIRE_FORMAT_FILES) {
            cases.addAll(VectorFiles.cases(file, VectorFiles.readResource(file)));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyVectorHasTheListedVerdict() {
        return allCases().stream().map(vector -> DynamicTest.dynamicTest(vector.label(), () -> check(vector)));
    }

    private static void check(VectorCase vector) {
        WireUnit unit = WireUnit.fromKsyType(vector.groupType());
        assertThat(unit).as("group type %s", vector.groupType()).isNotNull();
        byte[] input = vector.input();
        DecodeResult<?> result = unit.decode(Unpooled.wrappedBuffer(input));
        if (vector.isValid()) {
            assertThat(result.isOk()).as("decodes: %s", result).isTrue();
            Map<String, Object> fields = unit.fields(result.value());
            assertThat(FieldTrees.diff(vector.fields(), fields)).as("field differences").isEmpty();
            ByteBuf out = Unpooled.buffer();
            unit.encode(result.value(), out);
            assertThat(HexFormat.of().formatHex(ByteBufUtil.getBytes(out))).as("re-encoding")
                    .isEqualTo(HexFormat.of().formatHex(input));
            assertThat(encodedLength(unit, result.value())).as("encodedLength").isEqualTo(input.length);
        } else {
            assertThat(result.isOk()).as("rejected, but decoded to %s", result.isOk() ? result.value() : null).isFalse();
            assertThat(result.dropReason().name()).as("drop reason (detail: %s)", result.detail())
                    .isEqualTo(vector.dropReason());
            String errorCode = result.dropReason().errorCode().map(ErrorCode::name).orElse(null);
            assertThat(vector.errorCode()).as("errorCode").isEqualTo(errorCode);
        }
    }

    private static int encodedLength(WireUnit unit, Object value) {
        switch (unit) {
            case FRAME:
                return FrameCodec.encodedLength((Frame) value);
            case PACKET_HEADER:
                return ((PacketHeader) value).encodedLength();
            case MESSAGE_PLAINTEXT:
                return ((MessagePlaintext) value).encodedLength();
            case DATAGRAM:
                return PacketCodec.encodedLength((Packet) value);
            case SERVICE_MESSAGE:
                return ServiceMessageCodec.encodedLength((ServiceMessage) value);
            default: {
                ByteBuf out = Unpooled.buffer();
                unit.encode(value, out);
                return out.readableBytes();
            }
        }
    }

    @Test
    void framesJsonHasAValidVectorOfEveryFrameType() {
        Set<FrameType> seen = EnumSet.noneOf(FrameType.class);
        for (VectorCase vector : VectorFiles.cases("frames.json", VectorFiles.readResource("frames.json"))) {
            if (vector.groupType().equals("frame") && vector.isValid()) {
                seen.add(FrameType.fromCode(vector.input()[0] & 0xFF));
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(FrameType.values());
    }

    @Test
    void malformedJsonCoversEveryDropReasonTheCodecCanReach() {
        Set<DropReason> expected = EnumSet.of(DropReason.DATAGRAM_TOO_SHORT, DropReason.UNKNOWN_MAGIC,
                DropReason.BAD_PACKET_LENGTH, DropReason.SERVICE_MESSAGE_MALFORMED);
        for (DropReason reason : DropReason.values()) {
            if (reason.scope() == DropReason.Scope.PLAINTEXT) {
                expected.add(reason);
            }
        }
        Set<DropReason> seen = EnumSet.noneOf(DropReason.class);
        List<VectorCase> cases = VectorFiles.cases("malformed.json", VectorFiles.readResource("malformed.json"));
        for (VectorCase vector : cases) {
            assertThat(vector.result()).as(vector.label()).isEqualTo("invalid");
            seen.add(DropReason.valueOf(vector.dropReason()));
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(seen).containsAll(expected);
    }

    @Test
    void boxPlaintextDecodersRejectWrongLengthsLikeThePacketRule() {
        assertThat(BoxPlaintextCodec.decodeCookie(Unpooled.buffer(63).writeZero(63)).dropReason())
                .isEqualTo(DropReason.BAD_PACKET_LENGTH);
    }
}
