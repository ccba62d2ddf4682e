package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.PublicKey;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyFileThatReadsBackToTheSameKeys() throws Exception {
        Path path = dir.resolve("host.key");
        KeyPair created = KeyFile.create(path, new SecureRandom());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        KeyPair read = KeyFile.read(path);
        assertThat(read.publicKey()).isEqualTo(created.publicKey());
        assertThat(read.secretKey().bytes()).isEqualTo(created.secretKey().bytes());
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path path = dir.resolve("host.key");
        KeyFile.create(path, new SecureRandom());
        assertThatThrownBy(() -> KeyFile.create(path, new SecureRandom())).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void readOrCreateKeepsTheFirstKey() throws Exception {
        Path path = dir.resolve("host.key");
        PublicKey first = KeyFile.readOrCreate(path, new SecureRandom()).publicKey();
        assertThat(KeyFile.readOrCreate(path, new SecureRandom()).publicKey()).isEqualTo(first);
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path path = dir.resolve("host.key");
        KeyFile.create(path, new SecureRandom());
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.read(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void detectsAPublicLineThatDoesNotMatchTheSecret() throws Exception {
        Path path = dir.resolve("host.key");
        KeyFile.create(path, new SecureRandom());
        String text = Files.readString(path);
        String otherPublic = KeyFile.toHex(KeyPair.generate(new SecureRandom()).publicKey());
        Files.writeString(path, text.replaceAll("public=[0-9a-f]+", "public=" + otherPublic), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KeyFile.read(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void namesTheProblemInAMalformedFile() throws Exception {
        Path path = dir.resolve("host.key");
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(path, "secret=abc\n");
        assertThatThrownBy(() -> KeyFile.read(path)).hasMessageContaining("64 hex digits");
        Files.writeString(path, "colour=blue\n");
        assertThatThrownBy(() -> KeyFile.read(path)).hasMessageContaining("unknown entry 'colour'");
        Files.writeString(path, "# nothing\n");
        assertThatThrownBy(() -> KeyFile.read(path)).hasMessageContaining("no secret= line");
    }

    @Test
    void publicKeysRoundTripThroughHex() {
        PublicKey key = KeyPair.generate(new SecureRandom()).publicKey();
        String hex = KeyFile.toHex(key);
        assertThat(hex).hasSize(64).matches("[0-9a-f]+");
        assertThat(KeyFile.parsePublicKey(hex.toUpperCase())).isEqualTo(key);
        assertThatThrownBy(() -> KeyFile.parsePublicKey("12")).hasMessageContaining("expected 64 hex digits");
        assertThatThrownBy(() -> KeyFile.parsePublicKey("zz".repeat(32))).hasMessageContaining("not hex");
    }
}
