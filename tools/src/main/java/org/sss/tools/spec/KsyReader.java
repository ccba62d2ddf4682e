package org.sss.tools.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a Kaitai Struct file into a {@link KsySpec}; only the keys the tables show are kept. */
public final class KsyReader {

    private static final YAMLMapper YAML = new YAMLMapper();

    private KsyReader() {
    }

    /**
     * Reads a ksy file.
     *
     * @throws SpecInputException if it is not YAML or lacks {@code meta.id}
     */
    public static KsySpec read(Path ksy) throws IOException {
        return parse(Files.readString(ksy, StandardCharsets.UTF_8));
    }

    /**
     * Reads ksy text.
     *
     * @throws SpecInputException if it is not YAML or lacks {@code meta.id}
     */
    public static KsySpec parse(String ksy) {
        JsonNode root;
        try {
            root = YAML.readTree(ksy);
        } catch (IOException e) {
            throw new SpecInputException("sss.ksy is not valid YAML: " + e.getMessage());
        }
        String id = root == null ? "" : root.path("meta").path("id").asText("");
        if (id.isEmpty()) {
            throw new SpecInputException("sss.ksy has no meta.id");
        }
        Map<String, KsyType> types = new LinkedHashMap<>();
        types.put(id, type(id, root));
        collectTypes(root.path("types"), types);
        Map<String, KsyEnum> enums = new LinkedHashMap<>();
        collectEnums(root, enums);
        return new KsySpec(id, types, enums);
    }

    private static void collectTypes(JsonNode typesNode, Map<String, KsyType> into) {
        for (Map.Entry<String, JsonNode> entry : typesNode.properties()) {
            if (into.put(entry.getKey(), type(entry.getKey(), entry.getValue())) != null) {
                throw new SpecInputException("sss.ksy defines type " + entry.getKey() + " twice");
            }
            collectTypes(entry.getValue().path("types"), into);
        }
    }

    private static void collectEnums(JsonNode typeNode, Map<String, KsyEnum> into) {
        for (Map.Entry<String, JsonNode> entry : typeNode.path("enums").properties()) {
            if (into.put(entry.getKey(), enumOf(entry.getKey(), entry.getValue())) != null) {
                throw new SpecInputException("sss.ksy defines enum " + entry.getKey() + " twice");
            }
        }
        for (JsonNode nested : typeNode.path("types")) {
            collectEnums(nested, into);
        }
    }

    private static KsyType type(String name, JsonNode node) {
        List<KsyField> seq = new ArrayList<>();
        for (JsonNode attribute : node.path("seq")) {
            seq.add(field(attribute));
        }
        List<KsyInstance> instances = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.path("instances").properties()) {
            JsonNode value = entry.getValue().get("value");
            instances.add(new KsyInstance(entry.getKey(), value == null ? null : fold(value.asText()),
                    text(entry.getValue(), "doc")));
        }
        return new KsyType(name, text(node, "doc"), text(node, "doc-ref"), seq, instances);
    }

    private static KsyField field(JsonNode node) {
        JsonNode typeNode = node.path("type");
        String type = typeNode.isTextual() ? typeNode.asText() : null;
        String switchOn = null;
        Map<String, String> cases = new LinkedHashMap<>();
        if (typeNode.isObject()) {
            switchOn = fold(typeNode.path("switch-on").asText());
            for (Map.Entry<String, JsonNode> entry : typeNode.path("cases").properties()) {
                cases.put(entry.getKey(), entry.getValue().asText());
            }
        }
        String repeat = optional(node, "repeat");
        String repeatCount = "until".equals(repeat) ? optional(node, "repeat-until") : optional(node, "repeat-expr");
        return new KsyField(
                node.path("id").asText(""),
                type,
                switchOn,
                cases,
                optional(node, "size"),
                node.path("size-eos").asBoolean(false),
                optional(node, "if"),
                repeat,
                repeatCount,
                optional(node, "enum"),
                valid(node.get("valid")),
                contentsLength(node.get("contents")),
                optional(node, "encoding"),
                text(node, "doc"));
    }

    private static KsyEnum enumOf(String name, JsonNode node) {
        List<KsyEnum.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                entries.add(new KsyEnum.Entry(entry.getKey(), value.path("id").asText(), text(value, "doc")));
            } else {
                entries.add(new KsyEnum.Entry(entry.getKey(), value.asText(), ""));
            }
        }
        return new KsyEnum(name, entries);
    }

    /** The constraint of a {@code valid} key in a few words, as the tables show it. */
    private static String valid(JsonNode valid) {
        if (valid == null) {
            return null;
        }
        if (valid.isValueNode()) {
            return "= " + valid.asText();
        }
        List<String> parts = new ArrayList<>();
        if (valid.has("eq")) {
            parts.add("= " + valid.get("eq").asText());
        }
        if (valid.has("min") && valid.has("max")) {
            parts.add(valid.get("min").asText() + " to " + valid.get("max").asText());
        } else if (valid.has("min")) {
            parts.add("≥ " + valid.get("min").asText());
        } else if (valid.has("max")) {
            parts.add("≤ " + valid.get("max").asText());
        }
        if (valid.has("any-of")) {
            List<String> options = new ArrayList<>();
            valid.get("any-of").forEach(option -> options.add(option.asText()));
            parts.add("one of " + String.join(", ", options));
        }
        if (valid.path("in-enum").asBoolean(false)) {
            parts.add("in enum");
        }
        if (valid.has("expr")) {
            parts.add("valid if `" + fold(valid.get("expr").asText()) + "`");
        }
        return String.join(", ", parts);
    }

    private static int contentsLength(JsonNode contents) {
        if (contents == null) {
            return -1;
        }
        if (contents.isTextual()) {
            return contents.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        int length = 0;
        for (JsonNode part : contents) {
            length += part.isTextual() ? part.asText().getBytes(StandardCharsets.UTF_8).length : 1;
        }
        return length;
    }

    private static String optional(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : fold(value.asText());
    }

    private static String text(JsonNode node, String key) {
        String value = optional(node, key);
        return value == null ? "" : value;
    }

    private static String fold(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
