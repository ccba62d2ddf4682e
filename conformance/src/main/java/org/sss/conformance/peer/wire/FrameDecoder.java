package org.sss.conformance.peer.wire;

import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStruct;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sss.spec.kaitai.Sss;

/**
 * Turns frames read by the Kaitai parser ({@link Sss.Frame}) into {@link PeerFrame} records. The
 * parser enforces what {@code sss.ksy} states (lengths, in-enum types, reserved-bit and CLOSE ack-type
 * checks); rules outside the ksy are left to whoever reads the records.
 */
public final class FrameDecoder {
    private static final long LOW48 = (1L << 48) - 1;

    private FrameDecoder() {
    }

    /**
     * Parses one frame that fills {@code bytes} (a STREAM frame without a length field runs to the
     * end).
     *
     * @throws RuntimeException what Kaitai throws on input it rejects, or {@link IllegalStateException}
     *     when bytes are left over
     */
    public static PeerFrame decode(byte[] bytes) {
        ByteBufferKaitaiStream io = new ByteBufferKaitaiStream(bytes);
        PeerFrame frame = fromKaitai(new Sss.Frame(io));
        if (!io.isEof()) {
            throw new IllegalStateException((io.size() - io.pos()) + " bytes left over after the frame");
        }
        return frame;
    }

    /** The record of a parsed frame. */
    public static PeerFrame fromKaitai(Sss.Frame frame) {
        KaitaiStruct body = frame.body();
        switch (frame.frameType()) {
            case EMPTY:
                return new PeerFrame.Empty();
            case PING:
                return new PeerFrame.Ping();
            case STREAM:
                return stream((Sss.StreamFrame) body);
            case ACK:
                return ack((Sss.AckFrame) body);
            case PADDING:
                return new PeerFrame.Padding(((Sss.PaddingFrame) body).padding());
            case DECONGESTION:
                return new PeerFrame.Decongestion(feedback((Sss.DecongestionFrame) body));
            case DETACH:
                return new PeerFrame.Detach(((Sss.DetachFrame) body).lsid());
            case RESET: {
                Sss.ResetFrame r = (Sss.ResetFrame) body;
                return new PeerFrame.Reset(r.lsid(), r.errorCode(), r.reason().value());
            }
            case CLOSE: {
                Sss.CloseFrame c = (Sss.CloseFrame) body;
                return new PeerFrame.Close(c.errorCode(), c.reason().value(), c.ackType(), ack(c.finalAck()));
            }
            case SETTINGS: {
                List<PeerFrame.Setting> entries = new ArrayList<>();
                for (Sss.Setting s : ((Sss.SettingsFrame) body).settings()) {
                    entries.add(new PeerFrame.Setting(s.tag(), settingValue(s)));
                }
                return new PeerFrame.Settings(entries);
            }
            case PRIORITY: {
                Sss.PriorityFrame p = (Sss.PriorityFrame) body;
                return new PeerFrame.Priority(p.lsid(), p.priority());
            }
            case MAX_DATA:
                return new PeerFrame.MaxData(((Sss.MaxDataFrame) body).maxData());
            case MAX_STREAM_DATA: {
                Sss.MaxStreamDataFrame m = (Sss.MaxStreamDataFrame) body;
                return new PeerFrame.MaxStreamData(m.lsid(), m.maxStreamData());
            }
            case BLOCKED: {
                Sss.BlockedFrame b = (Sss.BlockedFrame) body;
                return new PeerFrame.Blocked(b.lsid(), b.limit());
            }
            case GOAWAY: {
                Sss.GoawayFrame g = (Sss.GoawayFrame) body;
                return new PeerFrame.Goaway(g.lastPeerLsid(), g.errorCode(), g.reason().value());
            }
            case PATH_CHALLENGE:
                return new PeerFrame.PathChallenge(((Sss.PathChallengeFrame) body).data());
            case PATH_RESPONSE:
                return new PeerFrame.PathResponse(((Sss.PathResponseFrame) body).data());
            default:
                throw new IllegalArgumentException("unknown frame type " + frame.frameType());
        }
    }

    private static PeerFrame.Stream stream(Sss.StreamFrame s) {
        int flags = (s.isNoack() ? PeerFrame.Stream.NOACK : 0)
                | (s.isInit() ? PeerFrame.Stream.INIT : 0)
                | (s.hasUsid() ? PeerFrame.Stream.USID : 0)
                | (int) s.offsetSizeCode() << 10
                | (s.hasLength() ? PeerFrame.Stream.LENGTH : 0)
                | (s.isFin() ? PeerFrame.Stream.FIN : 0)
                | (int) s.reserved() << 1
                | (s.isRecordEnd() ? PeerFrame.Stream.RECORD : 0);
        byte[] usid = s.usid() == null ? null
                : ByteBuffer.allocate(24).put(s.usid().channelId()).putLong(s.usid().creationLsid()).array();
        long parent = s.parentLsid() == null ? 0 : s.parentLsid();
        return new PeerFrame.Stream(flags, s.lsid(), parent, usid, s.offset(), s.data());
    }

    private static PeerFrame.Ack ack(Sss.AckFrame a) {
        List<PeerFrame.NackRange> ranges = new ArrayList<>();
        for (Sss.NackRange r : a.nackRanges()) {
            ranges.add(new PeerFrame.NackRange(reconstruct(a.largestObserved(), r.firstMissingLow()), r.runLength()));
        }
        return new PeerFrame.Ack(a.sentEntropy(), a.receivedEntropy(), a.leastUnacked(), a.largestObserved(),
                a.ackDelayUs(), ranges);
    }

    /** FRM-ACK-2: {@code v = b − ((b − low) mod 2^48)} with {@code b = largest_observed − 1}. */
    public static long reconstruct(long largestObserved, long low48) {
        long b = largestObserved - 1;
        return b - ((b - low48) & LOW48);
    }

    private static byte[] settingValue(Sss.Setting s) {
        Object v = s.value();
        if (v instanceof byte[] raw) {
            return raw;
        }
        return PeerFrame.Setting.of(s.tag(), s.lenValue(), ((Number) v).longValue()).value();
    }

    private static PeerFrame.Feedback feedback(Sss.DecongestionFrame d) {
        KaitaiStruct f = d.feedback();
        switch (d.subtype()) {
            case CUBIC: {
                Sss.CubicFeedback c = (Sss.CubicFeedback) f;
                return new PeerFrame.CubicFeedback(c.lostPackets(), c.receiveQueueKib());
            }
            case CHICAGO: {
                Sss.ChicagoFeedback c = (Sss.ChicagoFeedback) f;
                return new PeerFrame.ChicagoFeedback(c.rttHighUs(), c.rttLowUs(), c.rttAverageUs(),
                        c.rttMeanDeviationUs());
            }
            case LEDBAT: {
                List<PeerFrame.ReceiveTimestamp> samples = new ArrayList<>();
                for (Sss.ReceiveTimestamp t : ((Sss.LedbatFeedback) f).samples()) {
                    samples.add(new PeerFrame.ReceiveTimestamp(t.packetNumberLow(), t.receivedUs()));
                }
                return new PeerFrame.LedbatFeedback(samples);
            }
            case INTER_ARRIVAL: {
                Sss.InterArrivalFeedback i = (Sss.InterArrivalFeedback) f;
                List<PeerFrame.InterArrivalDelta> deltas = new ArrayList<>();
                for (Sss.InterArrivalDelta delta : i.deltas()) {
                    deltas.add(new PeerFrame.InterArrivalDelta(delta.packetNumberDelta(), delta.timeDeltaUs()));
                }
                return new PeerFrame.InterArrivalFeedback(i.lostPackets(), i.firstPacketNumberLow(),
                        i.firstReceivedUs(), deltas);
            }
            default:
                throw new IllegalArgumentException("unknown DECONGESTION subtype " + d.subtype());
        }
    }
}
