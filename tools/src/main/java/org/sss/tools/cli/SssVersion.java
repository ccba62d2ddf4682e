package org.sss.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The text of {@code sss --version}: the toolkit's version, from the build, and the Java runtime. */
final class SssVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SssVersion.class.getResourceAsStream("sss-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {
            "sss " + properties.getProperty("version", "(unknown version)"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
