package org.sss.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates spec/vectors/crypto.json and spec/vectors/handshake.json, byte for byte the same on
 * every run. Regenerate with
 * {@code mvn -pl reference-impl test -Dtest=VectorFilesTest -Dsss.vectors.write=true}
 * or by running {@link #main} with the vectors directory as argument.
 */
public final class VectorWriter {
    static final String WRITE_PROPERTY = "sss.vectors.write";
    static final String DIR_PROPERTY = "sss.vectors.dir";

    private VectorWriter() {
    }

    /** File name to content. */
    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("crypto.json", Json.write(CryptoVectors.build()));
        files.put("handshake.json", Json.write(HandshakeVectors.build()));
        return files;
    }

    /** The vectors directory: {@code -Dsss.vectors.dir}, else spec/vectors found from the working directory. */
    static Path vectorsDir() {
        String given = System.getProperty(DIR_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (Path p : new Path[] {Path.of("..", "spec", "vectors"), Path.of("spec", "vectors")}) {
            if (Files.isDirectory(p.getParent())) {
                return p;
            }
        }
        throw new IllegalStateException("spec/vectors not found from " + Path.of("").toAbsolutePath()
                + "; pass -D" + DIR_PROPERTY + "=<dir>");
    }

    static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : files().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the files into {@code args[0]} (default: spec/vectors). */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : vectorsDir();
        writeAll(dir);
        System.out.println("wrote " + files().keySet() + " to " + dir.toAbsolutePath().normalize());
    }
}
