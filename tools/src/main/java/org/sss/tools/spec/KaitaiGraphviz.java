package org.sss.tools.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Kaitai Struct compiler's Graphviz target on a ksy file, with the same options as the
 * spec module's build, in a child JVM: the compiler ends its JVM when a ksy has errors.
 */
public final class KaitaiGraphviz {

    private static final long TIMEOUT_SECONDS = 300;

    private KaitaiGraphviz() {
    }

    /**
     * The Graphviz source the compiler writes for {@code ksy}.
     *
     * @throws SpecInputException if the compiler rejects the ksy or cannot run
     */
    public static String compile(Path ksy) throws IOException, InterruptedException {
        Path outDir = Files.createTempDirectory("sss-kaitai-graphviz");
        try {
            Path log = outDir.resolve("compiler.log");
            Path dotDir = Files.createDirectory(outDir.resolve("out"));
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "io.kaitai.struct.JavaMain",
                    "--target", "graphviz",
                    "--ksc-exceptions",
                    "--outdir", dotDir.toString(),
                    ksy.toAbsolutePath().toString());
            Process compiler = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!compiler.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                compiler.destroyForcibly();
                throw new SpecInputException("the Kaitai compiler did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            List<Path> dots;
            try (Stream<Path> files = Files.list(dotDir)) {
                dots = files.filter(p -> p.toString().endsWith(".dot")).toList();
            }
            if (compiler.exitValue() != 0 || dots.size() != 1) {
                throw new SpecInputException("the Kaitai compiler failed on " + ksy.getFileName()
                        + " (exit " + compiler.exitValue() + ")" + (output.isEmpty() ? "" : ":\n" + output));
            }
            return Files.readString(dots.get(0), StandardCharsets.UTF_8);
        } finally {
            deleteTree(outDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
