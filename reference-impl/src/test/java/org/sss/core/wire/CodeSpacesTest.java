package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.sss.spec.kaitai.Sss;

/** Each code space of the codec has exactly the names and wire values of the ksy's enums. */
class CodeSpacesTest {

    private static <E extends Enum<E>> Map<String, Long> ours(E[] values, ToLongFunction<E> code) {
        Map<String, Long> map = new TreeMap<>();
        Arrays.stream(values).forEach(value -> map.put(value.name(), code.applyAsLong(value)));
        return map;
    }

    private static Map<String, Long> spec(Object[] values) {
        Map<String, Long> map = new TreeMap<>();
        for (Object value : values) {
            try {
                map.put(((Enum<?>) value).name(), (Long) value.getClass().getMethod("id").invoke(value));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return map;
    }

    @Test
    void enumsMatchTheKsy() {
        assertThat(ours(FrameType.values(), FrameType::code)).isEqualTo(spec(Sss.FrameType.values()));
        assertThat(ours(ErrorCode.values(), ErrorCode::code)).isEqualTo(spec(Sss.ErrorCode.values()));
        assertThat(ours(SettingsTag.values(), SettingsTag::code)).isEqualTo(spec(Sss.SettingsTag.values()));
        assertThat(ours(CongestionFeedback.values(), CongestionFeedback::code))
                .isEqualTo(spec(Sss.CongestionFeedback.values()));
        assertThat(ours(ServiceStatus.values(), ServiceStatus::code)).isEqualTo(spec(Sss.ServiceStatus.values()));
        assertThat(ours(ServiceOperation.values(), ServiceOperation::code)).isEqualTo(spec(Sss.ServiceOperation.values()));
        assertThat(ours(ServiceMessageKind.values(), ServiceMessageKind::code))
                .isEqualTo(spec(Sss.ServiceMessageKind.values()));
        assertThat(ours(PacketType.values(), PacketType::magic)).isEqualTo(spec(Sss.Magic.values()));
    }

    @Test
    void magicsAreTheAsciiNamesInWireOrder() {
        assertThat(PacketType.HELLO.magic()).isEqualTo(0x71564e7135784c68L);
        assertThat(PacketType.COOKIE.magic()).isEqualTo(0x726c33416e6d786bL);
        assertThat(PacketType.INITIATE.magic()).isEqualTo(0x71564e7135784c69L);
        assertThat(PacketType.MESSAGE.magic()).isEqualTo(0x726c337135784c6dL);
        assertThat(PacketType.fromMagic(PacketType.RESERVED_INITIATE_MESSAGE_MAGIC)).isNull();
    }

    /** SPEC.md section 13: the action and error code of every verdict. */
    @Test
    void verdictsCloseOrResetWithTheCodesOfTheVerdictTable() {
        for (DropReason reason : DropReason.values()) {
            ErrorCode expected;
            DropReason.Action action;
            switch (reason) {
                case UNSUPPORTED_VERSION:
                    expected = ErrorCode.VERSION_MISMATCH;
                    action = DropReason.Action.CLOSE_CHANNEL;
                    break;
                case SETTINGS_BAD_VALUE:
                    expected = ErrorCode.SETTINGS_ERROR;
                    action = DropReason.Action.CLOSE_CHANNEL;
                    break;
                case SERVICE_MESSAGE_MALFORMED:
                    expected = ErrorCode.PROTOCOL_VIOLATION;
                    action = DropReason.Action.RESET_STREAM;
                    break;
                default:
                    boolean plaintext = reason.scope() == DropReason.Scope.PLAINTEXT;
                    expected = plaintext ? ErrorCode.FRAME_ENCODING_ERROR : null;
                    action = plaintext ? DropReason.Action.CLOSE_CHANNEL : DropReason.Action.DROP;
            }
            assertThat(reason.errorCode().orElse(null)).as(reason.name()).isEqualTo(expected);
            assertThat(reason.action()).as(reason.name()).isEqualTo(action);
        }
    }

    @Test
    void unknownErrorCodesAreKeptAndShownAsInternalError() {
        ResetFrame reset = new ResetFrame(1, 0x10001, "app");
        assertThat(reset.errorCode()).isEqualTo(0x10001);
        assertThat(reset.knownErrorCode()).isEmpty();
        assertThat(ErrorCode.forDisplay(0x10001)).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ErrorCode.isApplicationCode(0x10001)).isTrue();
    }
}
