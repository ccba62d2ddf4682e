package org.sss.tools.spec;

import java.nio.file.Path;

/** The checkout the tests run in, found from the working directory upwards. */
public final class TestRepo {

    private TestRepo() {
    }

    /** The layout of the checkout that holds this module. */
    public static RepoLayout layout() {
        return RepoLayout.locate(Path.of(""));
    }
}
