package org.sss.tools.cli;

import java.nio.file.Path;
import org.sss.tools.spec.RepoLayout;
import picocli.CommandLine.Option;

/**
 * The {@code --repo} option of the commands that work on a checkout. Without it, the checkout is
 * the one the {@code sss} launcher lives in (it passes {@value #LAUNCHER_PROPERTY}), else the
 * nearest directory above the working directory that holds {@code spec/sss.ksy}.
 */
final class RepoOption {

    /** The system property through which the launcher script names its checkout. */
    static final String LAUNCHER_PROPERTY = "sss.repo";

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The repository checkout to work on (default: the launcher's checkout, "
                    + "else the nearest directory above the working directory that holds spec/sss.ksy).")
    private Path repo;

    RepoLayout layout() {
        if (repo != null) {
            return RepoLayout.locateExactly(repo);
        }
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && !launcher.isEmpty()) {
            return RepoLayout.locateExactly(Path.of(launcher));
        }
        return RepoLayout.locate(Path.of(""));
    }
}
