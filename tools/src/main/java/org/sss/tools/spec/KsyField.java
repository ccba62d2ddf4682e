package org.sss.tools.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attribute of a Kaitai {@code seq}, with the keys the layout tables show. Expressions are kept
 * as written in the ksy.
 *
 * @param id          the attribute's {@code id}
 * @param type        the {@code type} when it is a name ({@code u2}, {@code b3}, {@code usid}); null
 *                    for raw bytes and for a switch
 * @param switchOn    the {@code switch-on} expression of a switched type, else null
 * @param cases       the cases of a switched type, key as written to type name; empty if none
 * @param size        the {@code size} as written (a number or an expression), else null
 * @param sizeEos     whether {@code size-eos: true}
 * @param condition   the {@code if} expression, else null
 * @param repeat      {@code expr}, {@code eos} or {@code until}, else null
 * @param repeatCount the {@code repeat-expr} or {@code repeat-until} expression, else null
 * @param enumName    the {@code enum}, else null
 * @param valid       the {@code valid} constraint in words ({@code = 0}, {@code in enum}), else null
 * @param contents    the length of fixed {@code contents}, or -1 if none
 * @param encoding    the {@code encoding} of a string, else null
 * @param doc         the {@code doc}, whitespace folded; empty if none
 */
public record KsyField(
        String id,
        String type,
        String switchOn,
        Map<String, String> cases,
        String size,
        boolean sizeEos,
        String condition,
        String repeat,
        String repeatCount,
        String enumName,
        String valid,
        int contents,
        String encoding,
        String doc) {

    /** Copies {@code cases}, keeping their order. */
    public KsyField {
        cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
    }

    /** The size when it is written as a plain number of bytes. */
    public OptionalInt literalSize() {
        if (size != null && size.chars().allMatch(Character::isDigit) && !size.isEmpty()) {
            return OptionalInt.of(Integer.parseInt(size));
        }
        return OptionalInt.empty();
    }

    /** The width in bits when the type is a bit-sized integer {@code bN}. */
    public OptionalInt bitWidth() {
        return Optional.ofNullable(type)
                .filter(t -> t.matches("b[0-9]+(be|le)?"))
                .map(t -> OptionalInt.of(Integer.parseInt(t.replaceAll("[^0-9]", ""))))
                .orElse(OptionalInt.empty());
    }

    /** Whether the attribute is always present once; no {@code if} and no {@code repeat}. */
    public boolean alwaysOnce() {
        return condition == null && repeat == null;
    }
}
