package org.sss.core.crypto;

import java.util.HexFormat;

/**
 * Published values from NaCl's own tests, as carried in libsodium's test suite
 * (github.com/jedisct1/libsodium, test/default/): box.c, box2.c, secretbox.c, scalarmult.c,
 * scalarmult2.c, scalarmult5.c and core1.c. Expected outputs are the corresponding .exp files.
 */
final class NaclTestValues {
    private NaclTestValues() {
    }

    /** Alice's secret key (box.c, scalarmult.c, scalarmult5.c). */
    static final byte[] ALICE_SK = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    /** Alice's public key (scalarmult.exp; box2.c). */
    static final byte[] ALICE_PK = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    /** Bob's secret key (box2.c, scalarmult2.c). */
    static final byte[] BOB_SK = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    /** Bob's public key (box.c, scalarmult5.c). */
    static final byte[] BOB_PK = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    /** X25519(alicesk, bobpk), the "shared" input of core1.c. */
    static final byte[] SHARED = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    /** HSalsa20(shared, 0^16): core1.c's output, used as the key in secretbox.c. */
    static final byte[] FIRSTKEY = hex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    /** The 24-byte nonce of box.c and secretbox.c. */
    static final byte[] NONCE = hex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    /** The 131-byte message of box.c and secretbox.c (after NaCl's 32 leading zero bytes). */
    static final byte[] MESSAGE = hex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
            + "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
            + "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
            + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864"
            + "5e0705");
    /** tag || ciphertext (box.exp and secretbox.exp: bytes 16..163 of NaCl's output). */
    static final byte[] BOX = hex(
            "f3ffc7703f9400e52a7dfb4b3d3305d9"
            + "8e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186a"
            + "c0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738"
            + "b48eeee314a7cc8ab932164548e526ae90224368517acfeabd6bb3732bc0e9da"
            + "99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74"
            + "e355a5");
    /** A point of order 8 that crypto_box must refuse (box.c, box2.c "small_order_p"). */
    static final byte[] SMALL_ORDER_P = hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
