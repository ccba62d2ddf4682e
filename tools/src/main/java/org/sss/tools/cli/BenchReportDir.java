package org.sss.tools.cli;

import java.nio.file.Path;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.spec.SpecInputException;

/** Where the {@code sss bench} commands write their reports when not told. */
final class BenchReportDir {
    private BenchReportDir() {
    }

    /** tools/target/bench of the launcher's checkout, else of the checkout around the working directory. */
    static Path defaultDir() {
        String launcher = System.getProperty(RepoOption.LAUNCHER_PROPERTY);
        Path root;
        if (launcher != null && !launcher.isEmpty()) {
            root = Path.of(launcher);
        } else {
            try {
                root = RepoLayout.locate(Path.of("")).root();
            } catch (SpecInputException outsideACheckout) {
                root = Path.of("");
            }
        }
        return root.resolve("tools").resolve("target").resolve("bench");
    }
}
