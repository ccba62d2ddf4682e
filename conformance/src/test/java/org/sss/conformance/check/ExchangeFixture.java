package org.sss.conformance.check;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.PeerOptions;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Builds exchanges by hand for the rule tests: a log of datagrams in both directions, sealed under
 * random channel keys exactly as a tester peer and an IUT would seal them, so that each test can add
 * the one packet that breaks one rule.
 */
final class ExchangeFixture {
    static final InetSocketAddress IUT = new InetSocketAddress("127.0.0.1", 9660);

    final Random random = new Random(0x5353_5343L);
    final byte[] channelKey = bytes(32);
    final byte[] initiatorShortTerm = bytes(32);
    final byte[] responderShortTerm = bytes(32);
    final byte[] iutLongTerm = bytes(32);
    final byte[] testerLongTerm = bytes(32);
    PeerFrame.Settings testerSettings = PeerOptions.DEFAULT_SETTINGS;
    final List<LoggedDatagram> log = new ArrayList<>();
    long testerCounter = 1;
    long iutCounter = 1;

    /**
     * A clean exchange: HELLO, COOKIE, INITIATE; the IUT's SETTINGS and ACK; an echo stream (LSID 1)
     * with a record each way and the IUT's FIN; a best-effort datagram (LSID 2) under it; credit
     * updates; a PING acknowledged by an ACK-only packet.
     */
    static ExchangeFixture clean() {
        ExchangeFixture f = new ExchangeFixture();
        f.handshake();
        f.iut(true, PeerOptions.DEFAULT_SETTINGS, ack(2, 2));
        f.tester(ack(1, 1), PeerFrame.Stream.data(1, 0, "request".getBytes()).with(PeerFrame.Stream.RECORD).opening(0));
        f.iut(false, ack(2, 3), PeerFrame.Stream.data(1, 0, "reply".getBytes()).with(PeerFrame.Stream.RECORD),
                PeerFrame.Stream.data(1, 5, "hello".getBytes()).with(PeerFrame.Stream.RECORD | PeerFrame.Stream.FIN));
        f.iut(false, datagram(2, 1, 0, "dgram", true), new PeerFrame.MaxData(2_000_000),
                new PeerFrame.MaxStreamData(1, 600_000), new PeerFrame.Ping());
        f.tester(ack(1, 3), new PeerFrame.Ping());
        f.iut(false, ack(2, 4));
        return f;
    }

    void handshake() {
        sent(concat(Magic.HELLO.bytes(), initiatorShortTerm, new byte[64], be64(testerCounter++), bytes(80)));
        received(concat(Magic.COOKIE.bytes(), bytes(160)));
        sent(Packets.initiate(initiatorShortTerm, bytes(96), testerCounter++, bytes(112 + 16)));
    }

    static PeerFrame.Ack ack(long least, long largest) {
        return PeerFrame.Ack.of(least, largest, 10, List.of());
    }

    /** A STREAM frame of a best-effort datagram fragment with INIT, NOACK and LENGTH. */
    static PeerFrame.Stream datagram(long lsid, long parent, long offset, String data, boolean fin) {
        PeerFrame.Stream s = PeerFrame.Stream.data(lsid, offset, data.getBytes()).with(PeerFrame.Stream.NOACK)
                .opening(parent);
        return fin ? s.with(PeerFrame.Stream.FIN) : s;
    }

    /** An IUT MESSAGE with the next counter, the 2-byte packet number width and, optionally, the version. */
    long iut(boolean version, PeerFrame... frames) {
        long pn = iutCounter;
        iutPlaintext(pn, PlaintextEncoder.padded(PacketHeader.of(pn, version), List.of(frames)));
        return pn;
    }

    /** An IUT MESSAGE of the given plaintext sealed under counter {@code pn} with the responder's prefix. */
    void iutPlaintext(long pn, byte[] plaintext) {
        iutSealed(pn, plaintext, NoncePrefix.MESSAGE_FROM_RESPONDER);
    }

    void iutSealed(long pn, byte[] plaintext, NoncePrefix prefix) {
        iutCounter = Math.max(iutCounter, pn + 1);
        received(Packets.message(responderShortTerm, pn,
                Nacl.secretbox(plaintext, prefix.withCounter(pn), channelKey)));
    }

    /** A tester MESSAGE with the next counter. */
    long tester(PeerFrame... frames) {
        long pn = testerCounter++;
        byte[] plaintext = PlaintextEncoder.padded(PacketHeader.of(pn, false), List.of(frames));
        sent(Packets.message(initiatorShortTerm, pn,
                Nacl.secretbox(plaintext, NoncePrefix.MESSAGE_FROM_INITIATOR.withCounter(pn), channelKey)));
        return pn;
    }

    void sent(byte[] datagram) {
        log.add(new LoggedDatagram(LoggedDatagram.Direction.SENT, System.nanoTime(), Instant.now(), IUT, datagram));
    }

    void received(byte[] datagram) {
        log.add(new LoggedDatagram(LoggedDatagram.Direction.RECEIVED, System.nanoTime(), Instant.now(), IUT, datagram));
    }

    Exchange exchange() {
        return Exchange.of(new ChannelFacts(iutLongTerm, testerLongTerm, channelKey, initiatorShortTerm,
                responderShortTerm, testerSettings, List.of()), log);
    }

    /** Every violation of every rule. */
    List<Violation> violations() {
        return PacketRules.violations(List.of(exchange()), Set.of());
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] be64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[7 - i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
