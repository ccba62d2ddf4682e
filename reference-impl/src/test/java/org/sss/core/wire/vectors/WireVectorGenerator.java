package org.sss.core.wire.vectors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the wire-format vector files deterministically: frames.json, packet-headers.json,
 * packets.json, service-messages.json and malformed.json.
 *
 * <p>Run {@code mvn -pl reference-impl test -Dtest=WireVectorFilesTest -Dsss.vectors.write=true}
 * (or this class's {@code main} with the target directory as argument) to rewrite them in
 * {@code spec/vectors/}; {@code WireVectorFilesTest} fails while the committed files differ from
 * what this generator produces.
 */
public final class WireVectorGenerator {
    private WireVectorGenerator() {
    }

    /** File name to JSON text (two-space indent, LF, final newline), in a fixed order. */
    public static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("frames.json", json(FrameVectors.build()));
        files.put("packet-headers.json", json(PacketVectors.headers()));
        files.put("packets.json", json(PacketVectors.packets()));
        files.put("service-messages.json", json(ServiceVectors.build()));
        files.put("malformed.json", json(MalformedVectors.build()));
        return files;
    }

    /** Writes every file into {@code directory}. */
    public static void write(Path directory) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : render().entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(VectorFileBuilder file) {
        StringBuilder out = new StringBuilder();
        write(out, file.toJson(), "");
        return out.append('\n').toString();
    }

    /**
     * Two-space indent, {@code "key": value}; arrays of scalars on one line, arrays of objects one
     * element per line (the layout of the other vector files).
     */
    private static void write(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            String inner = indent + "  ";
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(inner).append('"').append(JsonStringEncoder.getInstance().quoteAsString((String) entry.getKey()))
                        .append("\": ");
                write(out, entry.getValue(), inner);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            boolean scalars = list.stream().noneMatch(element -> element instanceof Map || element instanceof List);
            if (list.isEmpty() || scalars) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    write(out, list.get(i), indent);
                    if (i + 1 < list.size()) {
                        out.append(", ");
                    }
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < list.size(); i++) {
                out.append(inner);
                write(out, list.get(i), inner);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof String text) {
            out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }

    /**
     * Writes the files into the directory given as the first argument (default {@code ../spec/vectors},
     * relative to the reference-impl module).
     */
    public static void main(String[] args) {
        Path directory = Paths.get(args.length > 0 ? args[0] : "../spec/vectors");
        write(directory);
        System.out.println("wrote " + render().keySet() + " to " + directory.toAbsolutePath().normalize());
    }
}
