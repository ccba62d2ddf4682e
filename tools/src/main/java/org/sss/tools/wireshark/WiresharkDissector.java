package org.sss.tools.wireshark;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sss.tools.spec.KsyReader;
import org.sss.tools.spec.KsySpec;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.spec.SpecInputException;

/** Generates {@code tools/wireshark/sss.lua} from a checkout's {@code spec/sss.ksy} and {@code spec/SPEC.md}. */
public final class WiresharkDissector {

    private WiresharkDissector() {
    }

    /** Where the generated dissector lives in a checkout. */
    public static Path file(RepoLayout repo) {
        return repo.root().resolve("tools").resolve("wireshark").resolve("sss.lua");
    }

    /**
     * The dissector's source text for the checkout {@code repo}.
     *
     * @throws SpecInputException if the ksy or SPEC.md says something the generator cannot render
     */
    public static String generate(RepoLayout repo) throws IOException {
        if (!Files.isRegularFile(repo.specMarkdown())) {
            throw new SpecInputException(repo.display(repo.specMarkdown()) + " does not exist");
        }
        String ksyText = Files.readString(repo.ksy(), StandardCharsets.UTF_8);
        String markdown = Files.readString(repo.specMarkdown(), StandardCharsets.UTF_8);
        return generate(ksyText, markdown);
    }

    /** The dissector's source text for ksy text {@code ksyText} and SPEC.md text {@code markdown}. */
    public static String generate(String ksyText, String markdown) throws IOException {
        KsySpec ksy = KsyReader.parse(ksyText);
        String title = new YAMLMapper().readTree(ksyText).path("meta").path("title").asText(ksy.id());
        OuterProtocol protocol = OuterLayout.read(ksy, title);
        WireRules rules = SpecRules.read(markdown, "spec/SPEC.md");
        check(protocol, rules);
        return LuaDissectorWriter.write(protocol, rules);
    }

    /** The ksy and SPEC.md must agree on the kinds and on every size the ksy fixes. */
    private static void check(OuterProtocol protocol, WireRules rules) {
        List<String> problems = new ArrayList<>();
        for (OuterPacket packet : protocol.packets()) {
            SizeRule size = rules.sizes().get(packet.kind());
            if (size == null) {
                problems.add("spec/SPEC.md section 3.3 has no size for " + packet.kind() + " (from spec/sss.ksy)");
            } else if (packet.fixedBodySize().isPresent()
                    && (!size.exact() || size.base() != protocol.magicSize() + packet.fixedBodySize().getAsInt())) {
                problems.add(packet.kind() + " is " + (protocol.magicSize() + packet.fixedBodySize().getAsInt())
                        + " bytes in spec/sss.ksy but spec/SPEC.md section 3.3 says: " + size.describe());
            }
        }
        for (String kind : rules.sizes().keySet()) {
            if (protocol.packets().stream().noneMatch(p -> p.kind().equals(kind))) {
                problems.add("spec/SPEC.md section 3.3 sizes " + kind + ", which spec/sss.ksy does not define");
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecInputException(problems);
        }
    }
}
