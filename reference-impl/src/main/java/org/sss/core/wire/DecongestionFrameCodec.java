package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** Body codec of {@link DecongestionFrame}. */
final class DecongestionFrameCodec {
    private DecongestionFrameCodec() {
    }

    static int encodedLength(DecongestionFrame frame) {
        FeedbackBody body = frame.feedback();
        int bodyLength;
        if (body instanceof CubicFeedback) {
            bodyLength = 4;
        } else if (body instanceof ChicagoFeedback) {
            bodyLength = 16;
        } else if (body instanceof LedbatFeedback ledbat) {
            bodyLength = 1 + ReceiveTimestamp.LENGTH * ledbat.samples().size();
        } else {
            bodyLength = 2 + 1 + 6 + 8 + InterArrivalDelta.LENGTH * ((InterArrivalFeedback) body).deltas().size();
        }
        return 2 + bodyLength;
    }

    static void encode(DecongestionFrame frame, ByteBuf out) {
        out.writeByte(FrameType.DECONGESTION.code());
        out.writeByte(frame.subtype().code());
        FeedbackBody body = frame.feedback();
        if (body instanceof CubicFeedback cubic) {
            out.writeShort(cubic.lostPackets());
            out.writeShort(cubic.receiveQueueKib());
        } else if (body instanceof ChicagoFeedback chicago) {
            out.writeInt((int) chicago.rttHighUs());
            out.writeInt((int) chicago.rttLowUs());
            out.writeInt((int) chicago.rttAverageUs());
            out.writeInt((int) chicago.rttMeanDeviationUs());
        } else if (body instanceof LedbatFeedback ledbat) {
            out.writeByte(ledbat.samples().size());
            for (ReceiveTimestamp sample : ledbat.samples()) {
                Wire.writeU48(out, sample.packetNumberLow());
                out.writeLong(sample.receivedUs());
            }
        } else {
            InterArrivalFeedback arrival = (InterArrivalFeedback) body;
            out.writeShort(arrival.lostPackets());
            out.writeByte(arrival.numReceived());
            Wire.writeU48(out, arrival.firstPacketNumberLow());
            out.writeLong(arrival.firstReceivedUs());
            for (InterArrivalDelta delta : arrival.deltas()) {
                out.writeShort(delta.packetNumberDelta());
                out.writeInt((int) delta.timeDeltaUs());
            }
        }
    }

    static DecodeResult<Frame> decode(ByteBuf in) {
        if (in.readableBytes() < 1) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "DECONGESTION: subtype missing");
        }
        int code = in.readUnsignedByte();
        CongestionFeedback subtype = CongestionFeedback.fromCode(code);
        if (subtype == null) {
            // SPEC FRM-DECONG-1: a subtype other than 1 to 4
            return DecodeResult.failed(DropReason.UNKNOWN_CONGESTION_FEEDBACK, "DECONGESTION: unknown subtype %d", code);
        }
        DecodeResult<FeedbackBody> body;
        switch (subtype) {
            case CUBIC:
                body = cubic(in);
                break;
            case CHICAGO:
                body = chicago(in);
                break;
            case LEDBAT:
                body = ledbat(in);
                break;
            default:
                body = interArrival(in);
                break;
        }
        return body.isOk() ? DecodeResult.ok(new DecongestionFrame(body.value())) : body.asFailure();
    }

    private static DecodeResult<FeedbackBody> truncated(String subtype, int needed, int remaining) {
        return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                "DECONGESTION %s: needs %d bytes, %d remain", subtype, needed, remaining);
    }

    private static DecodeResult<FeedbackBody> cubic(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return truncated("CUBIC", 4, in.readableBytes());
        }
        return DecodeResult.ok(new CubicFeedback(in.readUnsignedShort(), in.readUnsignedShort()));
    }

    private static DecodeResult<FeedbackBody> chicago(ByteBuf in) {
        if (in.readableBytes() < 16) {
            return truncated("CHICAGO", 16, in.readableBytes());
        }
        return DecodeResult.ok(new ChicagoFeedback(in.readUnsignedInt(), in.readUnsignedInt(), in.readUnsignedInt(),
                in.readUnsignedInt()));
    }

    private static DecodeResult<FeedbackBody> ledbat(ByteBuf in) {
        if (in.readableBytes() < 1) {
            return truncated("LEDBAT", 1, 0);
        }
        int count = in.readUnsignedByte();
        // SPEC FRM-DECONG-1: num_samples 0 is UNKNOWN_CONGESTION_FEEDBACK, before any truncation after it
        if (count == 0) {
            return DecodeResult.failed(DropReason.UNKNOWN_CONGESTION_FEEDBACK, "DECONGESTION LEDBAT: num_samples 0");
        }
        if (in.readableBytes() < ReceiveTimestamp.LENGTH * count) {
            return truncated("LEDBAT", ReceiveTimestamp.LENGTH * count, in.readableBytes());
        }
        ReceiveTimestamp[] samples = new ReceiveTimestamp[count];
        for (int i = 0; i < count; i++) {
            samples[i] = new ReceiveTimestamp(Wire.readU48(in), in.readLong());
        }
        return DecodeResult.ok(new LedbatFeedback(Arrays.asList(samples)));
    }

    private static DecodeResult<FeedbackBody> interArrival(ByteBuf in) {
        if (in.readableBytes() < 3) {
            return truncated("INTER_ARRIVAL", 3, in.readableBytes());
        }
        int lost = in.readUnsignedShort();
        int count = in.readUnsignedByte();
        // SPEC FRM-DECONG-1: num_received 0 is UNKNOWN_CONGESTION_FEEDBACK, before any truncation after it
        if (count == 0) {
            return DecodeResult.failed(DropReason.UNKNOWN_CONGESTION_FEEDBACK, "DECONGESTION INTER_ARRIVAL: num_received 0");
        }
        int needed = 6 + 8 + InterArrivalDelta.LENGTH * (count - 1);
        if (in.readableBytes() < needed) {
            return truncated("INTER_ARRIVAL", needed, in.readableBytes());
        }
        long first = Wire.readU48(in);
        long firstUs = in.readLong();
        InterArrivalDelta[] deltas = new InterArrivalDelta[count - 1];
        for (int i = 0; i < deltas.length; i++) {
            deltas[i] = new InterArrivalDelta(in.readUnsignedShort(), in.readUnsignedInt());
        }
        return DecodeResult.ok(new InterArrivalFeedback(lost, first, firstUs, Arrays.asList(deltas)));
    }
}
