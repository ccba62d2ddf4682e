package org.sss.core.wire.vectors;

import static java.util.List.of;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.sss.core.wire.AckFrame;
import org.sss.core.wire.CookieBoxPlaintext;
import org.sss.core.wire.CookiePacket;
import org.sss.core.wire.CookiePlaintext;
import org.sss.core.wire.HelloPacket;
import org.sss.core.wire.InitiateBoxPlaintext;
import org.sss.core.wire.InitiatePacket;
import org.sss.core.wire.MessagePacket;
import org.sss.core.wire.PacketHeader;
import org.sss.core.wire.PingFrame;
import org.sss.core.wire.PlaintextWriter;
import org.sss.core.wire.RawBytes;
import org.sss.core.wire.ResponderCookie;
import org.sss.core.wire.Setting;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;
import org.sss.core.wire.VouchPlaintext;
import org.sss.core.wire.WireLimits;
import org.sss.core.wire.WireUnit;

/** packet-headers.json and packets.json. Keys, nonces and boxes are fixed byte patterns, opaque here. */
final class PacketVectors {
    private PacketVectors() {
    }

    static ByteBuf bytes(int count, int seed) {
        return Unpooled.wrappedBuffer(RawBytes.pattern(count, seed, 0));
    }

    static ResponderCookie cookie() {
        return new ResponderCookie(bytes(16, 21), bytes(80, 22));
    }

    static VectorFileBuilder headers() {
        VectorFileBuilder file = new VectorFileBuilder("packet-headers", "SPEC.md section 6.3 (Packet header)")
                .note("Typical", "An ordinary header.")
                .note("EdgeValue", "The largest packet number the width holds.")
                .note("NonMinimalWidth", "A packet number field wider than the number needs; allowed.");
        VectorFileBuilder.Group g = file.group(WireUnit.PACKET_HEADER);
        long[] maxima = {0xFFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL, -1L};
        long[] typical = {0x0102L, 0x0102_0304L, 0x0102_0304_0506L, 0x0102_0304_0506_0708L};
        for (int i = 0; i < 4; i++) {
            int width = 2 * (i + 1);
            for (boolean versioned : new boolean[] {false, true}) {
                int version = versioned ? WireLimits.VERSION_1 : PacketHeader.NO_VERSION;
                String v = versioned ? ", version 1" : "";
                g.valid(width + "-byte packet number" + v, of("Typical"), new PacketHeader(version, width, typical[i]));
                g.valid(width + "-byte packet number at its maximum" + v, of("EdgeValue"),
                        new PacketHeader(version, width, maxima[i]));
            }
        }
        g.valid("packet number 0", of("EdgeValue"), new PacketHeader(PacketHeader.NO_VERSION, 2, 0));
        g.valid("packet number 1 in 8 bytes", of("NonMinimalWidth"), new PacketHeader(PacketHeader.NO_VERSION, 8, 1));
        g.valid("packet number 2^63 (8 bytes), version 1", of("EdgeValue"),
                new PacketHeader(WireLimits.VERSION_1, 8, Long.MIN_VALUE));
        return file;
    }

    static VectorFileBuilder packets() {
        VectorFileBuilder file = new VectorFileBuilder("packets",
                "SPEC.md sections 3, 5 and 6 (Packets, Negotiation, Channel)")
                .note("Typical", "An ordinary packet; keys, nonces and boxes are fixed byte patterns.")
                .note("EdgeValue", "A packet at the smallest or largest size or counter its kind allows.");
        VectorFileBuilder.Group g = file.group(WireUnit.DATAGRAM);
        g.valid("HELLO (192 bytes)", of("Typical"), HelloPacket.of(bytes(32, 1), 1, bytes(80, 2)));
        g.valid("HELLO with the largest nonce counter", of("EdgeValue"), HelloPacket.of(bytes(32, 1), -1L, bytes(80, 3)));
        g.valid("COOKIE (168 bytes)", of("Typical"), new CookiePacket(bytes(16, 4), bytes(144, 5)));
        g.valid("INITIATE with the smallest message (M = 16, 272 bytes)", of("EdgeValue"),
                new InitiatePacket(bytes(32, 1), cookie(), 2, bytes(112 + 16, 6)));
        g.valid("INITIATE with M = 160", of("Typical"), new InitiatePacket(bytes(32, 1), cookie(), 3, bytes(112 + 160, 7)));
        g.valid("INITIATE with the largest message (M = 976, 1232 bytes)", of("EdgeValue"),
                new InitiatePacket(bytes(32, 1), cookie(), 4, bytes(112 + 976, 8)));
        g.valid("MESSAGE with the smallest plaintext (M = 16, 80 bytes)", of("EdgeValue"),
                new MessagePacket(bytes(32, 10), 5, bytes(16 + 16, 11)));
        g.valid("MESSAGE with M = 1024", of("Typical"), new MessagePacket(bytes(32, 10), 6, bytes(16 + 1024, 12)));
        g.valid("MESSAGE with the largest plaintext (M = 1168, 1232 bytes) and counter 2^63", of("EdgeValue"),
                new MessagePacket(bytes(32, 10), Long.MIN_VALUE, bytes(16 + 1168, 13)));

        file.group(WireUnit.COOKIE_BOX_PLAINTEXT)
                .valid("COOKIE box plaintext: R' and the cookie", of("Typical"), new CookieBoxPlaintext(bytes(32, 30), cookie()));
        file.group(WireUnit.COOKIE_PLAINTEXT)
                .valid("cookie plaintext: I' and r'", of("Typical"), new CookiePlaintext(bytes(32, 1), bytes(32, 31)));
        file.group(WireUnit.VOUCH_PLAINTEXT)
                .valid("vouch plaintext: I'", of("Typical"), new VouchPlaintext(bytes(32, 1)));
        VectorFileBuilder.Group initiate = file.group(WireUnit.INITIATE_BOX_PLAINTEXT);
        initiate.valid("INITIATE box plaintext: I, vouch nonce, vouch, a 32-byte first message", of("Typical"),
                new InitiateBoxPlaintext(bytes(32, 40), bytes(16, 41), bytes(48, 42), message(2, List.of(
                        new SettingsFrame(of(Setting.of(SettingsTag.MAX_ACK_DELAY_MS, 25))), PingFrame.INSTANCE))));
        initiate.valid("INITIATE box plaintext with the smallest message (SETTINGS with no entries)", of("EdgeValue"),
                new InitiateBoxPlaintext(bytes(32, 40), bytes(16, 43), bytes(48, 44),
                        message(3, List.of(new SettingsFrame(of()), AckFrame.of(1, 1, 0, of())))));
        return file;
    }

    private static ByteBuf message(long packetNumber, List<org.sss.core.wire.Frame> frames) {
        ByteBuf out = Unpooled.buffer();
        PlaintextWriter.write(PacketHeader.of(packetNumber, true), frames, out, WireLimits.MAX_INITIATE_PLAINTEXT);
        return Unpooled.wrappedBuffer(ByteBufUtil.getBytes(out));
    }
}
