package org.sss.tools.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the generators find their inputs and write their outputs in a checkout of the repository.
 *
 * @param root the directory that holds {@code spec/sss.ksy}
 */
public record RepoLayout(Path root) {

    private static final Path KSY = Path.of("spec", "sss.ksy");

    /** Normalises {@code root} to an absolute path. */
    public RepoLayout {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The repository that contains {@code start}: the nearest directory, {@code start} or above,
     * that holds {@code spec/sss.ksy}.
     *
     * @throws SpecInputException if there is none
     */
    public static RepoLayout locate(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(KSY))) {
                return new RepoLayout(dir);
            }
        }
        throw new SpecInputException("no spec/sss.ksy in " + absolute + " or any directory above it");
    }

    /**
     * The repository whose root is {@code root}.
     *
     * @throws SpecInputException if {@code root} does not hold {@code spec/sss.ksy}
     */
    public static RepoLayout locateExactly(Path root) {
        if (!Files.isRegularFile(root.resolve(KSY))) {
            throw new SpecInputException(root.toAbsolutePath().normalize() + " holds no spec/sss.ksy");
        }
        return new RepoLayout(root);
    }

    /** {@code spec/sss.ksy}, the formal wire format. */
    public Path ksy() {
        return root.resolve(KSY);
    }

    /** {@code spec/SPEC.md}, the normative prose. */
    public Path specMarkdown() {
        return root.resolve("spec").resolve("SPEC.md");
    }

    /** {@code spec/requirements.json}, generated from SPEC.md. */
    public Path requirementsJson() {
        return root.resolve("spec").resolve("requirements.json");
    }

    /** {@code spec/diagrams}, the Graphviz rendering of sss.ksy. */
    public Path diagrams() {
        return root.resolve("spec").resolve("diagrams");
    }

    /** {@code spec/vectors}, the test vector files. */
    public Path vectors() {
        return root.resolve("spec").resolve("vectors");
    }

    /** {@code path} relative to the root, with forward slashes, for messages. */
    public String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
