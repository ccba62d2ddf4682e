package org.sss.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sss.core.crypto.NaclTestValues.ALICE_PK;
import static org.sss.core.crypto.NaclTestValues.ALICE_SK;
import static org.sss.core.crypto.NaclTestValues.BOB_PK;
import static org.sss.core.crypto.NaclTestValues.BOB_SK;
import static org.sss.core.crypto.NaclTestValues.BOX;
import static org.sss.core.crypto.NaclTestValues.FIRSTKEY;
import static org.sss.core.crypto.NaclTestValues.MESSAGE;
import static org.sss.core.crypto.NaclTestValues.NONCE;
import static org.sss.core.crypto.NaclTestValues.SHARED;
import static org.sss.core.crypto.NaclTestValues.SMALL_ORDER_P;

import org.junit.jupiter.api.Test;

/**
 * The reference crypto reproduces the values published in NaCl's tests (libsodium
 * test/default/box.c, box2.c, secretbox.c, scalarmult.c, scalarmult2.c, scalarmult5.c, core1.c).
 */
class NaclKnownAnswerTest {
    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final SecretBox secretBox = crypto.newSecretBox();

    @Test
    void scalarmultBaseGivesThePublishedPublicKeys() {
        // scalarmult.c / scalarmult.exp, scalarmult2.c
        assertThat(crypto.keyAgreement().publicKey(SecretKey.of(ALICE_SK)).bytes()).isEqualTo(ALICE_PK);
        assertThat(crypto.keyAgreement().publicKey(SecretKey.of(BOB_SK)).bytes()).isEqualTo(BOB_PK);
    }

    @Test
    void scalarmultGivesThePublishedSharedValueBothWays() {
        // scalarmult5.c (alice) and scalarmult6.c (bob); the value is core1.c's "shared"
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        assertThat(crypto.keyAgreement().agree(SecretKey.of(ALICE_SK), PublicKey.of(BOB_PK), a, 0)).isTrue();
        assertThat(crypto.keyAgreement().agree(SecretKey.of(BOB_SK), PublicKey.of(ALICE_PK), b, 0)).isTrue();
        assertThat(a).isEqualTo(SHARED);
        assertThat(b).isEqualTo(SHARED);
    }

    @Test
    void hsalsa20OfTheSharedValueIsFirstkey() {
        // core1.c: crypto_core_hsalsa20(firstkey, zero, shared, sigma)
        byte[] out = new byte[32];
        HSalsa20.hsalsa20(out, 0, new byte[16], 0, SHARED, 0);
        assertThat(out).isEqualTo(FIRSTKEY);
    }

    @Test
    void beforenmIsFirstkeyFromEitherSide() {
        assertThat(crypto.beforenm(PublicKey.of(BOB_PK), SecretKey.of(ALICE_SK)).orElseThrow().bytes()).isEqualTo(FIRSTKEY);
        assertThat(crypto.beforenm(PublicKey.of(ALICE_PK), SecretKey.of(BOB_SK)).orElseThrow().bytes()).isEqualTo(FIRSTKEY);
    }

    @Test
    void secretboxOfThe131ByteMessageIsThePublishedBox() {
        // secretbox.c / secretbox.exp; NaCl's output after its 16 zero bytes is tag || ciphertext
        assertThat(secretBox.seal(BoxKey.of(FIRSTKEY), Nonce.of(NONCE), MESSAGE)).isEqualTo(BOX);
    }

    @Test
    void boxFromAliceToBobIsThePublishedBoxAndBobOpensIt() {
        // box.c / box.exp (seal) and box2.c (open)
        BoxKey alice = crypto.beforenm(PublicKey.of(BOB_PK), SecretKey.of(ALICE_SK)).orElseThrow();
        BoxKey bob = crypto.beforenm(PublicKey.of(ALICE_PK), SecretKey.of(BOB_SK)).orElseThrow();
        assertThat(secretBox.seal(alice, Nonce.of(NONCE), MESSAGE)).isEqualTo(BOX);
        assertThat(secretBox.open(bob, Nonce.of(NONCE), BOX)).hasValue(MESSAGE);
    }

    @Test
    void beforenmRefusesTheSmallOrderPointOfBoxC() {
        // box.c: crypto_box_beforenm(k, small_order_p, alicesk) == -1
        assertThat(crypto.beforenm(PublicKey.of(SMALL_ORDER_P), SecretKey.of(ALICE_SK))).isEmpty();
        byte[] out = new byte[32];
        assertThat(crypto.keyAgreement().agree(SecretKey.of(ALICE_SK), PublicKey.of(SMALL_ORDER_P), out, 0)).isFalse();
    }

    @Test
    void seedKeypairMatchesLibsodiumsDefinition() {
        // crypto_box_seed_keypair: sk = SHA-512(seed)[0..32); checked against libsodium in LibsodiumOracleTest
        KeyPair pair = KeyPair.fromSeed(new byte[32]);
        assertThat(pair.publicKey()).isEqualTo(crypto.keyAgreement().publicKey(pair.secretKey()));
    }
}
