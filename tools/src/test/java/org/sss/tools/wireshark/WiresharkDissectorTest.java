package org.sss.tools.wireshark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.spec.SpecInputException;
import org.sss.tools.spec.TestRepo;

/** The generator of tools/wireshark/sss.lua: the committed file is current, and it reads what the spec says. */
class WiresharkDissectorTest {

    @Test
    void committedDissectorMatchesTheKsyAndSpec() throws IOException {
        RepoLayout repo = TestRepo.layout();
        String fresh = WiresharkDissector.generate(repo);
        assertThat(WiresharkDissector.file(repo)).as("tools/wireshark/sss.lua; generate it with ./sss spec wireshark")
                .isRegularFile();
        assertThat(Files.readString(WiresharkDissector.file(repo), StandardCharsets.UTF_8))
                .as("tools/wireshark/sss.lua out of date with spec/sss.ksy or spec/SPEC.md; "
                        + "regenerate it with ./sss spec wireshark")
                .isEqualTo(fresh);
    }

    @Test
    void everyPacketKindOfTheKsyGetsItsFieldsNamedAfterKsyIds() throws IOException {
        String lua = WiresharkDissector.generate(TestRepo.layout());
        assertThat(lua).contains(
                "[\"71564e7135784c68\"] = {", "kind = \"HELLO\"",
                "[\"726c33416e6d786b\"] = {", "kind = \"COOKIE\"",
                "[\"71564e7135784c69\"] = {", "kind = \"INITIATE\"",
                "[\"726c337135784c6d\"] = {", "kind = \"MESSAGE\"",
                "ProtoField.bytes(\"sssv1.hello.initiator_short_term_pk\"",
                "ProtoField.uint64(\"sssv1.hello.nonce_counter\"",
                "ProtoField.bytes(\"sssv1.initiate.cookie.nonce_random\"",
                "ProtoField.bytes(\"sssv1.message.sender_short_term_pk\"",
                "ProtoField.uint64(\"sssv1.magic\"");
    }

    @Test
    void rulesComeFromSpecSectionsThreeOneAndThreeThree() throws IOException {
        RepoLayout repo = TestRepo.layout();
        WireRules rules = SpecRules.read(Files.readString(repo.specMarkdown(), StandardCharsets.UTF_8), "SPEC.md");
        assertThat(rules.defaultPort()).isEqualTo(9660);
        assertThat(rules.magicRequirementShort()).isEqualTo("PKT-MAGIC-3");
        assertThat(rules.magicRequirementUnknown()).isEqualTo("PKT-MAGIC-2");
        assertThat(rules.reserved()).containsExactly(
                new WireRules.ReservedMagic("INITIATE_MESSAGE", "71564e7135784c6f", "PKT-MAGIC-4"));
        assertThat(rules.sizes()).containsOnlyKeys("HELLO", "COOKIE", "INITIATE", "MESSAGE");
        assertThat(rules.sizes().get("HELLO")).isEqualTo(new SizeRule("HELLO", 192, true, 0, 0, 0, "PKT-SIZE-1"));
        assertThat(rules.sizes().get("COOKIE")).isEqualTo(new SizeRule("COOKIE", 168, true, 0, 0, 0, "PKT-SIZE-2"));
        assertThat(rules.sizes().get("INITIATE"))
                .isEqualTo(new SizeRule("INITIATE", 256, false, 16, 16, 976, "PKT-SIZE-3"));
        assertThat(rules.sizes().get("MESSAGE"))
                .isEqualTo(new SizeRule("MESSAGE", 64, false, 16, 16, 1168, "PKT-SIZE-4"));
        assertThat(rules.maxPayload()).isEqualTo(1232);
        assertThat(rules.maxPayloadRequirement()).isEqualTo("PKT-SIZE-7");
    }

    @Test
    void aKsySizeThatContradictsSpecFailsTheGenerator() throws IOException {
        RepoLayout repo = TestRepo.layout();
        String ksy = Files.readString(repo.ksy(), StandardCharsets.UTF_8)
                .replace("      - id: anti_amplification_padding\n        size: 64",
                        "      - id: anti_amplification_padding\n        size: 65");
        assertThat(ksy).contains("size: 65");
        String spec = Files.readString(repo.specMarkdown(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WiresharkDissector.generate(ksy, spec))
                .isInstanceOf(SpecInputException.class)
                .hasMessageContaining("HELLO is 193 bytes in spec/sss.ksy");
    }

    @Test
    void aFieldWithoutFixedSizeFailsTheGenerator() throws IOException {
        RepoLayout repo = TestRepo.layout();
        String ksy = Files.readString(repo.ksy(), StandardCharsets.UTF_8)
                .replace("      - id: nonce_random\n        size: 16\n"
                        + "        doc: Low part of the box nonce; prefix \"cUVVYcpk\".",
                        "      - id: nonce_random\n        size: nonce_length\n        doc: x");
        assertThat(ksy).contains("size: nonce_length");
        String spec = Files.readString(repo.specMarkdown(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WiresharkDissector.generate(ksy, spec))
                .isInstanceOf(SpecInputException.class)
                .hasMessageContaining("cookie_packet.nonce_random has no fixed size");
    }
}
