package org.sss.tools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.host.KeyFile;
import org.sss.tools.spec.SpecInputException;

/**
 * The KEY argument of {@code sss connect}: the responder's public key as 64 hex digits, or the path
 * of a file holding them (as {@code sss key} prints them), or of the responder's key file (as
 * {@code sss keygen} writes it).
 */
final class ConnectPeerKey {
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private ConnectPeerKey() {
    }

    /**
     * The public key KEY names.
     *
     * @throws IllegalArgumentException if KEY is neither 64 hex digits nor an existing file (a usage error)
     * @throws SpecInputException if KEY is a file that holds no valid key (bad input)
     */
    static PublicKey parse(String key) throws IOException {
        String text = key.strip();
        if (HEX_KEY.matcher(text).matches()) {
            return KeyFile.parsePublicKey(text);
        }
        Path path = Path.of(key);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("KEY: neither 64 hex digits nor an existing file: '" + key + "'");
        }
        String content = Files.readString(path, StandardCharsets.US_ASCII).strip();
        if (HEX_KEY.matcher(content).matches()) {
            return KeyFile.parsePublicKey(content);
        }
        KeyPair pair;
        try {
            pair = KeyFile.read(path);
        } catch (IllegalArgumentException e) {
            throw new SpecInputException(List.of(e.getMessage()));
        }
        try {
            return pair.publicKey();
        } finally {
            pair.destroy();
        }
    }
}
