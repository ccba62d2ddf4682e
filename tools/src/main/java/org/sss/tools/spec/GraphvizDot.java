package org.sss.tools.spec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The Graphviz {@code dot} program, when it is installed: renders a Graphviz source to SVG. */
public final class GraphvizDot {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path executable;

    private GraphvizDot(Path executable) {
        this.executable = executable;
    }

    /** {@code dot} from the {@code PATH}, if there is one. */
    public static Optional<GraphvizDot> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new GraphvizDot(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Renders {@code source} to {@code svg}.
     *
     * @throws IOException if dot fails; its messages are in the exception
     */
    public void renderSvg(Path source, Path svg) throws IOException, InterruptedException {
        Path log = Files.createTempFile("sss-dot", ".log");
        try {
            Process dot = new ProcessBuilder(List.of(executable.toString(), "-Tsvg", "-o", svg.toString(), source.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!dot.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                dot.destroyForcibly();
                throw new IOException("dot did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (dot.exitValue() != 0) {
                throw new IOException("dot failed (exit " + dot.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
