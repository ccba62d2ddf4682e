package org.sss.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The wire-string validator agrees with the JDK's strict UTF-8 decoder. */
class Utf8ValidatorTest {

    @Provide
    Arbitrary<byte[]> utf8ish() {
        // lead bytes and continuation bytes in the ranges where validators go wrong
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
                (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xA0, (byte) 0xED, (byte) 0x9F, (byte) 0xEF, (byte) 0xF0,
                (byte) 0x90, (byte) 0xF4, (byte) 0x8F, (byte) 0xF5, (byte) 0xFF);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(12);
    }

    @Property(tries = 5000)
    void acceptsExactlyWhatTheStrictJdkDecoderAccepts(@ForAll("utf8ish") byte[] bytes) {
        boolean jdk;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        assertThat(Utf8.firstMalformed(Unpooled.wrappedBuffer(bytes), 0, bytes.length) < 0).isEqualTo(jdk);
    }
}
