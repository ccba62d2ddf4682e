package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTableWriterTest {

    private static final KsySpec FIXTURE = KsyReader.parse("""
            meta:
              id: fixture
              endian: be
            seq:
              - id: magic
                contents: [0x51, 0x56]
              - id: kind
                type: u1
                enum: kind
                valid:
                  in-enum: true
                doc: Selects the body. Anything else is rejected.
              - id: body
                size-eos: true
                type:
                  switch-on: kind
                  cases:
                    'kind::pair': pair
                    'kind::text': text
            types:
              pair:
                doc: Two fixed-size parts behind a flag byte.
                seq:
                  - id: reserved
                    type: b3
                    valid: 0
                    doc: Bits 0xE0, e.g. for later use. Zero in version 1.
                  - id: code
                    type: b5
                  - id: first
                    type: u4
                  - id: second
                    type: b48
                  - id: third
                    type: text
                    size: 8
                    doc: Pipes | are escaped.
              text:
                seq:
                  - id: len_value
                    type: u2
                  - id: value
                    type: str
                    size: len_value
                    encoding: UTF-8
                  - id: after
                    type: u1
              optional:
                seq:
                  - id: has_extra
                    type: b1
                  - id: width_code
                    type: b11
                  - id: extra
                    type: u4
                    if: has_extra
                  - id: tail
                    type: u2
                  - id: items
                    type: pair
                    repeat: expr
                    repeat-expr: width_code
                  - id: three
                    type: u2
                    repeat: expr
                    repeat-expr: 3
                  - id: rest
                    type: u1
                    repeat: eos
                instances:
                  width:
                    value: 'width_code * 2'
                    doc: Twice the code.
              nothing:
                seq: []
            enums:
              kind:
                1: pair
                2:
                  id: text
                  doc: A length-prefixed string.
            """);

    private final LayoutTableWriter writer = new LayoutTableWriter(FIXTURE);

    @Test
    void startsWithTheGeneratedNoteAndTheHeader() {
        assertThat(writer.write("pair").lines().limit(4)).containsExactly(
                "Generated from sss.ksy type `pair`; do not edit.",
                "",
                "| Offset | Size | Field | Type | Present when | Description |",
                "| --- | --- | --- | --- | --- | --- |");
    }

    @Test
    void showsRootTypeWithContentsEnumValidAndSwitchCases() {
        assertThat(rows(writer.write("fixture"))).containsExactly(
                "| 0 | 2 | `magic` | fixed bytes |  |  |",
                "| 2 | 1 | `kind` | u1, enum `kind`, in enum |  | Selects the body. |",
                "| 3 | rest | `body` | switch on `kind` |  | Cases: `pair` → `pair`, `text` → `text`. |");
    }

    @Test
    void packsBitFieldsIntoBytesWithMasksAndTreatsWholeByteBitFieldsAsIntegers() {
        String table = writer.write("pair");

        assertThat(rows(table)).containsExactly(
                "| 0 | 3 bits (0xE0) | `reserved` | b3, = 0 |  | Bits 0xE0, e.g. for later use. |",
                "| 0 | 5 bits (0x1F) | `code` | b5 |  |  |",
                "| 1 | 4 | `first` | u4 |  |  |",
                "| 5 | 6 | `second` | b48 |  |  |",
                "| 11 | 8 | `third` | `text` |  | Pipes \\| are escaped. |");
        assertThat(table).contains("Fixed size: 19 bytes. Bit masks are relative to the byte at offset 0.");
    }

    @Test
    void namesALengthFieldInTheOffsetsThatFollowIt() {
        assertThat(rows(writer.write("text"))).containsExactly(
                "| 0 | 2 | `len_value` | u2 |  |  |",
                "| 2 | `len_value` | `value` | str (UTF-8) |  |  |",
                "| 2+len_value | 1 | `after` | u1 |  |  |");
    }

    @Test
    void marksOffsetsAfterConditionalOrRepeatedFieldsAsVariable() {
        String table = writer.write("optional");

        assertThat(rows(table)).containsExactly(
                "| 0 | 1 bit (0x8000) | `has_extra` | b1 |  |  |",
                "| 0–1 | 11 bits (0x7FF0) | `width_code` | b11 |  |  |",
                "| 2 | 4 | `extra` | u4 | `has_extra` |  |",
                "| var | 2 | `tail` | u2 |  |  |",
                "| var | 19 each | `items` | `pair`, repeated `width_code` times |  |  |",
                "| var | 6 | `three` | u2, repeated `3` times |  |  |",
                "| var | rest | `rest` | u1, repeated to the end |  |  |");
        assertThat(table).contains("Bit masks are relative to the 2-byte big-endian word at offset 0.")
                .doesNotContain("Fixed size")
                .contains("| `width` | `width_code * 2` | Twice the code. |");
    }

    @Test
    void saysSoWhenATypeHasNoFields() {
        assertThat(writer.write("nothing")).endsWith("This type has no fields (0 bytes).\n");
    }

    @Test
    void refusesAnUnknownType() {
        assertThatThrownBy(() -> writer.write("triple"))
                .isInstanceOf(SpecInputException.class)
                .hasMessage("sss.ksy has no type triple");
    }

    @Test
    void listsEnumValuesWithTheirDocs() {
        assertThat(new EnumTableWriter(FIXTURE).write("kind")).isEqualTo("""
                Generated from sss.ksy enum `kind`; do not edit.

                | Value | Name | Description |
                | --- | --- | --- |
                | 1 | `pair` |  |
                | 2 | `text` | A length-prefixed string. |
                """);
    }

    private static List<String> rows(String block) {
        return block.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Offset") && !l.startsWith("| ---")
                && !l.startsWith("| Derived") && !l.startsWith("| `width`")).toList();
    }
}
