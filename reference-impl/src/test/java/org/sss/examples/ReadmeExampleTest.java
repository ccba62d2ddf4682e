package org.sss.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's example honest: {@link EchoExample} runs to its end with the replies it
 * promises, and README.md holds its source verbatim between the example markers.
 */
class ReadmeExampleTest {
    private static final String SOURCE = "src/test/java/org/sss/examples/EchoExample.java";
    private static final String BEGIN = "<!-- BEGIN EXAMPLE EchoExample.java -->";
    private static final String END = "<!-- END EXAMPLE -->";
    private static final String FENCE_OPEN = "```java\n";
    private static final String FENCE_CLOSE = "\n```";

    @Test
    @DisplayName("EchoExample.main runs to its end on its own and prints every reply")
    void exampleRunsAndPrintsTheReplies() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> EchoExample.main(new String[0]));
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsSubsequence(
                "record:    Hi there",
                "substream: Hello, Ada",
                "substream: Hello, Brian",
                "substream: Hello, Dan",
                "datagram:  Hello, Datagram");
    }

    @Test
    @DisplayName("README.md holds EchoExample.java verbatim in a java block between the example markers")
    void readmeHoldsTheExampleVerbatim() throws IOException {
        Path module = moduleDirectory();
        String source = normalise(Files.readString(module.resolve(SOURCE)));
        String readme = normalise(Files.readString(module.resolve("..").resolve("README.md").normalize()));

        int begin = readme.indexOf(BEGIN);
        assertThat(begin).as("position of %s in README.md", BEGIN).isNotNegative();
        int end = readme.indexOf(END, begin);
        assertThat(end).as("position of %s after the begin marker", END).isNotNegative();
        String block = readme.substring(begin + BEGIN.length(), end).strip();
        assertThat(block).startsWith(FENCE_OPEN).endsWith(FENCE_CLOSE);
        String code = block.substring(FENCE_OPEN.length(), block.length() - FENCE_CLOSE.length());
        assertThat(code).as("the example in README.md; copy %s there", SOURCE).isEqualTo(source.stripTrailing());
    }

    /** Maven runs tests in the module directory; an IDE may run them from the repository root. */
    private static Path moduleDirectory() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.exists(here.resolve(SOURCE))) {
            return here;
        }
        Path fromRoot = here.resolve("reference-impl");
        assertThat(fromRoot.resolve(SOURCE)).as("the example's source").exists();
        return fromRoot;
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n");
    }

    /** Writes to the console and to a buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
