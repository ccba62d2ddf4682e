package org.sss.tools.dissect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;
import org.sss.conformance.report.CapturedDatagram;
import org.sss.conformance.report.Keylog;
import org.sss.conformance.report.PcapFile;

/**
 * A channel made up in a test: random short-term keys and channel key K, and INITIATE and MESSAGE
 * packets sealed under K from plaintexts the test chooses, so that a capture can carry exactly the
 * breach a test wants marked. Written as a pcap and a keylog line like an evidence bundle's.
 */
final class CraftedChannel {
    private static final int INITIATE_HEAD = 96;

    final InetSocketAddress initiator = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    final InetSocketAddress responder = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
    private final Random random;
    private final byte[] initiatorKey;
    private final byte[] responderKey;
    private final byte[] channelKey;
    private final byte[] identity;
    private final List<CapturedDatagram> datagrams = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

    CraftedChannel(Random random) {
        this.random = random;
        this.initiatorKey = Nacl.publicKey(bytes(32));
        this.responderKey = Nacl.publicKey(bytes(32));
        this.channelKey = bytes(32);
        this.identity = Nacl.publicKey(bytes(32));
    }

    /** A padded plaintext: a 2-byte-number header (with version 1 when asked) and {@code frames}. */
    static byte[] plaintext(long packetNumber, boolean withVersion, PeerFrame... frames) {
        return PlaintextEncoder.padded(PacketHeader.of(packetNumber, withVersion), List.of(frames));
    }

    /** Adds the initiator's INITIATE carrying {@code message} (its I, vouch nonce and vouch box are random). */
    CraftedChannel initiate(long counter, byte[] message) {
        byte[] plain = new byte[INITIATE_HEAD + message.length];
        System.arraycopy(identity, 0, plain, 0, 32);
        System.arraycopy(bytes(INITIATE_HEAD - 32), 0, plain, 32, INITIATE_HEAD - 32);
        System.arraycopy(message, 0, plain, INITIATE_HEAD, message.length);
        byte[] box = Nacl.secretbox(plain, NoncePrefix.INITIATE.withCounter(counter), channelKey);
        return add(initiator, responder, Packets.initiate(initiatorKey, bytes(96), counter, box));
    }

    /** Adds the initiator's HELLO (its box random). */
    CraftedChannel hello(long counter) {
        return add(initiator, responder, Packets.hello(initiatorKey, counter, bytes(80)));
    }

    /** Adds the responder's COOKIE with {@code box} (144 bytes) as its box. */
    CraftedChannel cookie(byte[] box) {
        return add(responder, initiator, Packets.cookie(bytes(16), box));
    }

    /** I, the initiator's long-term key that its INITIATEs carry. */
    byte[] identity() {
        return identity.clone();
    }

    /** Adds a MESSAGE from the initiator with {@code plaintext}. */
    CraftedChannel fromInitiator(long counter, byte[] plaintext) {
        return add(initiator, responder, message(initiatorKey, NoncePrefix.MESSAGE_FROM_INITIATOR, counter, plaintext));
    }

    /** Adds a MESSAGE from the responder with {@code plaintext}. */
    CraftedChannel fromResponder(long counter, byte[] plaintext) {
        return add(responder, initiator, message(responderKey, NoncePrefix.MESSAGE_FROM_RESPONDER, counter, plaintext));
    }

    private byte[] message(byte[] sender, NoncePrefix prefix, long counter, byte[] plaintext) {
        return Packets.message(sender, counter, Nacl.secretbox(plaintext, prefix.withCounter(counter), channelKey));
    }

    private CraftedChannel add(InetSocketAddress from, InetSocketAddress to, byte[] payload) {
        clock = clock.plusMillis(10);
        datagrams.add(new CapturedDatagram(clock, from, to, payload));
        return this;
    }

    /** Writes {@code name}.pcap and {@code name}.keylog into {@code dir}; returns the pcap. */
    Path write(Path dir, String name) throws IOException {
        Path pcap = dir.resolve(name + ".pcap");
        PcapFile.write(pcap, datagrams);
        Files.writeString(keylog(dir, name), Keylog.LABEL + " " + Hex.of(initiatorKey) + " - " + Hex.of(responderKey)
                + " " + Hex.of(channelKey) + " " + Hex.of(bytes(16)) + "\n", StandardCharsets.UTF_8);
        return pcap;
    }

    static Path keylog(Path dir, String name) {
        return dir.resolve(name + ".keylog");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
