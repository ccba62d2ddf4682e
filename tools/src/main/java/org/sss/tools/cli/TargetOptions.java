package org.sss.tools.cli;

import picocli.CommandLine.Option;

/**
 * The options that name an implementation under test by address and long-term key, shared by the
 * commands that run the conformance suite's tester peer against one ({@code conform}, {@code fuzz}).
 * Without them a command uses the embedded reference implementation.
 */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "The IUT's UDP address, IPv6 as [addr]:port (default: the embedded reference implementation).")
    private String address;

    @Option(names = "--target-key", paramLabel = "KEY",
            description = "The IUT's long-term public key: 64 hex digits, or a file holding them or the 32 bytes.")
    private String key;

    /** The {@code --target} value, or null. */
    String address() {
        return address;
    }

    /** The {@code --target-key} value, or null. */
    String key() {
        return key;
    }
}
