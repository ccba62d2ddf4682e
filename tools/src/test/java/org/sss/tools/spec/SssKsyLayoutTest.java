package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout tool applied to the real sss.ksy, checked against sizes the design fixes. */
class SssKsyLayoutTest {

    private static final int MAGIC = 8;
    private static final int BOX_TAG = 16;
    private static final Pattern DOCUMENTED_MASK = Pattern.compile("^(?:Flags?|Bits) (0x[0-9A-Fa-f]+)");

    private static KsySpec ksy;

    @BeforeAll
    static void readKsy() throws IOException {
        ksy = KsyReader.read(TestRepo.layout().ksy());
    }

    @Test
    void helloIs192BytesAndCookieIs168WithTheMagic() {
        assertThat(fixedSize("hello_packet") + MAGIC).isEqualTo(192);
        assertThat(fixedSize("cookie_packet") + MAGIC).isEqualTo(168);
    }

    @Test
    void eachBoxIsItsPlaintextPlusTheTag() {
        assertThat(fieldSize("hello_packet", "box")).isEqualTo(fixedSize("hello_box_plaintext") + BOX_TAG);
        assertThat(fieldSize("cookie_packet", "box")).isEqualTo(fixedSize("cookie_box_plaintext") + BOX_TAG);
        assertThat(fieldSize("responder_cookie", "box")).isEqualTo(fixedSize("cookie_plaintext") + BOX_TAG);
        assertThat(fieldSize("initiate_box_plaintext", "vouch")).isEqualTo(fixedSize("vouch_plaintext") + BOX_TAG);
    }

    @Test
    void usidIs24BytesAndTheCookie96() {
        assertThat(fixedSize("usid")).isEqualTo(24);
        assertThat(fixedSize("responder_cookie")).isEqualTo(96);
    }

    @Test
    void everyDocumentedFlagMaskIsTheMaskOfItsBits() {
        List<String> checked = new ArrayList<>();
        for (KsyType type : ksy.types().values()) {
            for (TypeLayout.Row row : TypeLayout.of(type, ksy).rows()) {
                Matcher documented = DOCUMENTED_MASK.matcher(row.field().doc());
                if (documented.find()) {
                    long expected = Long.decode(documented.group(1));
                    long computed = Long.decode(row.size().replaceAll(".*\\((0x[0-9A-F]+)\\)", "$1"));
                    assertThat(computed).as("%s.%s", type.name(), row.field().id()).isEqualTo(expected);
                    checked.add(type.name() + "." + row.field().id());
                }
            }
        }
        assertThat(checked).contains("packet_header.seq_size_code", "stream_frame.offset_size_code",
                "stream_frame.reserved");
    }

    private static int fixedSize(String typeName) {
        Offset end = TypeLayout.of(ksy.type(typeName).orElseThrow(), ksy).end();
        assertThat(end.constant()).as("%s has a fixed size", typeName).isTrue();
        return end.bytes();
    }

    private static int fieldSize(String typeName, String field) {
        return ksy.type(typeName).orElseThrow().seq().stream()
                .filter(f -> f.id().equals(field))
                .findFirst().orElseThrow()
                .literalSize().orElseThrow();
    }
}
