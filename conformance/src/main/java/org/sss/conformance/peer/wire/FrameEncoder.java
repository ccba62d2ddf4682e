package org.sss.conformance.peer.wire;

import java.util.List;

/**
 * Writes frames exactly as their records say (FRM-GEN-1 layouts of SPEC.md section 7), without any
 * validation: a record with a zero LSID, reserved bits or a wrong ack type is written as it is.
 */
public final class FrameEncoder {
    private FrameEncoder() {
    }

    /** The bytes of one frame, type byte first. */
    public static byte[] encode(PeerFrame frame) {
        ByteWriter w = new ByteWriter();
        write(w, frame);
        return w.toByteArray();
    }

    /** The bytes of several frames, one after another. */
    public static byte[] encodeAll(List<? extends PeerFrame> frames) {
        ByteWriter w = new ByteWriter();
        for (PeerFrame frame : frames) {
            write(w, frame);
        }
        return w.toByteArray();
    }

    static void write(ByteWriter w, PeerFrame frame) {
        if (frame instanceof PeerFrame.Raw raw) {
            w.bytes(raw.bytes());
            return;
        }
        w.u8(frame.type());
        if (frame instanceof PeerFrame.Stream s) {
            writeStream(w, s);
        } else if (frame instanceof PeerFrame.Ack a) {
            writeAck(w, a);
        } else if (frame instanceof PeerFrame.Padding p) {
            byte[] content = p.content();
            w.u16(content.length).bytes(content);
        } else if (frame instanceof PeerFrame.Decongestion d) {
            writeFeedback(w, d.feedback());
        } else if (frame instanceof PeerFrame.Detach d) {
            w.u32(d.lsid());
        } else if (frame instanceof PeerFrame.Reset r) {
            w.u32(r.lsid()).u32(r.errorCode()).utf8(r.reason());
        } else if (frame instanceof PeerFrame.Close c) {
            w.u32(c.errorCode()).utf8(c.reason()).u8(c.ackType());
            writeAck(w, c.finalAck());
        } else if (frame instanceof PeerFrame.Settings s) {
            w.u16(s.entries().size());
            for (PeerFrame.Setting e : s.entries()) {
                byte[] v = e.value();
                w.u16(e.tag()).u16(v.length).bytes(v);
            }
        } else if (frame instanceof PeerFrame.Priority p) {
            w.u32(p.lsid()).u32(p.priority());
        } else if (frame instanceof PeerFrame.MaxData m) {
            w.u64(m.maxData());
        } else if (frame instanceof PeerFrame.MaxStreamData m) {
            w.u32(m.lsid()).u64(m.maxStreamData());
        } else if (frame instanceof PeerFrame.Blocked b) {
            w.u32(b.lsid()).u64(b.limit());
        } else if (frame instanceof PeerFrame.Goaway g) {
            w.u32(g.lastPeerLsid()).u32(g.errorCode()).utf8(g.reason());
        } else if (frame instanceof PeerFrame.PathChallenge p) {
            w.bytes(p.data());
        } else if (frame instanceof PeerFrame.PathResponse p) {
            w.bytes(p.data());
        }
        // EMPTY and PING have no body
    }

    private static void writeStream(ByteWriter w, PeerFrame.Stream s) {
        w.u16(s.flags()).u32(s.lsid());
        if (s.has(PeerFrame.Stream.INIT)) {
            w.u32(s.parentLsid());
        }
        if (s.has(PeerFrame.Stream.USID)) {
            byte[] usid = s.usid();
            if (usid == null) {
                w.zeros(24);
            } else {
                w.bytes(usid);
            }
        }
        int code = s.offsetSizeCode();
        if (code != 0) {
            w.uN(s.offset(), code + 1);
        }
        if (s.has(PeerFrame.Stream.LENGTH)) {
            w.u16(s.length());
        }
        w.bytes(s.data());
    }

    private static void writeAck(ByteWriter w, PeerFrame.Ack a) {
        w.u8(a.sentEntropy()).u8(a.receivedEntropy()).u8(a.nackRanges().size())
                .u64(a.leastUnacked()).u64(a.largestObserved()).u32(a.ackDelayUs());
        for (PeerFrame.NackRange r : a.nackRanges()) {
            w.u48(r.firstMissing()).u16(r.runLength());
        }
    }

    private static void writeFeedback(ByteWriter w, PeerFrame.Feedback f) {
        w.u8(f.subtype());
        if (f instanceof PeerFrame.CubicFeedback c) {
            w.u16(c.lostPackets()).u16(c.receiveQueueKib());
        } else if (f instanceof PeerFrame.ChicagoFeedback c) {
            w.u32(c.rttHighUs()).u32(c.rttLowUs()).u32(c.rttAverageUs()).u32(c.rttMeanDeviationUs());
        } else if (f instanceof PeerFrame.LedbatFeedback l) {
            w.u8(l.samples().size());
            for (PeerFrame.ReceiveTimestamp t : l.samples()) {
                w.u48(t.packetNumberLow()).u64(t.receivedUs());
            }
        } else if (f instanceof PeerFrame.InterArrivalFeedback i) {
            w.u16(i.lostPackets()).u8(i.deltas().size() + 1).u48(i.firstPacketNumberLow()).u64(i.firstReceivedUs());
            for (PeerFrame.InterArrivalDelta d : i.deltas()) {
                w.u16(d.packetNumberDelta()).u32(d.timeDeltaUs());
            }
        }
    }
}
