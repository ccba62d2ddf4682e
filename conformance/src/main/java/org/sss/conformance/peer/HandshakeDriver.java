package org.sss.conformance.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sss.conformance.peer.crypto.SmallOrderKeyException;
import org.sss.conformance.peer.crypto.X25519KeyPair;
import org.sss.conformance.peer.wire.PacketHeader;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;
import org.sss.conformance.peer.wire.PlaintextEncoder;

/**
 * Runs the initiator's negotiation over a {@link UdpEndpoint} (SPEC.md 5.5 and 5.6): HELLO until a
 * COOKIE opens, then INITIATE until a MESSAGE from {@code R'} opens, each on the schedule of
 * NEG-TIMER-1 / NEG-TIMER-3, with a new counter value for every packet (CRY-CTR-3, NEG-TIMER-4),
 * back to HELLO with a fresh short-term key after four unanswered INITIATEs (NEG-TIMER-6), and
 * failure at the deadline (NEG-TIMER-2). Datagrams it cannot use are reported as rejections.
 */
final class HandshakeDriver {
    private static final int INITIATES_BEFORE_RESTART = 4;

    /**
     * The outcome.
     *
     * @param negotiation the negotiation that succeeded
     * @param boxes the channel's MESSAGE boxes
     * @param nextCounter the next unused value of {@code i'}'s counter
     * @param initiatePacketNumbers the counters of the INITIATEs sent in the successful attempt
     * @param firstMessage the responder's first MESSAGE whose box opened
     * @param firstPlaintext its plaintext
     * @param rejections datagrams that were not used
     */
    record Result(InitiatorNegotiation negotiation, ChannelBoxes boxes, long nextCounter,
            List<Long> initiatePacketNumbers, LoggedDatagram firstMessage, byte[] firstPlaintext,
            List<Rejection> rejections) {
    }

    private HandshakeDriver() {
    }

    static Result run(UdpEndpoint udp, PeerOptions options, X25519KeyPair identity) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        List<Rejection> rejections = new ArrayList<>();
        while (true) {
            // CRY-KEY-1: a fresh short-term pair, and with it a fresh counter (CRY-CTR-1), per attempt
            X25519KeyPair shortTerm = X25519KeyPair.generate(options.random());
            InitiatorNegotiation negotiation = new InitiatorNegotiation(identity, shortTerm, options.targetPublicKey());
            long[] counter = {1};
            CookieContents cookie = awaitCookie(udp, negotiation, counter, deadline, rejections);
            ChannelBoxes boxes;
            try {
                boxes = negotiation.channel(cookie);
            } catch (SmallOrderKeyException e) {
                throw new PeerTimeoutException("the COOKIE carried a small-order R' (CRY-PRIM-4)");
            }
            List<Long> initiates = new ArrayList<>();
            RetransmitSchedule schedule = new RetransmitSchedule(System.nanoTime());
            while (true) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    throw new PeerTimeoutException("no MESSAGE from the responder within " + options.timeout()
                            + " (NEG-TIMER-2); INITIATEs sent: " + initiates);
                }
                if (schedule.due(now)) {
                    if (initiates.size() == INITIATES_BEFORE_RESTART) {
                        break; // NEG-TIMER-6: back to HELLO with a fresh key pair
                    }
                    long pn = counter[0]++;
                    byte[] vouchRandom = new byte[16];
                    options.random().nextBytes(vouchRandom);
                    udp.send(negotiation.initiate(pn, cookie, vouchRandom, initiateMessage(options, pn)));
                    initiates.add(pn);
                    schedule.sent(now);
                }
                LoggedDatagram d = udp.receive(earlier(schedule.next(), deadline));
                if (d == null) {
                    continue;
                }
                byte[] bytes = d.bytes();
                if (boxes.selects(bytes) && (bytes.length - Packets.MESSAGE_OVERHEAD) % 16 == 0
                        && bytes.length >= 80 && bytes.length <= Packets.MAX_DATAGRAM) {
                    Optional<byte[]> plain = boxes.openMessage(bytes);
                    if (plain.isPresent()) {
                        return new Result(negotiation, boxes, counter[0], initiates, d, plain.get(), rejections);
                    }
                    rejections.add(new Rejection(d, "BOX_OPEN_FAILED"));
                } else {
                    rejections.add(new Rejection(d, "UNUSED_DURING_NEGOTIATION"));
                }
            }
        }
    }

    private static CookieContents awaitCookie(UdpEndpoint udp, InitiatorNegotiation negotiation, long[] counter,
            long deadline, List<Rejection> rejections) {
        RetransmitSchedule schedule = new RetransmitSchedule(System.nanoTime());
        List<Long> hellos = new ArrayList<>();
        while (true) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw new PeerTimeoutException("no COOKIE opened before the deadline (NEG-TIMER-2); HELLOs sent: "
                        + hellos);
            }
            if (schedule.due(now)) {
                long c = counter[0]++;
                udp.send(negotiation.hello(c));
                hellos.add(c);
                schedule.sent(now);
            }
            LoggedDatagram d = udp.receive(earlier(schedule.next(), deadline));
            if (d == null) {
                continue;
            }
            // PKT-DEMUX-2: only from the address the HELLO went to
            Optional<CookieContents> cookie = d.remote().equals(udp.target())
                    ? negotiation.openCookie(d.bytes()) : Optional.empty();
            if (cookie.isPresent()) {
                return cookie.get(); // NEG-COOKIE-4: the first that opens
            }
            rejections.add(new Rejection(d, "UNUSED_DURING_NEGOTIATION"));
        }
    }

    private static long earlier(long a, long b) {
        return a - b < 0 ? a : b;
    }

    /** The message inside INITIATE: header with version and packet number {@code pn}, SETTINGS first, then the extra frames (NEG-INITIATE-3, NEG-INITIATE-4). */
    static byte[] initiateMessage(PeerOptions options, long pn) {
        List<PeerFrame> frames = new ArrayList<>();
        frames.add(options.settings());
        frames.addAll(options.initiateFrames());
        byte[] message = PlaintextEncoder.padded(PacketHeader.of(pn, true), frames);
        if (message.length > Packets.MAX_INITIATE_PLAINTEXT) {
            throw new IllegalArgumentException("INITIATE message of " + message.length + " bytes exceeds "
                    + Packets.MAX_INITIATE_PLAINTEXT + " (PKT-SIZE-3)");
        }
        return message;
    }
}
