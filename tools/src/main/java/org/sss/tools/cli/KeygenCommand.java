package org.sss.tools.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import org.sss.core.crypto.KeyPair;
import org.sss.core.host.KeyFile;
import org.sss.tools.spec.SpecInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sss keygen FILE}: a new long-term key pair in a key file. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        header = "Generate a host's long-term key pair into a new key file (mode 0600).",
        description = {
            "Writes a new X25519 key pair to FILE, which must not exist, readable by its owner only,",
            "and prints the public key as 64 hex digits: the identity peers use to reach this host."
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:the key file was written; its public key is printed",
            ExitCodes.USAGE_LINE,
            "3:FILE exists already",
            ExitCodes.INTERNAL_LINE,
        })
final class KeygenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The key file to create.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KeyPair pair;
        try {
            pair = KeyFile.create(file, new SecureRandom());
        } catch (FileAlreadyExistsException e) {
            throw new SpecInputException(List.of(file + " exists already; keygen never overwrites a key"));
        }
        try {
            spec.commandLine().getOut().println(KeyFile.toHex(pair.publicKey()));
        } finally {
            pair.destroy();
        }
        return ExitCodes.OK;
    }
}
