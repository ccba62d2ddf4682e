package org.sss.tools.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SpecTables on a fragment of SPEC.md (test resource spec-fragment.md) and the real sss.ksy. */
class GeneratedRegionsTest {

    private static KsySpec ksy;
    private static String fragment;

    @BeforeAll
    static void read() throws IOException {
        ksy = KsyReader.read(TestRepo.layout().ksy());
        try (InputStream in = GeneratedRegionsTest.class.getResourceAsStream("spec-fragment.md")) {
            fragment = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void fillsEveryRegionAndKeepsTheProseAround() {
        GeneratedRegions.Rewrite rewrite = new SpecTables(ksy).apply(fragment, "fragment.md");

        assertThat(rewrite.regions()).extracting(Object::toString)
                .containsExactly("LAYOUT usid", "ENUM frame_type", "LAYOUT packet_header");
        assertThat(rewrite.stale()).isEqualTo(rewrite.regions());
        assertThat(rewrite.text())
                .contains("""
                        <!-- BEGIN LAYOUT usid -->

                        Generated from sss.ksy type `usid`; do not edit.

                        | Offset | Size | Field | Type | Present when | Description |
                        """)
                .contains("| 16 | 8 | `creation_lsid` | u8 |  |")
                .contains("| 2 | `ack` |")
                .contains("| 0 | 2 bits (0x0C) | `seq_size_code` | b2 |")
                .contains("Prose before the USID table stays.\n")
                .contains("Prose after the last table stays.\n")
                .doesNotContain("stale row");
        assertThat(withoutRegions(rewrite.text())).isEqualTo(withoutRegions(fragment));
    }

    @Test
    void aSecondRunChangesNothing() {
        SpecTables tables = new SpecTables(ksy);
        String once = tables.apply(fragment, "fragment.md").text();

        GeneratedRegions.Rewrite twice = tables.apply(once, "fragment.md");

        assertThat(twice.stale()).isEmpty();
        assertThat(twice.text()).isEqualTo(once);
    }

    @Test
    void reportsEveryUnknownNameAndUnbalancedMarkerWithItsLine() {
        String broken = """
                <!-- BEGIN LAYOUT no_such_type -->
                <!-- END LAYOUT no_such_type -->
                <!-- BEGIN ENUM no_such_enum -->
                <!-- END ENUM no_such_enum -->
                <!-- BEGIN TABLE usid -->
                <!-- END TABLE usid -->
                <!-- END LAYOUT usid -->
                <!-- BEGIN LAYOUT usid -->
                <!-- END LAYOUT ack_frame -->
                <!-- BEGIN LAYOUT ack_frame -->
                """;

        assertThatThrownBy(() -> new SpecTables(ksy).apply(broken, "broken.md"))
                .isInstanceOfSatisfying(SpecInputException.class, e -> assertThat(e.problems()).containsExactly(
                        "broken.md:1: sss.ksy has no type no_such_type",
                        "broken.md:3: sss.ksy has no enum no_such_enum",
                        "broken.md:5: unknown kind of generated region: TABLE (expected LAYOUT or ENUM)",
                        "broken.md:7: END LAYOUT usid without a BEGIN",
                        "broken.md:9: END LAYOUT ack_frame closes region LAYOUT usid opened at line 8",
                        "broken.md:10: BEGIN LAYOUT ack_frame has no END"));
    }

    private static String withoutRegions(String markdown) {
        return markdown.replaceAll("(?s)(<!-- BEGIN [^>]*-->).*?(<!-- END [^>]*-->)", "$1$2");
    }
}
