package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.sss.core.testing.TestSeed;

/**
 * The reference crypto agrees with libsodium on seeded random inputs. The seed is printed;
 * replay a failure with {@code -Dsss.seed=N}. libsodium missing is a failure, not a skip.
 */
class LibsodiumOracleTest {
    private static final int ROUNDS = 200;

    private final Libsodium sodium = Libsodium.get();
    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final SecretBox secretBox = crypto.newSecretBox();
    private SplittableRandom random;

    @BeforeEach
    void seed(TestInfo info) {
        random = new SplittableRandom(TestSeed.forTest("LibsodiumOracleTest." + info.getDisplayName()));
    }

    @Test
    void scalarmultBaseAgrees() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] sk = bytes(32);
            byte[] expected = new byte[32];
            assertThat(sodium.crypto_scalarmult_base(expected, sk)).isZero();
            assertThat(crypto.keyAgreement().publicKey(SecretKey.of(sk)).bytes()).as("round %d", i).isEqualTo(expected);
        }
    }

    @Test
    void scalarmultAgreesOnRandomPointsIncludingTopBitSet() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] sk = bytes(32);
            byte[] pk = bytes(32);
            byte[] expected = new byte[32];
            byte[] actual = new byte[32];
            boolean sodiumOk = sodium.crypto_scalarmult(expected, sk, pk) == 0;
            boolean ours = crypto.keyAgreement().agree(SecretKey.of(sk), PublicKey.of(pk), actual, 0);
            assertThat(ours).as("round %d accepted", i).isEqualTo(sodiumOk);
            if (ours) {
                assertThat(actual).as("round %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void smallOrderPointsAreRefusedByBoth() {
        byte[] one = new byte[32];
        one[0] = 1;
        for (byte[] pk : new byte[][] {new byte[32], one, NaclTestValues.SMALL_ORDER_P}) {
            byte[] sk = bytes(32);
            assertThat(sodium.crypto_scalarmult(new byte[32], sk, pk)).isEqualTo(-1);
            assertThat(crypto.keyAgreement().agree(SecretKey.of(sk), PublicKey.of(pk), new byte[32], 0)).isFalse();
            assertThat(sodium.crypto_box_beforenm(new byte[32], pk, sk)).isEqualTo(-1);
            assertThat(crypto.beforenm(PublicKey.of(pk), SecretKey.of(sk))).isEmpty();
        }
    }

    @Test
    void hsalsa20Agrees() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] key = bytes(32);
            byte[] in = bytes(16);
            byte[] expected = new byte[32];
            assertThat(sodium.crypto_core_hsalsa20(expected, in, key, null)).isZero();
            byte[] actual = new byte[40];
            HSalsa20.hsalsa20(actual, 8, in, 0, key, 0);
            assertThat(Arrays.copyOfRange(actual, 8, 40)).as("round %d", i).isEqualTo(expected);
        }
    }

    @Test
    void beforenmAndSeedKeypairAgree() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] seed = bytes(32);
            byte[] pk = new byte[32];
            byte[] sk = new byte[32];
            assertThat(sodium.crypto_box_seed_keypair(pk, sk, seed)).isZero();
            KeyPair ours = KeyPair.fromSeed(seed);
            assertThat(ours.publicKey().bytes()).isEqualTo(pk);
            assertThat(ours.secretKey().bytes()).isEqualTo(sk);
            KeyPair peer = KeyPair.generate(TestSeed.secureRandom(random.nextLong()));
            byte[] expected = new byte[32];
            assertThat(sodium.crypto_box_beforenm(expected, peer.publicKey().bytes(), sk)).isZero();
            assertThat(crypto.beforenm(peer.publicKey(), ours.secretKey()).orElseThrow().bytes())
                    .as("round %d", i).isEqualTo(expected);
        }
    }

    /**
     * Every length across the first 64-byte keystream blocks (the message starts at keystream byte
     * 32, so block boundaries fall at lengths 32, 96, 160, ...) and a few large ones, through one
     * reused box: on arrays, in place on a heap buffer and in place on a direct buffer.
     */
    @Test
    void secretboxAgreesOnEveryLengthAcrossKeystreamBlocksThroughOneReusedBox() {
        int[] large = {1232, 4096 + 31, 65_536 + 33, (1 << 20) + 7};
        int[] lengths = new int[301 + large.length];
        for (int i = 0; i <= 300; i++) {
            lengths[i] = i;
        }
        System.arraycopy(large, 0, lengths, 301, large.length);
        for (int length : lengths) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(24);
            byte[] m = bytes(length);
            byte[] expected = new byte[length + 16];
            assertThat(sodium.crypto_secretbox_easy(expected, m, m.length, nonce, key)).isZero();
            BoxKey k = BoxKey.of(key);
            Nonce n = Nonce.of(nonce);

            byte[] sealed = new byte[length + 16];
            assertThat(secretBox.seal(k, n, m, 0, length, sealed, 0)).isEqualTo(length + 16);
            assertThat(sealed).as("seal, length %d", length).isEqualTo(expected);
            byte[] opened = new byte[length];
            assertThat(secretBox.open(k, n, expected, 0, expected.length, opened, 0)).as("open, length %d", length).isTrue();
            assertThat(opened).as("open, length %d", length).isEqualTo(m);

            for (ByteBuf buf : new ByteBuf[] {Unpooled.buffer(length + 16), Unpooled.directBuffer(length + 16)}) {
                try {
                    buf.writeZero(16).writeBytes(m);
                    secretBox.seal(k, n, buf, 0, length);
                    assertThat(ByteBufUtil.getBytes(buf)).as("%s seal, length %d", buf, length).isEqualTo(expected);
                    assertThat(secretBox.open(k, n, buf, 0, length + 16)).isTrue();
                    assertThat(ByteBufUtil.getBytes(buf, 16, length)).as("%s open, length %d", buf, length).isEqualTo(m);
                } finally {
                    buf.release();
                }
            }
        }
    }

    @Test
    void secretboxAgreesBothWaysOnAllLengthsUpToAMaximalPacket() {
        for (int length = 0; length <= 1232; length += 1 + random.nextInt(9)) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(24);
            byte[] m = bytes(length);
            byte[] expected = new byte[length + 16];
            assertThat(sodium.crypto_secretbox_easy(expected, m, m.length, nonce, key)).isZero();
            byte[] ours = secretBox.seal(BoxKey.of(key), Nonce.of(nonce), m);
            assertThat(ours).as("length %d", length).isEqualTo(expected);
            byte[] opened = new byte[length];
            assertThat(sodium.crypto_secretbox_open_easy(opened, ours, ours.length, nonce, key)).isZero();
            assertThat(secretBox.open(BoxKey.of(key), Nonce.of(nonce), expected)).hasValue(m);
        }
    }

    @Test
    void boxAgreesWithEasyAndAfternm() {
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair sender = KeyPair.generate(TestSeed.secureRandom(random.nextLong()));
            KeyPair recipient = KeyPair.generate(TestSeed.secureRandom(random.nextLong()));
            Nonce nonce = Nonce.counter(NoncePrefix.MESSAGE_FROM_INITIATOR, random.nextLong());
            byte[] m = bytes(random.nextInt(1169));
            BoxKey k = crypto.beforenm(recipient.publicKey(), sender.secretKey()).orElseThrow();
            byte[] ours = secretBox.seal(k, nonce, m);

            byte[] easy = new byte[m.length + 16];
            assertThat(sodium.crypto_box_easy(easy, m, m.length, nonce.bytes(), recipient.publicKey().bytes(),
                    sender.secretKey().bytes())).isZero();
            assertThat(ours).as("round %d easy", i).isEqualTo(easy);

            byte[] sodiumKey = new byte[32];
            assertThat(sodium.crypto_box_beforenm(sodiumKey, recipient.publicKey().bytes(), sender.secretKey().bytes()))
                    .isZero();
            byte[] afternm = new byte[m.length + 16];
            assertThat(sodium.crypto_box_easy_afternm(afternm, m, m.length, nonce.bytes(), sodiumKey)).isZero();
            assertThat(ours).as("round %d afternm", i).isEqualTo(afternm);

            byte[] opened = new byte[m.length];
            assertThat(sodium.crypto_box_open_easy(opened, ours, ours.length, nonce.bytes(), sender.publicKey().bytes(),
                    recipient.secretKey().bytes())).isZero();
            assertThat(opened).isEqualTo(m);
            assertThat(sodium.crypto_box_open_easy_afternm(opened, ours, ours.length, nonce.bytes(), sodiumKey)).isZero();
            BoxKey recipientView = crypto.beforenm(sender.publicKey(), recipient.secretKey()).orElseThrow();
            assertThat(secretBox.open(recipientView, nonce, easy)).hasValue(m);
        }
    }

    @Test
    void forgeriesAreRefusedByBoth() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(24);
            byte[] m = bytes(random.nextInt(200));
            byte[] box = secretBox.seal(BoxKey.of(key), Nonce.of(nonce), m);
            byte[] forged = box.clone();
            forged[random.nextInt(forged.length)] ^= (byte) (1 << random.nextInt(8));
            assertThat(sodium.crypto_secretbox_open_easy(new byte[m.length], forged, forged.length, nonce, key))
                    .isEqualTo(-1);
            assertThat(secretBox.open(BoxKey.of(key), Nonce.of(nonce), forged)).isEmpty();
            byte[] truncated = Arrays.copyOf(box, random.nextInt(box.length));
            assertThat(sodium.crypto_secretbox_open_easy(new byte[Math.max(0, truncated.length - 16)], truncated,
                    truncated.length, nonce, key)).isEqualTo(-1);
            assertThat(secretBox.open(BoxKey.of(key), Nonce.of(nonce), truncated)).isEmpty();
        }
    }

    @Test
    void channelIdIsTheSha512PrefixOfLabelKeyAndBothShortTermKeys() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] k = bytes(32);
            byte[] initiator = bytes(32);
            byte[] responder = bytes(32);
            byte[] input = concat("SSS channel id".getBytes(StandardCharsets.US_ASCII), k, initiator, responder);
            byte[] digest = new byte[64];
            assertThat(sodium.crypto_hash_sha512(digest, input, input.length)).isZero();
            assertThat(KeyDerivation.channelId(BoxKey.of(k), PublicKey.of(initiator), PublicKey.of(responder)))
                    .isEqualTo(Arrays.copyOf(digest, 16));
        }
    }

    @Test
    void addressBoundMinuteKeyIsTheSha512PrefixOfKeyAddressAndPort() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] t = bytes(32);
            byte[] addr = bytes(random.nextBoolean() ? 4 : 16);
            int port = random.nextInt(65536);
            byte[] input = concat(t, KeyDerivation.normalizeAddress(addr), new byte[] {(byte) (port >> 8), (byte) port});
            byte[] digest = new byte[64];
            assertThat(sodium.crypto_hash_sha512(digest, input, input.length)).isZero();
            assertThat(KeyDerivation.addressBoundMinuteKey(MinuteKey.of(t), addr, port).bytes())
                    .isEqualTo(Arrays.copyOf(digest, 32));
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        return WireBytes.concat(parts);
    }
}
