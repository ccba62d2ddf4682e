package org.sss.conformance.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sss.conformance.peer.LoggedDatagram;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.crypto.KeyDerivation;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Magic;
import org.sss.conformance.peer.wire.Packets;
import org.sss.conformance.peer.wire.PeerFrame;

/**
 * One channel between a tester peer (initiator) and the IUT (responder) as the tester peer logged it:
 * every datagram in both directions in the order it arrived or left, the channel's MESSAGEs opened and
 * dissected in both directions, and the tester peer's INITIATEs with the frames they carried. The
 * log's order is the only clock the rules use: a datagram the tester peer sent before a datagram of
 * the IUT arrived may have reached the IUT before it sent that datagram, one sent after cannot have,
 * which lets rules judge "until acknowledged" and "after receiving" without false alarms.
 */
public final class Exchange {
    private static final int KEY_AT = 8;
    private static final int MESSAGE_COUNTER_AT = 40;
    private static final int INITIATE_COUNTER_AT = 136;

    /** The kind of a channel packet. */
    public enum Kind {
        /** A MESSAGE of the channel. */
        MESSAGE,
        /** An INITIATE of the tester peer: its message starts the initiator's direction (NEG-INITIATE-3). */
        INITIATE
    }

    /**
     * One packet of the channel.
     *
     * @param index the datagram's position in the log
     * @param datagram the datagram
     * @param fromIut whether the IUT sent it
     * @param kind MESSAGE or INITIATE
     * @param number its packet number (the nonce counter, CHN-PN-1)
     * @param dissection its plaintext's dissection, or null when the box was not opened
     * @param frames the frames that parsed (for an INITIATE: the frames the tester peer put in it)
     */
    public record Packet(int index, LoggedDatagram datagram, boolean fromIut, Kind kind, long number,
            Dissection dissection, List<PeerFrame> frames) {
        /** Copies the list. */
        public Packet {
            frames = List.copyOf(frames);
        }

        /** The frames of one type, in order. */
        public <T extends PeerFrame> List<T> framesOf(Class<T> type) {
            return frames.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** Every ACK the packet carries, the final ACK of a CLOSE included. */
        public List<PeerFrame.Ack> acks() {
            List<PeerFrame.Ack> acks = new ArrayList<>(framesOf(PeerFrame.Ack.class));
            framesOf(PeerFrame.Close.class).forEach(c -> acks.add(c.finalAck()));
            return acks;
        }

        /** Whether any frame makes the packet ack-eliciting (SPEC.md 7.0). */
        public boolean isAckEliciting() {
            return frames.stream().anyMatch(PeerFrame::isAckEliciting);
        }
    }

    private final ChannelFacts facts;
    private final byte[] channelId;
    private final List<LoggedDatagram> log;
    private final List<Packet> iut = new ArrayList<>();
    private final List<Packet> iutUnopened = new ArrayList<>();
    private final List<Packet> tester = new ArrayList<>();

    private Exchange(ChannelFacts facts, List<LoggedDatagram> log) {
        this.facts = facts;
        this.log = List.copyOf(log);
        this.channelId = KeyDerivation.channelId(facts.channelKey(), facts.initiatorShortTermKey(),
                facts.responderShortTermKey());
        List<PeerFrame> initiateFrames = new ArrayList<>();
        initiateFrames.add(facts.testerSettings());
        initiateFrames.addAll(facts.testerInitiateFrames());
        for (int i = 0; i < this.log.size(); i++) {
            LoggedDatagram d = this.log.get(i);
            byte[] b = d.bytes();
            if (d.direction() == LoggedDatagram.Direction.RECEIVED) {
                if (names(b, Magic.MESSAGE, facts.responderShortTermKey())) {
                    Optional<byte[]> plain = open(b, NoncePrefix.MESSAGE_FROM_RESPONDER);
                    (plain.isPresent() ? iut : iutUnopened).add(packet(i, d, true, plain));
                }
            } else if (names(b, Magic.MESSAGE, facts.initiatorShortTermKey())) {
                tester.add(packet(i, d, false, open(b, NoncePrefix.MESSAGE_FROM_INITIATOR)));
            } else if (names(b, Magic.INITIATE, facts.initiatorShortTermKey()) && b.length >= INITIATE_COUNTER_AT + 8) {
                tester.add(new Packet(i, d, false, Kind.INITIATE, Dissector.counter(b, INITIATE_COUNTER_AT), null,
                        initiateFrames));
            }
        }
    }

    /** The exchange of {@code facts}' channel as {@code log} records it. */
    public static Exchange of(ChannelFacts facts, List<LoggedDatagram> log) {
        return new Exchange(facts, log);
    }

    /** The exchange of a tester peer's channel with the IUT whose long-term key is {@code iutLongTermKey}. */
    public static Exchange of(TesterPeer peer, byte[] iutLongTermKey) {
        return new Exchange(ChannelFacts.of(peer, iutLongTermKey), peer.datagrams());
    }

    private static boolean names(byte[] b, Magic magic, byte[] key) {
        return magic.starts(b) && b.length >= KEY_AT + 32 && Arrays.equals(b, KEY_AT, KEY_AT + 32, key, 0, 32);
    }

    private Optional<byte[]> open(byte[] b, NoncePrefix prefix) {
        if (b.length < Packets.MESSAGE_OVERHEAD) {
            return Optional.empty();
        }
        return Nacl.secretboxOpen(Arrays.copyOfRange(b, MESSAGE_COUNTER_AT + 8, b.length),
                prefix.withCounter(Dissector.counter(b, MESSAGE_COUNTER_AT)), facts.channelKey());
    }

    /** Opens the box of a MESSAGE of the channel with another prefix (to tell a wrong prefix from garbage). */
    Optional<byte[]> openWith(LoggedDatagram datagram, NoncePrefix prefix) {
        return open(datagram.bytes(), prefix);
    }

    private static Packet packet(int index, LoggedDatagram d, boolean fromIut, Optional<byte[]> plain) {
        long number = Dissector.counter(d.bytes(), MESSAGE_COUNTER_AT);
        if (plain.isEmpty()) {
            return new Packet(index, d, fromIut, Kind.MESSAGE, number, null, List.of());
        }
        Dissection dissection = Dissector.dissect(plain.get());
        return new Packet(index, d, fromIut, Kind.MESSAGE, number, dissection, dissection.frameRecords());
    }

    /** What the checker knows of the channel besides its datagrams. */
    public ChannelFacts facts() {
        return facts;
    }

    /** The channel ID (CRY-KDF-1). */
    public byte[] channelId() {
        return channelId.clone();
    }

    /** Every datagram in both directions, in log order. */
    public List<LoggedDatagram> log() {
        return log;
    }

    /** The IUT's MESSAGEs on the channel whose box opened, in arrival order. */
    public List<Packet> iutPackets() {
        return List.copyOf(iut);
    }

    /** The IUT's MESSAGEs that name the channel (by {@code R'}) but whose box did not open. */
    public List<Packet> iutUnopened() {
        return List.copyOf(iutUnopened);
    }

    /** The tester peer's INITIATEs and MESSAGEs of the channel, in sending order (unopened ones without frames). */
    public List<Packet> testerPackets() {
        return List.copyOf(tester);
    }

    /** The value the tester peer declared for a SETTINGS tag, or {@code defaultValue} (FRM-SET-5). */
    public long testerSetting(int tag, long defaultValue) {
        PeerFrame.Setting s = facts.testerSettings().find(tag);
        return s == null ? defaultValue : s.numericValue();
    }

    /** The largest M the IUT may send: the tester peer's MAX_PLAINTEXT, at most 1168, rounded down to 16 (PKT-SIZE-9). */
    public int testerMaxPlaintext() {
        long max = Math.min(Packets.MAX_MESSAGE_PLAINTEXT,
                testerSetting(PeerFrame.Setting.MAX_PLAINTEXT, Packets.MAX_MESSAGE_PLAINTEXT));
        return (int) (max / 16 * 16);
    }

    /** Whether a packet the tester peer sent before log position {@code before} acknowledged IUT packet {@code number}. */
    public boolean testerAcknowledged(long number, int before) {
        for (Packet p : tester) {
            if (p.index() >= before) {
                break;
            }
            for (PeerFrame.Ack ack : p.acks()) {
                if (ack.acknowledges(number)) {
                    return true;
                }
            }
        }
        return false;
    }
}
