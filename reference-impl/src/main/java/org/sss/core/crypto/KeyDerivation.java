package org.sss.core.crypto;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The SHA-512 derivations of SSS: the channel ID and the address-bound minute key. Each is a
 * prefix of {@code SHA-512(label-or-key || inputs)}; intermediate digests are cleared.
 */
public final class KeyDerivation {
    /** Length of a channel ID in bytes. */
    public static final int CHANNEL_ID_LENGTH = 16;

    private static final byte[] CHANNEL_ID_LABEL = "SSS channel id".getBytes(StandardCharsets.US_ASCII);
    private static final int SHA512_LENGTH = 64;

    private KeyDerivation() {
    }

    /**
     * {@code channel_id = SHA-512("SSS channel id" || K || I' || R')[0..16)}, where {@code K} is the
     * channel's box key {@code beforenm(peer', own')}, the same on both sides, and the label is 14
     * ASCII bytes without a terminator. One ID serves both directions.
     */
    public static byte[] channelId(BoxKey channelKey, PublicKey initiatorShortTerm, PublicKey responderShortTerm) {
        Objects.requireNonNull(channelKey, "channelKey");
        Objects.requireNonNull(initiatorShortTerm, "initiatorShortTerm");
        Objects.requireNonNull(responderShortTerm, "responderShortTerm");
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(CHANNEL_ID_LABEL, 0, CHANNEL_ID_LABEL.length);
        sha512.update(channelKey.array(), 0, BoxKey.LENGTH);
        sha512.update(initiatorShortTerm.array(), 0, PublicKey.LENGTH);
        sha512.update(responderShortTerm.array(), 0, PublicKey.LENGTH);
        return finish(sha512, CHANNEL_ID_LENGTH);
    }

    /**
     * The key that seals and opens a cookie for one initiator address:
     * {@code t_addr = SHA-512(t || addr || port_be16)[0..32)}, with {@code addr} 4 bytes for IPv4
     * (an IPv4-mapped IPv6 address counts as IPv4) and 16 bytes for IPv6.
     */
    public static BoxKey addressBoundMinuteKey(MinuteKey minuteKey, InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address: unresolved (" + address + ")");
        }
        return addressBoundMinuteKey(minuteKey, address.getAddress(), address.getPort());
    }

    /** As {@link #addressBoundMinuteKey(MinuteKey, InetSocketAddress)}. */
    public static BoxKey addressBoundMinuteKey(MinuteKey minuteKey, InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        return addressBoundMinuteKey(minuteKey, address.getAddress(), port);
    }

    /**
     * As {@link #addressBoundMinuteKey(MinuteKey, InetSocketAddress)}, from raw address bytes (4 or
     * 16; an IPv4-mapped IPv6 address is normalised to its 4 IPv4 bytes).
     */
    public static BoxKey addressBoundMinuteKey(MinuteKey minuteKey, byte[] address, int port) {
        Objects.requireNonNull(minuteKey, "minuteKey");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port: not in 0..65535 (" + port + ")");
        }
        byte[] addr = normalizeAddress(address);
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(minuteKey.array(), 0, MinuteKey.LENGTH);
        sha512.update(addr, 0, addr.length);
        sha512.update((byte) (port >>> 8));
        sha512.update((byte) port);
        return BoxKey.wrap(finish(sha512, BoxKey.LENGTH));
    }

    /**
     * The address bytes that enter {@code t_addr}: 4 bytes for IPv4 and for IPv4-mapped IPv6
     * ({@code ::ffff:a.b.c.d}), 16 bytes for any other IPv6 address.
     */
    public static byte[] normalizeAddress(byte[] address) {
        Objects.requireNonNull(address, "address");
        if (address.length == 4) {
            return address.clone();
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("address: expected 4 or 16 bytes, got " + address.length);
        }
        if (isIpv4Mapped(address)) {
            return Arrays.copyOfRange(address, 12, 16);
        }
        return address.clone();
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }

    private static byte[] finish(SHA512Digest sha512, int length) {
        byte[] digest = new byte[SHA512_LENGTH];
        try {
            sha512.doFinal(digest, 0);
            return Arrays.copyOf(digest, length);
        } finally {
            Arrays.fill(digest, (byte) 0);
        }
    }
}
