package org.sss.conformance.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command template of the initiator role (IUT.md section 2). */
class CommandInitiatorTest {
    private static final byte[] KEY = new byte[32];

    private static InitiatorRequest request(String service, List<String> args, byte[] stdin) {
        KEY[0] = (byte) 0xab;
        return new InitiatorRequest(service, "127.0.0.1", 9660, KEY, args, stdin, Duration.ofSeconds(10));
    }

    @Test
    void placeholdersAreReplacedInsideWordsAndArgumentsAppended() {
        CommandInitiator c = new CommandInitiator("impl connect --to={host}:{port} '{key}' \"{service} x\"");

        assertThat(c.command(request("source", List.of("--bytes", "5"), new byte[0]))).containsExactly("impl",
                "connect", "--to=127.0.0.1:9660", "ab" + "00".repeat(31), "source x", "--bytes", "5");
    }

    @Test
    void argsPlaceholderTakesTheServiceArgumentsWhereItStands() {
        CommandInitiator c = new CommandInitiator("impl {args} {service}");

        assertThat(c.command(request("source", List.of("--bytes", "5"), new byte[0])))
                .containsExactly("impl", "--bytes", "5", "source");
    }

    @Test
    void runReportsExitCodeAndStandardStreams() {
        CommandInitiator c = new CommandInitiator("sh -c 'cat; echo {service} >&2; exit 3'");

        InitiatorResult result = c.run(request("echo", List.of(), "abc".getBytes()));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdoutText()).isEqualTo("abc");
        assertThat(result.stderr()).isEqualTo("echo\n");
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void aRunPastItsTimeoutIsStopped() {
        CommandInitiator c = new CommandInitiator("sleep 30");

        InitiatorResult result = c.run(new InitiatorRequest("echo", "h", 1, KEY, List.of(), new byte[0],
                Duration.ofMillis(200)));

        assertThat(result.timedOut()).isTrue();
    }

    @Test
    void anUnclosedQuoteIsRejected() {
        assertThatThrownBy(() -> new CommandInitiator("impl 'open")).isInstanceOf(IllegalArgumentException.class);
    }
}
