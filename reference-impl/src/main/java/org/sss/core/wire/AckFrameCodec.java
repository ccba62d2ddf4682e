package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** Body codec of {@link AckFrame}; also reads the final ACK nested in CLOSE. */
final class AckFrameCodec {
    private AckFrameCodec() {
    }

    static int encodedLength(AckFrame frame) {
        return AckFrame.BASE_LENGTH + NackRange.LENGTH * frame.nackRanges().size();
    }

    static void encode(AckFrame frame, ByteBuf out) {
        out.writeByte(FrameType.ACK.code());
        out.writeByte(frame.sentEntropy());
        out.writeByte(frame.receivedEntropy());
        out.writeByte(frame.nackRanges().size());
        out.writeLong(frame.leastUnacked());
        out.writeLong(frame.largestObserved());
        out.writeInt((int) frame.ackDelayUs());
        for (NackRange range : frame.nackRanges()) {
            Wire.writeU48(out, range.firstMissingLow());
            out.writeShort(range.runLength());
        }
    }

    /**
     * Decodes the body; {@code in} is positioned after the type byte.
     * SPEC FRM-GEN-8: least_unacked is checked when largest_observed has been read, and each NACK
     * range when it has been read, so an invalid early range wins over a truncated later one.
     */
    static DecodeResult<AckFrame> decode(ByteBuf in, String context) {
        if (in.readableBytes() < 19) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED,
                    "%s: fields up to largest_observed need 19 bytes, %d remain", context, in.readableBytes());
        }
        int sentEntropy = in.readUnsignedByte();
        int receivedEntropy = in.readUnsignedByte();
        int count = in.readUnsignedByte();
        long leastUnacked = in.readLong();
        long largestObserved = in.readLong();
        String problem = AckFrame.boundsProblem(leastUnacked, largestObserved);
        if (problem != null) {
            return DecodeResult.failed(DropReason.ACK_RANGE_INVALID, "%s: %s", context, problem);
        }
        if (in.readableBytes() < 4) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "%s: ack_delay_us needs 4 bytes, %d remain",
                    context, in.readableBytes());
        }
        long ackDelayUs = in.readUnsignedInt();
        NackRange[] ranges = new NackRange[count];
        long bound = largestObserved;
        for (int i = 0; i < count; i++) {
            if (in.readableBytes() < NackRange.LENGTH) {
                return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "%s: NACK range %d of %d needs 8 bytes, %d remain",
                        context, i, count, in.readableBytes());
            }
            long low = Wire.readU48(in);
            int run = in.readUnsignedShort();
            if (run == 0) {
                return DecodeResult.failed(DropReason.ACK_RANGE_INVALID, "%s: range %d has run length 0", context, i);
            }
            ranges[i] = new NackRange(low, run);
            problem = AckFrame.rangeProblem(i, ranges[i], leastUnacked, largestObserved, bound);
            if (problem != null) {
                return DecodeResult.failed(DropReason.ACK_RANGE_INVALID, "%s: %s", context, problem);
            }
            bound = ranges[i].firstMissing(largestObserved);
        }
        return DecodeResult.ok(new AckFrame(sentEntropy, receivedEntropy, leastUnacked, largestObserved, ackDelayUs,
                Arrays.asList(ranges)));
    }
}
