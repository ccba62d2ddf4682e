package org.sss.tools.wireshark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sss.conformance.Requirement;
import org.sss.tools.spec.RequirementExtractor;
import org.sss.tools.spec.SpecInputException;

/**
 * Reads {@link WireRules} from SPEC.md: the default port of section 3, the magic table of section 3.1,
 * the size table of section 3.3, and the requirements of those sections, each found by what it says.
 * A rewording that no longer matches is a {@link SpecInputException} naming what was not found.
 */
public final class SpecRules {

    private static final Pattern DEFAULT_PORT =
            Pattern.compile("default UDP port of an SSS responder is \\*\\*(\\d+)\\*\\*");
    private static final Pattern RESERVED_ROW =
            Pattern.compile("\\|\\s*\\*\\(([A-Z_]+)\\)\\*\\s*\\|[^|]*\\|\\s*`([0-9a-f ]+)`\\s*\\|.*reserved.*");
    private static final Pattern SIZE_ROW = Pattern.compile(
            "\\|\\s*([A-Z_]+)\\s*\\|\\s*(?:exactly (\\d+)|(\\d+) \\+ M)\\s*\\|\\s*"
                    + "(?:—|multiple of (\\d+), (\\d+) ≤ M ≤ (\\d+))\\s*\\|.*");
    private static final Pattern MAX_PAYLOAD = Pattern.compile("MUST NOT send a UDP payload longer than (\\d+) bytes");

    private final String name;
    private final String markdown;
    private final List<Requirement> requirements;

    private SpecRules(String markdown, String name) {
        this.name = name;
        this.markdown = markdown;
        this.requirements = RequirementExtractor.extract(markdown, name);
    }

    /** The rules of {@code markdown}, SPEC.md's text; {@code name} is used in messages. */
    public static WireRules read(String markdown, String name) {
        return new SpecRules(markdown, name).rules();
    }

    private WireRules rules() {
        Matcher port = DEFAULT_PORT.matcher(markdown);
        if (!port.find()) {
            throw problem("section 3 states no default UDP port (\"" + DEFAULT_PORT.pattern() + "\")");
        }
        List<WireRules.ReservedMagic> reserved = new ArrayList<>();
        for (String row : section("3.1")) {
            Matcher m = RESERVED_ROW.matcher(row);
            if (m.matches()) {
                String kind = m.group(1);
                reserved.add(new WireRules.ReservedMagic(kind, m.group(2).replace(" ", ""),
                        requirement("3.1", ".*\\breserved " + kind + " magic\\b.*", "the rule on the reserved " + kind
                                + " magic").id()));
            }
        }
        Map<String, SizeRule> sizes = new LinkedHashMap<>();
        for (String row : section("3.3")) {
            Matcher m = SIZE_ROW.matcher(row);
            if (m.matches()) {
                String kind = m.group(1);
                String id = requirement("3.3", "An? " + kind + " packet MUST be .*", "the size rule of " + kind).id();
                sizes.put(kind, m.group(2) != null
                        ? new SizeRule(kind, Integer.parseInt(m.group(2)), true, 0, 0, 0, id)
                        : new SizeRule(kind, Integer.parseInt(m.group(3)), false, Integer.parseInt(m.group(4)),
                                Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), id));
            }
        }
        Requirement maxPayload = requirement("3.3", ".*" + MAX_PAYLOAD.pattern() + ".*", "the largest UDP payload");
        Matcher max = MAX_PAYLOAD.matcher(maxPayload.text());
        max.find();
        return new WireRules(Integer.parseInt(port.group(1)),
                requirement("3.1", ".*datagram shorter than 8 bytes.*", "the rule on datagrams shorter than the magic")
                        .id(),
                requirement("3.1", ".*first 8 bytes are not one of the .* magics.*", "the rule on unknown magics").id(),
                reserved, sizes, Integer.parseInt(max.group(1)), maxPayload.id());
    }

    /** The lines of the numbered section {@code number}, up to the next heading. */
    private List<String> section(String number) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : markdown.split("\r?\n")) {
            if (line.startsWith("#")) {
                in = line.matches("#+\\s+" + Pattern.quote(number) + "\\s.*");
            } else if (in) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw problem("has no section " + number);
        }
        return lines;
    }

    private Requirement requirement(String section, String regex, String what) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        return requirements.stream()
                .filter(r -> r.section().equals(section) && pattern.matcher(r.text()).matches())
                .findFirst()
                .orElseThrow(() -> problem("section " + section + " has no requirement for " + what
                        + " (a requirement text matching /" + regex + "/)"));
    }

    private SpecInputException problem(String what) {
        return new SpecInputException(name + ": " + what.toLowerCase(Locale.ROOT).charAt(0) + what.substring(1));
    }
}
