package org.sss.core.crypto;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;

/**
 * libsodium (Debian {@code libsodium23}) through JNA: the independent oracle for the crypto
 * tests. Loading fails loudly; the tests never skip when it is missing.
 */
interface Libsodium extends Library {

    /** The loaded, initialised library. */
    static Libsodium get() {
        if (Holder.INSTANCE == null) {
            throw new IllegalStateException(Holder.FAILURE);
        }
        return Holder.INSTANCE;
    }

    int sodium_init();

    String sodium_version_string();

    int crypto_scalarmult(byte[] q, byte[] n, byte[] p);

    int crypto_scalarmult_base(byte[] q, byte[] n);

    int crypto_core_hsalsa20(byte[] out, byte[] in, byte[] k, byte[] c);

    int crypto_box_beforenm(byte[] k, byte[] pk, byte[] sk);

    int crypto_box_seed_keypair(byte[] pk, byte[] sk, byte[] seed);

    int crypto_box_easy(byte[] c, byte[] m, long mlen, byte[] n, byte[] pk, byte[] sk);

    int crypto_box_open_easy(byte[] m, byte[] c, long clen, byte[] n, byte[] pk, byte[] sk);

    int crypto_box_easy_afternm(byte[] c, byte[] m, long mlen, byte[] n, byte[] k);

    int crypto_box_open_easy_afternm(byte[] m, byte[] c, long clen, byte[] n, byte[] k);

    int crypto_secretbox_easy(byte[] c, byte[] m, long mlen, byte[] n, byte[] k);

    int crypto_secretbox_open_easy(byte[] m, byte[] c, long clen, byte[] n, byte[] k);

    int crypto_hash_sha512(byte[] out, byte[] in, long inlen);

    /** Lazy holder so a load failure is reported by the first test that needs the oracle. */
    final class Holder {
        static String FAILURE;
        static final Libsodium INSTANCE = load();

        private Holder() {
        }

        private static Libsodium load() {
            List<String> errors = new ArrayList<>();
            // Debian's runtime package ships only the versioned name; -dev adds "libsodium.so".
            for (String name : new String[] {"sodium", "libsodium.so.23", "libsodium.so.26"}) {
                try {
                    Libsodium lib = Native.load(name, Libsodium.class);
                    if (lib.sodium_init() < 0) {
                        throw new IllegalStateException("sodium_init() failed");
                    }
                    return lib;
                } catch (UnsatisfiedLinkError | IllegalStateException e) {
                    errors.add(name + ": " + e.getMessage());
                }
            }
            FAILURE = "libsodium, the crypto oracle of these tests, cannot be loaded;"
                    + " install it (Debian: apt-get install -y libsodium23). Tried " + errors;
            return null;
        }
    }
}
