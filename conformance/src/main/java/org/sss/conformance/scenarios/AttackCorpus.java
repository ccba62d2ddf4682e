package org.sss.conformance.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The attack captures of the corpus, which {@code conformance/pom.xml} copies (with every other {@code pcaps/*.pcap})
 * onto the class path under {@link #RESOURCE_DIRECTORY}: the files named as pcaps/README.md names the attack
 * captures, {@code replayed-*.pcap}, {@code amplification*.pcap} and {@code malformed*.pcap}, and any
 * {@code attack*.pcap}. From a directory they are used in place; from a jar (the suite run
 * by {@code ./sss conform}) each is copied to a temporary file, since libpcap opens files only.
 */
final class AttackCorpus {
    /** Where the build puts the corpus's pcap files on the class path. */
    static final String RESOURCE_DIRECTORY = "org/sss/conformance/replay/corpus";
    /** Which of them are attack captures. */
    static final String PATTERN = "attack*.pcap, replayed-*.pcap, amplification*.pcap or malformed*.pcap";
    private static final List<String> PREFIXES = List.of("attack", "replayed-", "amplification", "malformed");

    private AttackCorpus() {
    }

    private static boolean isAttack(String fileName) {
        return fileName.endsWith(".pcap") && PREFIXES.stream().anyMatch(fileName::startsWith);
    }

    /** The attack captures, sorted by name; empty when the class path has none. */
    static List<Path> attackCaptures() {
        return attackCaptures(AttackCorpus.class.getClassLoader());
    }

    /** The attack captures on {@code classLoader}'s class path. */
    static List<Path> attackCaptures(ClassLoader classLoader) {
        URL directory = classLoader.getResource(RESOURCE_DIRECTORY);
        if (directory == null) {
            return List.of();
        }
        try {
            if (directory.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                    return files.filter(f -> isAttack(f.getFileName().toString())).sorted().toList();
                }
            }
            if (directory.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) directory.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return fromJar(jar);
                }
            }
            throw new IllegalStateException("cannot list the corpus at " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException("listing the corpus at " + directory, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("listing the corpus at " + directory, e);
        }
    }

    private static List<Path> fromJar(JarFile jar) throws IOException {
        List<String> names = new ArrayList<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith(RESOURCE_DIRECTORY + "/") && isAttack(name.substring(RESOURCE_DIRECTORY.length() + 1))
                    && !name.substring(RESOURCE_DIRECTORY.length() + 1).contains("/")) {
                names.add(name);
            }
        }
        names.sort(null);
        Path copies = Files.createTempDirectory("sss-corpus-");
        copies.toFile().deleteOnExit();
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path copy = copies.resolve(name.substring(name.lastIndexOf('/') + 1));
            try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            files.add(copy);
        }
        return files;
    }
}
