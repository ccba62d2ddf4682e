package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldWidthsTest {

    @Test
    void offsetWidthIsTheSmallestOfZeroAndTwoToEightBytes() {
        assertThat(FieldWidths.minimalOffsetWidth(0)).isZero();
        assertThat(FieldWidths.minimalOffsetWidth(1)).isEqualTo(2);
        assertThat(FieldWidths.minimalOffsetWidth(0xFFFF)).isEqualTo(2);
        assertThat(FieldWidths.minimalOffsetWidth(0x1_0000)).isEqualTo(3);
        assertThat(FieldWidths.minimalOffsetWidth(0xFFFF_FFFFL)).isEqualTo(4);
        assertThat(FieldWidths.minimalOffsetWidth(1L << 32)).isEqualTo(5);
        assertThat(FieldWidths.minimalOffsetWidth(1L << 40)).isEqualTo(6);
        assertThat(FieldWidths.minimalOffsetWidth(1L << 48)).isEqualTo(7);
        assertThat(FieldWidths.minimalOffsetWidth(1L << 56)).isEqualTo(8);
    }

    @Test
    void packetNumberWidthIsTheSmallestOfTwoFourSixEightBytes() {
        assertThat(FieldWidths.minimalPacketNumberWidth(0)).isEqualTo(2);
        assertThat(FieldWidths.minimalPacketNumberWidth(0xFFFF)).isEqualTo(2);
        assertThat(FieldWidths.minimalPacketNumberWidth(0x1_0000)).isEqualTo(4);
        assertThat(FieldWidths.minimalPacketNumberWidth(0xFFFF_FFFFL)).isEqualTo(4);
        assertThat(FieldWidths.minimalPacketNumberWidth(1L << 32)).isEqualTo(6);
        assertThat(FieldWidths.minimalPacketNumberWidth(1L << 48)).isEqualTo(8);
        assertThat(FieldWidths.minimalPacketNumberWidth(-1L)).isEqualTo(8);
    }

    @Test
    void headerMatchesTheLowBitsOfTheNonceCounter() {
        PacketHeader header = new PacketHeader(PacketHeader.NO_VERSION, 2, 0x0102);
        assertThat(header.matchesCounter(0x0102)).isTrue();
        assertThat(header.matchesCounter(0x7_0102)).isTrue();
        assertThat(header.matchesCounter(0x0103)).isFalse();
        assertThat(new PacketHeader(1, 8, -1L).matchesCounter(-1L)).isTrue();
    }
}
