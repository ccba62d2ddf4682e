package org.sss.core.crypto;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test-only receiver that checks handshake.json the way a responder or initiator must treat each
 * packet: size rules, then the boxes in the order the brief gives (cookie, cookie's I', box,
 * vouch), then the channel's packet-number rules. It opens what the generator sealed, so it checks
 * the transcript from the other side. It is not the negotiation layer; only what the vectors need.
 */
final class HandshakeReceiver {
    /** What happened to one packet: the plaintext of the outer box, or the drop reason. */
    record Verdict(String dropReason, byte[] plaintext) {
        static Verdict drop(String reason) {
            return new Verdict(reason, null);
        }

        static Verdict accept(byte[] plaintext) {
            return new Verdict(null, plaintext);
        }

        boolean accepted() {
            return dropReason == null;
        }
    }

    /** A channel as seen by one side: the key, the peer's nonce prefix, the counters already accepted. */
    private static final class Channel {
        final BoxKey key;
        final NoncePrefix peerPrefix;
        final Set<Long> seen = new HashSet<>();

        Channel(BoxKey key, NoncePrefix peerPrefix) {
            this.key = key;
            this.peerPrefix = peerPrefix;
        }
    }

    private final CryptoProvider crypto = CryptoProvider.bouncyCastle();
    private final SecretBox secretBox = crypto.newSecretBox();

    /** Responder: r and t; its channels by I'. Initiator: i', R; its channel by R'. */
    private final SecretKey responderLongTerm;
    private final MinuteKey minuteKey;
    private final Map<PublicKey, Channel> responderChannels = new HashMap<>();
    private final SecretKey initiatorShortTerm;
    private final PublicKey responderLongTermPublic;
    private final Map<PublicKey, Channel> initiatorChannels = new HashMap<>();

    HandshakeReceiver(SecretKey responderLongTerm, MinuteKey minuteKey, SecretKey initiatorShortTerm,
            PublicKey responderLongTermPublic) {
        this.responderLongTerm = responderLongTerm;
        this.minuteKey = minuteKey;
        this.initiatorShortTerm = initiatorShortTerm;
        this.responderLongTermPublic = responderLongTermPublic;
    }

    /** The responder's verdict on a datagram from {@code source}. */
    Verdict atResponder(byte[] p, InetSocketAddress source) {
        if (p.length < 8) {
            return Verdict.drop("DATAGRAM_TOO_SHORT");
        }
        if (magic(p, WireBytes.MAGIC_HELLO)) {
            return hello(p);
        }
        if (magic(p, WireBytes.MAGIC_INITIATE)) {
            return initiate(p, source);
        }
        if (magic(p, WireBytes.MAGIC_MESSAGE)) {
            return message(p, responderChannels);
        }
        return Verdict.drop("UNKNOWN_MAGIC");
    }

    /** The initiator's verdict on a datagram. */
    Verdict atInitiator(byte[] p) {
        if (p.length < 8) {
            return Verdict.drop("DATAGRAM_TOO_SHORT");
        }
        if (magic(p, WireBytes.MAGIC_COOKIE)) {
            return cookie(p);
        }
        if (magic(p, WireBytes.MAGIC_MESSAGE)) {
            return message(p, initiatorChannels);
        }
        return Verdict.drop("UNKNOWN_MAGIC");
    }

    private Verdict hello(byte[] p) {
        if (p.length != WireBytes.HELLO_LENGTH) {
            return Verdict.drop("BAD_PACKET_LENGTH");
        }
        Optional<BoxKey> key = crypto.beforenm(PublicKey.of(p, 8), responderLongTerm);
        if (key.isEmpty()) {
            return Verdict.drop("BOX_OPEN_FAILED");
        }
        return open(key.get(), Nonce.fromCompressed(NoncePrefix.HELLO, p, 104), p, 112, "BOX_OPEN_FAILED");
    }

    private Verdict cookie(byte[] p) {
        if (p.length != WireBytes.COOKIE_LENGTH) {
            return Verdict.drop("BAD_PACKET_LENGTH");
        }
        BoxKey key = crypto.beforenm(responderLongTermPublic, initiatorShortTerm).orElseThrow();
        Verdict v = open(key, Nonce.fromCompressed(NoncePrefix.COOKIE, p, 8), p, 24, "BOX_OPEN_FAILED");
        if (v.accepted()) {
            PublicKey responderShortTerm = PublicKey.of(v.plaintext(), 0);
            initiatorChannels.put(responderShortTerm, new Channel(
                    crypto.beforenm(responderShortTerm, initiatorShortTerm).orElseThrow(),
                    NoncePrefix.MESSAGE_FROM_RESPONDER));
        }
        return v;
    }

    private Verdict initiate(byte[] p, InetSocketAddress source) {
        int m = p.length - WireBytes.INITIATE_OVERHEAD;
        if (m < 16 || m > 976 || m % 16 != 0) {
            return Verdict.drop("BAD_PACKET_LENGTH");
        }
        PublicKey initiatorShortTerm = PublicKey.of(p, 8);
        BoxKey tAddr = KeyDerivation.addressBoundMinuteKey(minuteKey, source);
        Verdict cookie = open(tAddr, Nonce.fromCompressed(NoncePrefix.MINUTE_KEY, p, 40), Arrays.copyOfRange(p, 0, 136),
                56, "COOKIE_INVALID");
        if (!cookie.accepted()) {
            return cookie;
        }
        if (!initiatorShortTerm.equalsBytes(cookie.plaintext(), 0)) {
            return Verdict.drop("COOKIE_MISMATCH");
        }
        long counter = u64(p, 136);
        Channel existing = responderChannels.get(initiatorShortTerm);
        if (existing != null) {
            // A live channel for I': the INITIATE is one of its packets (G6).
            return channelPacket(existing, NoncePrefix.INITIATE, counter, p, 144, 96);
        }
        SecretKey responderShortTerm = SecretKey.of(cookie.plaintext(), 32);
        Optional<BoxKey> key = crypto.beforenm(initiatorShortTerm, responderShortTerm);
        if (key.isEmpty()) {
            return Verdict.drop("BOX_OPEN_FAILED");
        }
        Verdict box = open(key.get(), Nonce.counter(NoncePrefix.INITIATE, counter), p, 144, "BOX_OPEN_FAILED");
        if (!box.accepted()) {
            return box;
        }
        byte[] plain = box.plaintext();
        Optional<BoxKey> vouchKey = crypto.beforenm(PublicKey.of(plain, 0), responderLongTerm);
        if (vouchKey.isEmpty()) {
            return Verdict.drop("VOUCH_INVALID");
        }
        Verdict vouch = open(vouchKey.get(), Nonce.fromCompressed(NoncePrefix.VOUCH, plain, 32),
                Arrays.copyOfRange(plain, 0, 96), 48, "VOUCH_INVALID");
        if (!vouch.accepted() || !initiatorShortTerm.equalsBytes(vouch.plaintext(), 0)) {
            return Verdict.drop("VOUCH_INVALID");
        }
        if (!packetNumberMatches(plain, 96, counter)) {
            return Verdict.drop("PACKET_NUMBER_MISMATCH");
        }
        Channel channel = new Channel(key.get(), NoncePrefix.MESSAGE_FROM_INITIATOR);
        channel.seen.add(counter);
        responderChannels.put(initiatorShortTerm, channel);
        return box;
    }

    private Verdict message(byte[] p, Map<PublicKey, Channel> channels) {
        int m = p.length - WireBytes.MESSAGE_OVERHEAD;
        if (m < 16 || m > 1168 || m % 16 != 0) {
            return Verdict.drop("BAD_PACKET_LENGTH");
        }
        Channel channel = channels.get(PublicKey.of(p, 8));
        if (channel == null) {
            return Verdict.drop("UNKNOWN_CHANNEL");
        }
        return channelPacket(channel, channel.peerPrefix, u64(p, 40), p, 48, 0);
    }

    /** Replay check, box, packet number (at {@code headerOffset} of the plaintext), then the window. */
    private Verdict channelPacket(Channel channel, NoncePrefix prefix, long counter, byte[] p, int boxOffset,
            int headerOffset) {
        if (channel.seen.contains(counter)) {
            return Verdict.drop("PACKET_REPLAYED");
        }
        Verdict v = open(channel.key, Nonce.counter(prefix, counter), p, boxOffset, "BOX_OPEN_FAILED");
        if (!v.accepted()) {
            return v;
        }
        if (!packetNumberMatches(v.plaintext(), headerOffset, counter)) {
            return Verdict.drop("PACKET_NUMBER_MISMATCH");
        }
        channel.seen.add(counter);
        return v;
    }

    /** The header's packet number field equals the low bits of the nonce counter. */
    private static boolean packetNumberMatches(byte[] plain, int at, long counter) {
        int flags = plain[at] & 0xFF;
        int width = new int[] {2, 4, 6, 8}[(flags >> 2) & 3];
        int pos = at + 1 + ((flags & 0x01) != 0 ? 2 : 0);
        long field = 0;
        for (int i = 0; i < width; i++) {
            field = (field << 8) | (plain[pos + i] & 0xFF);
        }
        long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;
        return field == (counter & mask);
    }

    /** Opens the box that runs from {@code offset} to the end of {@code p}. */
    private Verdict open(BoxKey key, Nonce nonce, byte[] p, int offset, String reason) {
        byte[] out = new byte[Math.max(0, p.length - offset - SecretBox.TAG_LENGTH)];
        boolean ok = secretBox.open(key, nonce, p, offset, p.length - offset, out, 0);
        return ok ? Verdict.accept(out) : Verdict.drop(reason);
    }

    private static boolean magic(byte[] p, byte[] magic) {
        return Arrays.equals(p, 0, 8, magic, 0, 8);
    }

    private static long u64(byte[] p, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (p[at + i] & 0xFF);
        }
        return v;
    }
}
