package org.sss.spec.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sss.spec.kaitai.Sss;

class FieldTreesTest {

    @Test
    void javaAccessorNamesMapBackToKsyIds() {
        assertThat(KaitaiFields.ksyId("isFecLast")).isEqualTo("is_fec_last");
        assertThat(KaitaiFields.ksyId("packetNumber6")).isEqualTo("packet_number_6");
        assertThat(KaitaiFields.ksyId("offset3")).isEqualTo("offset_3");
        assertThat(KaitaiFields.ksyId("lsid")).isEqualTo("lsid");
    }

    @Test
    void equalTreesHaveNoDifferencesWhateverTheNumberType() {
        Object expected = Map.of("a", 1, "b", List.of(Map.of("c", BigInteger.TWO.pow(64).subtract(BigInteger.ONE))));
        Object actual = Map.of("a", 1L, "b", List.of(Map.of("c", -1L)));
        assertThat(FieldTrees.diff(expected, actual)).isEmpty();
    }

    @Test
    void differencesNameThePathAndBothValues() {
        assertThat(FieldTrees.diff(Map.of("body", Map.of("lsid", 5L)), Map.of("body", Map.of("lsid", 6L))))
                .containsExactly("$.body.lsid: expected 5, actual 6");
        assertThat(FieldTrees.diff(Map.of("x", 1L), Map.of())).containsExactly("$.x: expected 1, actual <absent>");
        assertThat(FieldTrees.diff(List.of(1L), List.of(1L, 2L))).containsExactly("$: expected 1 elements, actual 2");
    }

    @Test
    void anUnknownKaitaiEnumValueMatchesOnlyNumbersTheEnumLacks() {
        UnknownEnumValue unknown = new UnknownEnumValue(Sss.ErrorCode.class);
        assertThat(FieldTrees.diff(Map.of("error_code", 0x10000L), Map.of("error_code", unknown))).isEmpty();
        assertThat(FieldTrees.diff(Map.of("error_code", 3L), Map.of("error_code", unknown))).hasSize(1);
    }

    @Test
    void kaitaiDissectorRejectsBytesLeftOver() {
        byte[] pingAndMore = {14, 0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KaitaiDissector.dissect("frame", pingAndMore))
                .isInstanceOf(IllegalStateException.class);
        assertThat(KaitaiDissector.dissect("frame", new byte[] {14})).isEqualTo(Map.of("frame_type", 14L));
    }
}
