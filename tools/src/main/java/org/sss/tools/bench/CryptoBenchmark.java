package org.sss.tools.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyPair;
import org.sss.core.crypto.Nonce;
import org.sss.core.crypto.NoncePrefix;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretBox;
import org.sss.core.crypto.SecretKey;

/**
 * Cost of the crypto on the per-packet path (seal and open of a maximal 1168-byte MESSAGE
 * plaintext, on arrays and in place on a direct ByteBuf) and on the per-handshake path (X25519 and
 * beforenm). Inputs are fixed by a seed, so runs compare. Run with JMH, e.g.
 * {@code java -cp sss-cli.jar org.openjdk.jmh.Main CryptoBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CryptoBenchmark {
    /** The largest MESSAGE plaintext: 1232 bytes of UDP payload minus 64 bytes of MESSAGE overhead. */
    static final int PLAINTEXT = 1168;
    private static final long SEED = 0x5353_5342_454e_4348L;

    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private SecretBox secretBox;
    private BoxKey key;
    private Nonce nonce;
    private byte[] plaintext;
    private byte[] sealed;
    private byte[] out;
    private ByteBuf direct;
    private SecretKey ownSecret;
    private PublicKey peerPublic;
    private long counter;

    /** Fixed keys, a fixed plaintext and one sealed copy of it to open. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        secretBox = crypto.newSecretBox();
        KeyPair own = KeyPair.fromSeed(bytes(random, 32));
        KeyPair peer = KeyPair.fromSeed(bytes(random, 32));
        ownSecret = own.secretKey();
        peerPublic = peer.publicKey();
        key = crypto.beforenm(peerPublic, ownSecret).orElseThrow();
        nonce = Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, 1);
        plaintext = bytes(random, PLAINTEXT);
        sealed = secretBox.seal(key, nonce, plaintext);
        out = new byte[PLAINTEXT + SecretBox.TAG_LENGTH];
        direct = Unpooled.directBuffer(PLAINTEXT + SecretBox.TAG_LENGTH);
    }

    /** Releases the direct buffer. */
    @TearDown(Level.Trial)
    public void tearDown() {
        direct.release();
    }

    /** Seal 1168 bytes under a fresh counter nonce, array to array. */
    @Benchmark
    public byte[] seal1168() {
        secretBox.seal(key, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, ++counter), plaintext, 0, PLAINTEXT, out, 0);
        return out;
    }

    /** Open a 1168-byte plaintext box, array to array (tag check and decryption). */
    @Benchmark
    public boolean open1168() {
        return secretBox.open(key, nonce, sealed, 0, sealed.length, out, 0);
    }

    /** Seal 1168 bytes in place in a direct ByteBuf, as a pooled packet buffer would be. */
    @Benchmark
    public ByteBuf seal1168DirectByteBuf() {
        direct.setBytes(SecretBox.TAG_LENGTH, plaintext);
        secretBox.seal(key, Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, ++counter), direct, 0, PLAINTEXT);
        return direct;
    }

    /** Open a 1168-byte plaintext box in place in a direct ByteBuf. */
    @Benchmark
    public boolean open1168DirectByteBuf() {
        direct.setBytes(0, sealed);
        return secretBox.open(key, nonce, direct, 0, sealed.length);
    }

    /** X25519 with a peer's public key: one per HELLO on the responder. */
    @Benchmark
    public byte[] x25519() {
        byte[] shared = new byte[32];
        crypto.keyAgreement().agree(ownSecret, peerPublic, shared, 0);
        return shared;
    }

    /** X25519 with the base point: one per fresh short-term key pair. */
    @Benchmark
    public PublicKey x25519Base() {
        return crypto.keyAgreement().publicKey(ownSecret);
    }

    /** crypto_box_beforenm: X25519 then HSalsa20, once per peer pair. */
    @Benchmark
    public BoxKey beforenm() {
        return crypto.beforenm(peerPublic, ownSecret).orElseThrow();
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
