package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.sss.spec.vectors.FieldTrees;
import org.sss.spec.vectors.KaitaiDissector;

/**
 * The reference codec equals the spec, checked against the Kaitai parser generated from
 * {@code sss.ksy} in both directions. Values first: generated frames, headers, plaintexts, packets
 * and service messages are encoded by the reference codec, parsed by Kaitai, and every field
 * compared. Bytes first: layouts written field by field without the codec are parsed by both and
 * their fields compared, then re-encoded byte for byte. jqwik prints the seed of any failure;
 * rerun with {@code @Property(seed = "...")} to replay it.
 */
class KaitaiEquivalenceTest {

    @Provide
    Arbitrary<Frame> frames() {
        // a frame longer than the largest plaintext allows cannot be received, so it is not generated
        return Arbitraries.randomValue(RandomWire::frame)
                .filter(frame -> FrameCodec.encodedLength(frame) <= FrameCodec.MAX_FRAME_SPAN);
    }

    @Provide
    Arbitrary<PacketHeader> headers() {
        return Arbitraries.randomValue(RandomWire::header);
    }

    @Provide
    Arbitrary<MessagePlaintext> plaintexts() {
        return Arbitraries.randomValue(RandomWire::plaintext);
    }

    @Provide
    Arbitrary<Packet> packets() {
        return Arbitraries.randomValue(RandomWire::packet);
    }

    @Provide
    Arbitrary<ServiceMessage> serviceMessages() {
        return Arbitraries.randomValue(RandomWire::serviceMessage);
    }

    @Property(tries = 2000)
    void encodedFramesReadTheSameWithKaitai(@ForAll("frames") Frame frame) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(frame, out);
        assertThat(out.readableBytes()).as("encodedLength").isEqualTo(FrameCodec.encodedLength(frame));
        byte[] bytes = ByteBufUtil.getBytes(out);
        assertThat(FieldTrees.diff(WireFields.of(frame), KaitaiDissector.dissect("frame", bytes))).isEmpty();
        DecodeResult<Frame> decoded = FrameCodec.decode(out);
        assertThat(decoded.isOk()).as("%s", decoded).isTrue();
        assertThat(decoded.value()).isEqualTo(frame);
        assertThat(out.isReadable()).as("bytes left after decoding").isFalse();
    }

    @Property
    void encodedHeadersReadTheSameWithKaitai(@ForAll("headers") PacketHeader header) {
        ByteBuf out = Unpooled.buffer();
        PacketHeaderCodec.encode(header, out);
        assertThat(out.readableBytes()).isEqualTo(header.encodedLength());
        byte[] bytes = ByteBufUtil.getBytes(out);
        assertThat(FieldTrees.diff(WireFields.of(header), KaitaiDissector.dissect("packet_header", bytes))).isEmpty();
        assertThat(PacketHeaderCodec.decode(out).value()).isEqualTo(header);
    }

    @Property(tries = 500)
    void encodedPlaintextsReadTheSameWithKaitai(@ForAll("plaintexts") MessagePlaintext plaintext) {
        ByteBuf out = Unpooled.buffer();
        PlaintextWriter.writeExactly(plaintext, out);
        assertThat(out.readableBytes()).isEqualTo(plaintext.encodedLength());
        assertThat(out.readableBytes() % 16).isZero();
        byte[] bytes = ByteBufUtil.getBytes(out);
        assertThat(FieldTrees.diff(WireFields.of(plaintext), KaitaiDissector.dissect("message_plaintext", bytes))).isEmpty();
        assertThat(FrameReader.decode(out).value()).isEqualTo(plaintext);
    }

    @Property(tries = 300)
    void encodedPacketsReadTheSameWithKaitai(@ForAll("packets") Packet packet) {
        ByteBuf out = Unpooled.buffer();
        PacketCodec.encode(packet, out);
        assertThat(out.readableBytes()).isEqualTo(PacketCodec.encodedLength(packet));
        byte[] bytes = ByteBufUtil.getBytes(out);
        assertThat(FieldTrees.diff(WireFields.of(packet), KaitaiDissector.dissect("datagram", bytes))).isEmpty();
        assertThat(PacketCodec.decode(out).value()).isEqualTo(packet);
    }

    @Property
    void encodedServiceMessagesReadTheSameWithKaitai(@ForAll("serviceMessages") ServiceMessage message) {
        ByteBuf out = Unpooled.buffer();
        ServiceMessageCodec.encode(message, out);
        assertThat(out.readableBytes()).isEqualTo(ServiceMessageCodec.encodedLength(message));
        byte[] bytes = ByteBufUtil.getBytes(out);
        assertThat(FieldTrees.diff(WireFields.of(message), KaitaiDissector.dissect("service_message", bytes))).isEmpty();
        assertThat(ServiceMessageCodec.decode(out).value()).isEqualTo(message);
    }

    @Provide
    Arbitrary<byte[]> frameLayouts() {
        return Arbitraries.randomValue(RawLayouts::frame);
    }

    @Provide
    Arbitrary<byte[]> headerLayouts() {
        return Arbitraries.randomValue(RawLayouts::header);
    }

    @Provide
    Arbitrary<byte[]> plaintextLayouts() {
        return Arbitraries.randomValue(RawLayouts::plaintext);
    }

    @Provide
    Arbitrary<byte[]> datagramLayouts() {
        return Arbitraries.randomValue(RawLayouts::datagram);
    }

    @Provide
    Arbitrary<byte[]> serviceMessageLayouts() {
        return Arbitraries.randomValue(RawLayouts::serviceMessage);
    }

    @Property(tries = 2000)
    void frameLayoutsDecodeLikeKaitai(@ForAll("frameLayouts") byte[] layout) {
        bytesFirst(WireUnit.FRAME, layout);
    }

    @Property
    void headerLayoutsDecodeLikeKaitai(@ForAll("headerLayouts") byte[] layout) {
        bytesFirst(WireUnit.PACKET_HEADER, layout);
    }

    @Property(tries = 500)
    void plaintextLayoutsDecodeLikeKaitai(@ForAll("plaintextLayouts") byte[] layout) {
        bytesFirst(WireUnit.MESSAGE_PLAINTEXT, layout);
    }

    @Property(tries = 300)
    void datagramLayoutsDecodeLikeKaitai(@ForAll("datagramLayouts") byte[] layout) {
        bytesFirst(WireUnit.DATAGRAM, layout);
    }

    @Property
    void serviceMessageLayoutsDecodeLikeKaitai(@ForAll("serviceMessageLayouts") byte[] layout) {
        bytesFirst(WireUnit.SERVICE_MESSAGE, layout);
    }

    private static void bytesFirst(WireUnit unit, byte[] layout) {
        Object kaitai = KaitaiDissector.dissect(unit.ksyType(), layout);
        ByteBuf in = Unpooled.wrappedBuffer(layout);
        DecodeResult<?> decoded = unit.decode(in);
        assertThat(decoded.isOk()).as("reference decoder: %s", decoded).isTrue();
        assertThat(in.isReadable()).as("bytes left after decoding").isFalse();
        assertThat(FieldTrees.diff(kaitai, unit.fields(decoded.value()))).isEmpty();
        ByteBuf out = Unpooled.buffer();
        unit.encode(decoded.value(), out);
        assertThat(HexFormat.of().formatHex(ByteBufUtil.getBytes(out))).isEqualTo(HexFormat.of().formatHex(layout));
    }

    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        return Arbitraries.randomValue(r -> mutate(r, RawLayouts.frame(r)));
    }

    @Provide
    Arbitrary<byte[]> mutatedPlaintexts() {
        return Arbitraries.randomValue(r -> mutate(r, RawLayouts.plaintext(r)));
    }

    @Provide
    Arbitrary<byte[]> mutatedServiceMessages() {
        return Arbitraries.randomValue(r -> mutate(r, RawLayouts.serviceMessage(r)));
    }

    @Provide
    Arbitrary<byte[]> mutatedDatagrams() {
        return Arbitraries.randomValue(r -> mutate(r, RawLayouts.datagram(r)));
    }

    /** Flips, overwrites, cuts or extends a valid layout. */
    private static byte[] mutate(Random r, byte[] bytes) {
        byte[] result = bytes;
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            switch (r.nextInt(4)) {
                case 0:
                    if (result.length > 0) {
                        result[r.nextInt(result.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                    break;
                case 1:
                    if (result.length > 0) {
                        result[r.nextInt(Math.min(result.length, 12))] = (byte) r.nextInt(256);
                    }
                    break;
                case 2:
                    result = Arrays.copyOf(result, r.nextInt(result.length + 1));
                    break;
                default:
                    result = Arrays.copyOf(result, result.length + 1 + r.nextInt(16));
                    break;
            }
        }
        return result;
    }

    @Property(tries = 3000)
    void damagedFramesNeverThrowAndWhenAcceptedReadAsKaitaiReadsThem(@ForAll("mutatedFrames") byte[] input) {
        differential(WireUnit.FRAME, input);
    }

    @Property(tries = 1000)
    void damagedPlaintextsNeverThrowAndWhenAcceptedReadAsKaitaiReadsThem(@ForAll("mutatedPlaintexts") byte[] input) {
        differential(WireUnit.MESSAGE_PLAINTEXT, input);
    }

    @Property(tries = 1000)
    void damagedServiceMessagesNeverThrowAndWhenAcceptedReadAsKaitaiReadsThem(
            @ForAll("mutatedServiceMessages") byte[] input) {
        differential(WireUnit.SERVICE_MESSAGE, input);
    }

    @Property(tries = 500)
    void damagedDatagramsNeverThrowAndWhenAcceptedReadAsKaitaiReadsThem(@ForAll("mutatedDatagrams") byte[] input) {
        differential(WireUnit.DATAGRAM, input);
    }

    @Property(tries = 3000)
    void garbageNeverThrowsOutOfAnyDecoder(@ForAll byte[] garbage) {
        for (WireUnit unit : WireUnit.values()) {
            if (unit != WireUnit.INITIATE_BOX_PLAINTEXT) {
                differential(unit, garbage);
            } else {
                unit.decode(Unpooled.wrappedBuffer(garbage));
            }
        }
        new FrameReader().read(Unpooled.wrappedBuffer(garbage), FrameVisitor.collecting(new java.util.ArrayList<>()));
    }

    /**
     * Decodes without an exception; if the reference decoder accepts the bytes it consumed, the Kaitai
     * parser must read the same bytes to the same fields (the reverse need not hold: the ksy cannot
     * state every rule).
     */
    private static void differential(WireUnit unit, byte[] input) {
        ByteBuf in = Unpooled.wrappedBuffer(input);
        DecodeResult<?> decoded = unit.decode(in);
        Statistics.label(unit.ksyType()).collect(decoded.isOk() ? "accepted" : decoded.dropReason().name());
        if (decoded.isOk()) {
            byte[] consumed = Arrays.copyOf(input, in.readerIndex());
            assertThat(FieldTrees.diff(KaitaiDissector.dissect(unit.ksyType(), consumed), unit.fields(decoded.value())))
                    .isEmpty();
        } else {
            assertThat(decoded.dropReason()).isNotNull();
        }
    }
}
