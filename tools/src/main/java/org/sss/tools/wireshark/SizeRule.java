package org.sss.tools.wireshark;

/**
 * The length rule of one packet kind (SPEC.md section 3.3): exactly {@code base} bytes, or {@code base + M}
 * with M a multiple of {@code multiple} in {@code minM..maxM}.
 *
 * @param kind        the packet kind, e.g. {@code INITIATE}
 * @param base        the exact size, or the size without M
 * @param exact       whether the size is exactly {@code base}
 * @param multiple    M's granularity (0 when exact)
 * @param minM        M's least value (0 when exact)
 * @param maxM        M's greatest value (0 when exact)
 * @param requirement the requirement that states the rule, e.g. {@code PKT-SIZE-3}
 */
public record SizeRule(String kind, int base, boolean exact, int multiple, int minM, int maxM, String requirement) {

    /** The rule in words, as the expert info states it. */
    public String describe() {
        String article = kind.matches("[AEIOU].*") ? "an " : "a ";
        return exact ? article + kind + " is exactly " + base + " bytes"
                : article + kind + " is " + base + " + M bytes with M a multiple of " + multiple + " in "
                        + minM + ".." + maxM;
    }
}
