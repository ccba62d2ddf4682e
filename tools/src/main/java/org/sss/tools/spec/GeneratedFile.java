package org.sss.tools.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file that a generator owns: it is either rewritten or compared with what it should hold. */
public final class GeneratedFile {

    private GeneratedFile() {
    }

    /** Whether {@code file} exists and holds exactly {@code content}. */
    public static boolean upToDate(Path file, String content) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content);
    }

    /**
     * Writes {@code content} to {@code file}, creating its directory, unless it already holds it.
     *
     * @return whether the file changed
     */
    public static boolean write(Path file, String content) throws IOException {
        if (upToDate(file, content)) {
            return false;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return true;
    }
}
