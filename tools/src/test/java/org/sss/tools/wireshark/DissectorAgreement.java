package org.sss.tools.wireshark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.sss.tools.cli.SssCommand;
import picocli.CommandLine;

/**
 * Checks, datagram by datagram, that tshark with the generated dissector shows the packet kind and
 * the outer fields that {@code sss dissect --json} prints for the same capture, and that its expert
 * info cites the same requirements of SPEC.md sections 3.1 and 3.3. tshark runs with the port
 * preference off, so only the heuristic (by magic) claims datagrams: those {@code sss dissect} calls
 * SHORT or UNKNOWN must not be claimed.
 */
public final class DissectorAgreement {
    /** The name the Lua dissector gives its fields. */
    public static final String P = "sssv1";
    /** tshark options of the comparison: heuristic only. */
    public static final List<String> OPTIONS = List.of("-o", P + ".udp_port:0");
    /** sss dissect's outer field names, by packet kind, and the tshark field that must show the same bytes. */
    static final Map<String, Map<String, String>> OUTER = Map.of(
            "HELLO", Map.of("I'", P + ".hello.initiator_short_term_pk"),
            "COOKIE", Map.of("nonce", P + ".cookie.nonce_random"),
            "INITIATE", Map.of("I'", P + ".initiate.initiator_short_term_pk"),
            "MESSAGE", Map.of("sender key", P + ".message.sender_short_term_pk"));
    /** The tshark field that shows sss dissect's {@code counter}, by packet kind. */
    static final Map<String, String> COUNTER = Map.of(
            "HELLO", P + ".hello.nonce_counter",
            "INITIATE", P + ".initiate.nonce_counter",
            "MESSAGE", P + ".message.nonce_counter");
    /** Every field the comparison reads. */
    public static final List<String> FIELDS = fields();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DissectorAgreement() {
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("frame.number", "udp.length", P + ".kind", P + ".length",
                P + ".magic"));
        for (String kind : List.of("HELLO", "COOKIE", "INITIATE", "MESSAGE")) {
            fields.addAll(new TreeSet<>(OUTER.get(kind).values()));
            if (COUNTER.containsKey(kind)) {
                fields.add(COUNTER.get(kind));
            }
        }
        fields.add("_ws.expert.message");
        return List.copyOf(fields);
    }

    /** What {@code sss dissect FILE --json} prints, parsed. */
    public static JsonNode dissect(Path pcap) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SssCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("dissect", pcap.toString(), "--json");
        assertThat(exit).as("sss dissect %s --json: %s", pcap, err).isZero();
        return JSON.readTree(out.toString());
    }

    /**
     * Compares tshark's view of {@code pcap} with sss dissect's and returns tshark's rows.
     *
     * @return the tshark rows, one per UDP datagram
     */
    public static List<Map<String, String>> check(Tshark tshark, Path pcap) throws IOException, InterruptedException {
        JsonNode expected = dissect(pcap);
        List<Map<String, String>> rows = tshark.fields(pcap, OPTIONS, FIELDS);
        String where = pcap.getFileName() + " (" + String.join(" ", tshark.command(pcap, OPTIONS, FIELDS)) + ")";
        assertThat(rows).as("UDP datagrams tshark shows in %s", where).hasSize(expected.size());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < rows.size(); i++) {
            compare(soft, pcap.getFileName() + " datagram " + (i + 1), expected.get(i), rows.get(i));
        }
        soft.assertAll();
        return rows;
    }

    private static void compare(SoftAssertions soft, String where, JsonNode p, Map<String, String> row) {
        String kind = p.get("kind").asText();
        int length = p.get("length").asInt();
        soft.assertThat(Integer.parseInt(row.get("udp.length")) - 8).as("%s: payload length", where).isEqualTo(length);
        if (kind.equals("SHORT") || kind.equals("UNKNOWN")) {
            soft.assertThat(row.get(P + ".kind")).as("%s: sss dissect says %s; the heuristic must not claim it",
                    where, kind).isEmpty();
            return;
        }
        soft.assertThat(row.get(P + ".kind")).as("%s: packet kind", where).isEqualTo(kind);
        soft.assertThat(row.get(P + ".length")).as("%s: " + P + ".length", where).isEqualTo(String.valueOf(length));
        JsonNode outer = p.get("outer");
        soft.assertThat(magic(row.get(P + ".magic"))).as("%s: magic", where).isEqualTo(outer.path("magic").asText());
        Map<String, String> fields = OUTER.getOrDefault(kind, Map.of());
        boolean parsed = !outer.has("parse error");
        for (Iterator<String> names = outer.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("magic") || name.equals("parse error")) {
                continue;
            }
            soft.assertThat(fields).as("%s: sss dissect prints outer field '%s'; the comparison must know it",
                    where, name).containsKey(name);
            if (fields.containsKey(name)) {
                soft.assertThat(row.get(fields.get(name))).as("%s: %s vs outer '%s'", where, fields.get(name), name)
                        .isEqualTo(outer.get(name).asText());
            }
        }
        if (parsed) {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                soft.assertThat(outer.has(f.getKey())).as("%s: sss dissect shows '%s' (tshark: %s)", where,
                        f.getKey(), f.getValue()).isTrue();
            }
        }
        JsonNode counter = p.get("counter");
        if (COUNTER.containsKey(kind) && parsed) {
            soft.assertThat(row.get(COUNTER.get(kind))).as("%s: nonce counter", where)
                    .isEqualTo(counter == null || counter.isNull() ? "" : counter.asText());
        }
        soft.assertThat(ids(row.get("_ws.expert.message"))).as("%s: requirements in tshark's expert info", where)
                .isEqualTo(packetRuleIds(p.get("violations")));
    }

    /** {@code 0x71564e7135784c68} as 16 lower-case hex digits. */
    private static String magic(String shown) {
        String hex = shown.startsWith("0x") ? shown.substring(2) : shown;
        return hex.isEmpty() ? "" : "0".repeat(Math.max(0, 16 - hex.length())) + hex.toLowerCase();
    }

    /** The requirement IDs at the start of tshark's expert messages. */
    public static Set<String> ids(String messages) {
        Set<String> ids = new TreeSet<>();
        for (String message : messages.split(java.util.regex.Pattern.quote(Tshark.AGGREGATOR))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(PKT-[A-Z]+-\\d+):").matcher(message);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** sss dissect's violations of the packet rules (PKT-MAGIC-*, PKT-SIZE-*), the ones the Lua dissector checks. */
    private static Set<String> packetRuleIds(JsonNode violations) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode v : violations) {
            String id = v.isObject() ? v.path("id").asText() : v.asText().split(":", 2)[0];
            if (id.startsWith("PKT-MAGIC-") || id.startsWith("PKT-SIZE-")) {
                ids.add(id);
            }
        }
        return ids;
    }
}
