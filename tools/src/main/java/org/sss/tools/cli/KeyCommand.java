package org.sss.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.KeyFile;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sss key FILE}: the public key of a key file. */
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        header = "Print the public key of a key file as 64 hex digits.",
        description = "Reads FILE (as written by `sss keygen`), checks it, and prints its public key.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the public key is printed",
            ExitCodes.USAGE_LINE,
            "3:FILE is missing, malformed, or readable by others",
            ExitCodes.INTERNAL_LINE,
        })
final class KeyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The key file.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new SpecInputException(List.of(file + " does not exist"));
        }
        KeyPair pair;
        try {
            pair = KeyFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new SpecInputException(List.of(e.getMessage()));
        }
        try {
            spec.commandLine().getOut().println(KeyFile.toHex(pair.publicKey()));
        } finally {
            pair.destroy();
        }
        return ExitCodes.OK;
    }
}
