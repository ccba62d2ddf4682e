package org.sss.core.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretKey;

/**
 * Reads and writes a host's long-term key pair.
 *
 * <p>The file is text, one {@code name=value} per line, lines starting with {@code #} ignored:
 * <pre>
 * # SSS long-term key; keep this file secret
 * secret=&lt;64 lowercase hex digits&gt;
 * public=&lt;64 lowercase hex digits&gt;
 * </pre>
 * The public line is redundant (it is derived from the secret) and checked on reading, so a
 * damaged file is detected. On POSIX file systems the file is created with mode 0600, and a file
 * that group or others may read is refused, as ssh refuses such private keys.
 */
public final class KeyFile {
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /**
     * Generates a key pair and writes it to a new file with mode 0600.
     *
     * @param path where to write; must not exist
     * @param random the source of the secret key
     * @return the new key pair
     * @throws FileAlreadyExistsException if {@code path} exists
     * @throws IOException if writing fails
     */
    public static KeyPair create(Path path, SecureRandom random) throws IOException {
        Objects.requireNonNull(path, "path");
        KeyPair pair = KeyPair.generate(Objects.requireNonNull(random, "random"));
        byte[] secret = pair.secretKey().bytes();
        try {
            String text = "# SSS long-term key; keep this file secret\n"
                    + "secret=" + HEX.formatHex(secret) + "\n"
                    + "public=" + HEX.formatHex(pair.publicKey().bytes()) + "\n";
            if (isPosix(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(path);
            }
            Files.writeString(path, text, StandardCharsets.US_ASCII);
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
        return pair;
    }

    /**
     * Reads a key pair.
     *
     * @param path the key file
     * @return the key pair it holds
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the file is malformed, its public key does not match its
     *     secret key, or group or others may read it
     */
    public static KeyPair read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        if (isPosix(path)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IllegalArgumentException("key file " + path + " has mode "
                        + PosixFilePermissions.toString(permissions) + "; it must be readable by its owner only"
                        + " (chmod 600)");
            }
        }
        String secretHex = null;
        String publicHex = null;
        List<String> lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            switch (name) {
                case "secret" -> secretHex = value;
                case "public" -> publicHex = value;
                default -> throw new IllegalArgumentException("key file " + path + " line " + (i + 1)
                        + ": unknown entry '" + name + "'");
            }
        }
        if (secretHex == null) {
            throw new IllegalArgumentException("key file " + path + " has no secret= line");
        }
        byte[] secret = parseHex32(secretHex, "secret", path);
        KeyPair pair;
        try {
            pair = KeyPair.fromSecretKey(SecretKey.of(secret));
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
        if (publicHex != null && !pair.publicKey().equals(PublicKey.of(parseHex32(publicHex, "public", path)))) {
            pair.destroy();
            throw new IllegalArgumentException("key file " + path
                    + ": the public= line does not match the secret key");
        }
        return pair;
    }

    /**
     * Reads the key pair at {@code path}, creating the file first when it does not exist.
     *
     * @param path the key file
     * @param random the source of a new secret key
     * @return the key pair
     * @throws IOException if reading or writing fails
     */
    public static KeyPair readOrCreate(Path path, SecureRandom random) throws IOException {
        if (Files.exists(path)) {
            return read(path);
        }
        try {
            return create(path, random);
        } catch (FileAlreadyExistsException raced) {
            return read(path);
        }
    }

    /**
     * Parses a public key written as 64 hex digits, as {@link #toHex(PublicKey)} prints it.
     *
     * @param hex the key
     * @return the public key
     * @throws IllegalArgumentException naming the problem
     */
    public static PublicKey parsePublicKey(String hex) {
        Objects.requireNonNull(hex, "hex");
        String trimmed = hex.strip();
        if (trimmed.length() != 2 * PublicKey.LENGTH) {
            throw new IllegalArgumentException("public key: expected " + 2 * PublicKey.LENGTH
                    + " hex digits, got " + trimmed.length());
        }
        try {
            return PublicKey.of(HEX.parseHex(trimmed.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key: not hex: " + e.getMessage(), e);
        }
    }

    /** A public key as 64 lowercase hex digits. */
    public static String toHex(PublicKey key) {
        return HEX.formatHex(key.bytes());
    }

    private static byte[] parseHex32(String hex, String name, Path path) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("key file " + path + ": " + name + " must be 64 hex digits, got "
                    + hex.length());
        }
        try {
            return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + path + ": " + name + " is not hex", e);
        }
    }

    private static boolean isPosix(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        return Files.getFileAttributeView(dir == null ? path : dir, PosixFileAttributeView.class) != null;
    }
}
