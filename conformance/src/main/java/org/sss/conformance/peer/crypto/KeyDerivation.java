package org.sss.conformance.peer.crypto;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The derivations of SPEC.md sections 4.5 and 4.6: the channel ID, the USID and the responder's
 * address-bound minute key.
 */
public final class KeyDerivation {
    private static final byte[] CHANNEL_ID_LABEL = "SSS channel id".getBytes(StandardCharsets.US_ASCII);

    private KeyDerivation() {
    }

    /** CRY-KDF-1: {@code SHA-512("SSS channel id" ‖ K ‖ I' ‖ R')[0..16)}. */
    public static byte[] channelId(byte[] channelKey, byte[] initiatorShortTermPublic, byte[] responderShortTermPublic) {
        return Arrays.copyOf(sha512(CHANNEL_ID_LABEL, channelKey, initiatorShortTermPublic, responderShortTermPublic), 16);
    }

    /** CRY-KDF-2: {@code channel_id ‖ be64(L)}. */
    public static byte[] usid(byte[] channelId, long lsid) {
        return ByteBuffer.allocate(24).put(channelId).putLong(lsid).array();
    }

    /**
     * CRY-COOKIE-4: the address bytes a responder hashes: 4 for IPv4, the embedded 4 for an
     * IPv4-mapped IPv6 address, 16 otherwise.
     */
    public static byte[] normalizedAddress(byte[] addressBytes) {
        if (addressBytes.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= addressBytes[i] == 0;
            }
            mapped &= addressBytes[10] == (byte) 0xff && addressBytes[11] == (byte) 0xff;
            if (mapped) {
                return Arrays.copyOfRange(addressBytes, 12, 16);
            }
        } else if (addressBytes.length != 4) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + addressBytes.length);
        }
        return addressBytes.clone();
    }

    /** {@link #normalizedAddress(byte[])} of an {@link InetAddress} (Java already folds mapped addresses into {@link Inet4Address}). */
    public static byte[] normalizedAddress(InetAddress address) {
        if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        return normalizedAddress(address.getAddress());
    }

    /** CRY-COOKIE-4: {@code t_addr = SHA-512(t ‖ addr ‖ be16(port))[0..32)}. */
    public static byte[] addressBoundMinuteKey(byte[] minuteKey, byte[] addressBytes, int port) {
        byte[] be16 = {(byte) (port >>> 8), (byte) port};
        return Arrays.copyOf(sha512(minuteKey, normalizedAddress(addressBytes), be16), 32);
    }

    /** SHA-512 of the concatenation of {@code parts}. */
    public static byte[] sha512(byte[]... parts) {
        SHA512Digest digest = new SHA512Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }
}
