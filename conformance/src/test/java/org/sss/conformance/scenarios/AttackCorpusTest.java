package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack captures are found on the class path both in a directory (the suite's own build) and in a jar (the
 * suite run by {@code ./sss conform}), and only the attack captures: other corpus files are left out.
 */
class AttackCorpusTest {
    private static final List<String> FILES = List.of("handshake.pcap", "replayed-hello.pcap", "malformed.pcap",
            "amplification.pcap", "attack-x.pcap", "replayed-hello.keylog", "bulk.pcap");
    private static final List<String> ATTACKS = List.of("amplification.pcap", "attack-x.pcap", "malformed.pcap",
            "replayed-hello.pcap");

    @Test
    void attackCapturesAreFoundInADirectory(@TempDir Path root) throws Exception {
        Path directory = root.resolve(AttackCorpus.RESOURCE_DIRECTORY);
        Files.createDirectories(directory);
        for (String name : FILES) {
            Files.writeString(directory.resolve(name), name);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            List<Path> found = AttackCorpus.attackCaptures(loader);

            assertThat(found).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(ATTACKS);
        }
    }

    @Test
    void attackCapturesAreCopiedOutOfAJar(@TempDir Path root) throws Exception {
        Path jar = root.resolve("conformance.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            StringBuilder path = new StringBuilder();
            for (String part : AttackCorpus.RESOURCE_DIRECTORY.split("/")) {
                path.append(part).append('/');
                out.putNextEntry(new JarEntry(path.toString()));
                out.closeEntry();
            }
            for (String name : FILES) {
                out.putNextEntry(new JarEntry(AttackCorpus.RESOURCE_DIRECTORY + "/" + name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(AttackCorpus.RESOURCE_DIRECTORY + "/sub/attack-nested.pcap"));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Path> found = AttackCorpus.attackCaptures(loader);

            assertThat(found).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(ATTACKS);
            for (Path p : found) {
                assertThat(Files.readString(p)).isEqualTo(p.getFileName().toString());
            }
        }
    }

    @Test
    void noCorpusMeansNoCaptures(@TempDir Path root) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThat(AttackCorpus.attackCaptures(loader)).isEmpty();
        }
    }
}
