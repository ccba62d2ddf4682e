package org.sss.core.wire;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes single frames. Stateless; every method is safe to call from any thread.
 *
 * <p>{@link #decode(ByteBuf)} reads one frame at the reader index; the readable bytes are the rest
 * of the plaintext, which is where a STREAM frame without a length field ends. Every length the
 * frame claims is checked against what remains before anything is read or allocated.
 */
public final class FrameCodec {
    /** The most bytes a frame can span: the largest plaintext less the shortest header. */
    public static final int MAX_FRAME_SPAN = WireLimits.MAX_PLAINTEXT - WireLimits.MIN_HEADER_LENGTH;

    private FrameCodec() {
    }

    /** The number of bytes {@link #encode(Frame, ByteBuf)} writes for {@code frame}. */
    public static int encodedLength(Frame frame) {
        switch (frame.type()) {
            case EMPTY:
            case PING:
                return 1;
            case STREAM:
                return StreamFrameCodec.encodedLength((StreamFrame) frame);
            case ACK:
                return AckFrameCodec.encodedLength((AckFrame) frame);
            case PADDING:
                return 3 + ((PaddingFrame) frame).length();
            case DECONGESTION:
                return DecongestionFrameCodec.encodedLength((DecongestionFrame) frame);
            case DETACH:
                return 5;
            case RESET:
                return 9 + Utf8.encodedLength(((ResetFrame) frame).reason());
            case CLOSE: {
                CloseFrame close = (CloseFrame) frame;
                return 5 + Utf8.encodedLength(close.reason()) + AckFrameCodec.encodedLength(close.finalAck());
            }
            case SETTINGS:
                return SettingsFrameCodec.encodedLength((SettingsFrame) frame);
            case PRIORITY:
                return 9;
            case MAX_DATA:
            case PATH_CHALLENGE:
            case PATH_RESPONSE:
                return 9;
            case MAX_STREAM_DATA:
            case BLOCKED:
                return 13;
            case GOAWAY:
                return 9 + Utf8.encodedLength(((GoawayFrame) frame).reason());
            default:
                throw new AssertionError(frame.type());
        }
    }

    /** Writes {@code frame}, type byte first, at the writer index of {@code out}. */
    public static void encode(Frame frame, ByteBuf out) {
        switch (frame.type()) {
            case EMPTY:
            case PING:
                out.writeByte(frame.type().code());
                break;
            case STREAM:
                StreamFrameCodec.encode((StreamFrame) frame, out);
                break;
            case ACK:
                AckFrameCodec.encode((AckFrame) frame, out);
                break;
            case PADDING: {
                PaddingFrame padding = (PaddingFrame) frame;
                out.writeByte(FrameType.PADDING.code());
                out.writeShort(padding.length());
                Wire.writeBytes(out, padding.padding());
                break;
            }
            case DECONGESTION:
                DecongestionFrameCodec.encode((DecongestionFrame) frame, out);
                break;
            case DETACH:
                out.writeByte(FrameType.DETACH.code());
                out.writeInt((int) ((DetachFrame) frame).lsid());
                break;
            case RESET: {
                ResetFrame reset = (ResetFrame) frame;
                out.writeByte(FrameType.RESET.code());
                out.writeInt((int) reset.lsid());
                out.writeInt((int) reset.errorCode());
                Utf8.write(out, reset.reason());
                break;
            }
            case CLOSE: {
                CloseFrame close = (CloseFrame) frame;
                out.writeByte(FrameType.CLOSE.code());
                out.writeInt((int) close.errorCode());
                Utf8.write(out, close.reason());
                AckFrameCodec.encode(close.finalAck(), out);
                break;
            }
            case SETTINGS:
                SettingsFrameCodec.encode((SettingsFrame) frame, out);
                break;
            case PRIORITY: {
                PriorityFrame priority = (PriorityFrame) frame;
                out.writeByte(FrameType.PRIORITY.code());
                out.writeInt((int) priority.lsid());
                out.writeInt((int) priority.priority());
                break;
            }
            case MAX_DATA:
                out.writeByte(FrameType.MAX_DATA.code());
                out.writeLong(((MaxDataFrame) frame).maxData());
                break;
            case MAX_STREAM_DATA: {
                MaxStreamDataFrame max = (MaxStreamDataFrame) frame;
                out.writeByte(FrameType.MAX_STREAM_DATA.code());
                out.writeInt((int) max.lsid());
                out.writeLong(max.maxStreamData());
                break;
            }
            case BLOCKED: {
                BlockedFrame blocked = (BlockedFrame) frame;
                out.writeByte(FrameType.BLOCKED.code());
                out.writeInt((int) blocked.lsid());
                out.writeLong(blocked.limit());
                break;
            }
            case GOAWAY: {
                GoawayFrame goaway = (GoawayFrame) frame;
                out.writeByte(FrameType.GOAWAY.code());
                out.writeInt((int) goaway.lastPeerLsid());
                out.writeInt((int) goaway.errorCode());
                Utf8.write(out, goaway.reason());
                break;
            }
            case PATH_CHALLENGE:
                out.writeByte(FrameType.PATH_CHALLENGE.code());
                out.writeLong(((PathChallengeFrame) frame).data());
                break;
            case PATH_RESPONSE:
                out.writeByte(FrameType.PATH_RESPONSE.code());
                out.writeLong(((PathResponseFrame) frame).data());
                break;
            default:
                throw new AssertionError(frame.type());
        }
    }

    /**
     * Decodes one frame at the reader index of {@code in} and advances past it on success (the
     * reader index is unspecified after a failure). Byte fields of the frame are slices of {@code in}.
     */
    public static DecodeResult<Frame> decode(ByteBuf in) {
        if (in.readableBytes() > MAX_FRAME_SPAN) {
            return DecodeResult.failed(DropReason.BAD_PACKET_LENGTH,
                    "%d bytes: a frame spans at most %d (a plaintext of at most 1168 after a 3-byte header)",
                    in.readableBytes(), MAX_FRAME_SPAN);
        }
        if (!in.isReadable()) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "no frame type byte");
        }
        int code = in.readUnsignedByte();
        FrameType type = FrameType.fromCode(code);
        if (type == null) {
            // SPEC FRM-GEN-3: an unknown type is UNKNOWN_FRAME_TYPE; frames carry no length, so it cannot be skipped
            return DecodeResult.failed(DropReason.UNKNOWN_FRAME_TYPE, "unknown frame type %d", code);
        }
        switch (type) {
            case EMPTY:
                return DecodeResult.ok(EmptyFrame.INSTANCE);
            case PING:
                return DecodeResult.ok(PingFrame.INSTANCE);
            case STREAM:
                return StreamFrameCodec.decode(in);
            case ACK: {
                DecodeResult<AckFrame> ack = AckFrameCodec.decode(in, "ACK");
                return ack.isOk() ? DecodeResult.ok(ack.value()) : ack.asFailure();
            }
            case PADDING:
                return padding(in);
            case DECONGESTION:
                return DecongestionFrameCodec.decode(in);
            case DETACH:
                return need(in, 4) ? DecodeResult.ok(new DetachFrame(in.readUnsignedInt()))
                        : truncated(in, 4, "DETACH");
            case RESET:
                return reset(in);
            case CLOSE:
                return close(in);
            case SETTINGS:
                return SettingsFrameCodec.decode(in);
            case PRIORITY:
                return need(in, 8)
                        ? DecodeResult.ok(new PriorityFrame(in.readUnsignedInt(), in.readUnsignedInt()))
                        : truncated(in, 8, "PRIORITY");
            case MAX_DATA:
                return need(in, 8) ? DecodeResult.ok(new MaxDataFrame(in.readLong()))
                        : truncated(in, 8, "MAX_DATA");
            case MAX_STREAM_DATA:
                return need(in, 12)
                        ? DecodeResult.ok(new MaxStreamDataFrame(in.readUnsignedInt(), in.readLong()))
                        : truncated(in, 12, "MAX_STREAM_DATA");
            case BLOCKED:
                return need(in, 12)
                        ? DecodeResult.ok(new BlockedFrame(in.readUnsignedInt(), in.readLong()))
                        : truncated(in, 12, "BLOCKED");
            case GOAWAY:
                return goaway(in);
            case PATH_CHALLENGE:
                return need(in, 8) ? DecodeResult.ok(new PathChallengeFrame(in.readLong()))
                        : truncated(in, 8, "PATH_CHALLENGE");
            case PATH_RESPONSE:
                return need(in, 8) ? DecodeResult.ok(new PathResponseFrame(in.readLong()))
                        : truncated(in, 8, "PATH_RESPONSE");
            default:
                throw new AssertionError(type);
        }
    }

    private static boolean need(ByteBuf in, int length) {
        return in.readableBytes() >= length;
    }

    private static DecodeResult<Frame> truncated(ByteBuf in, int length, String frame) {
        return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "%s: needs %d bytes, %d remain", frame, length,
                in.readableBytes());
    }

    private static DecodeResult<Frame> padding(ByteBuf in) {
        if (in.readableBytes() < 2) {
            return truncated(in, 2, "PADDING");
        }
        int length = in.readUnsignedShort();
        if (in.readableBytes() < length) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "PADDING: length %d but %d bytes remain", length,
                    in.readableBytes());
        }
        // SPEC FRM-PAD-1: skip exactly 3 + L bytes
        return DecodeResult.ok(new PaddingFrame(in.readSlice(length)));
    }

    private static DecodeResult<Frame> reset(ByteBuf in) {
        if (in.readableBytes() < 8) {
            return truncated(in, 8, "RESET");
        }
        long lsid = in.readUnsignedInt();
        long error = in.readUnsignedInt();
        DecodeResult<String> reason = Utf8.read(in, DropReason.FRAME_TRUNCATED, "RESET reason");
        return reason.isOk() ? DecodeResult.ok(new ResetFrame(lsid, error, reason.value())) : reason.asFailure();
    }

    private static DecodeResult<Frame> goaway(ByteBuf in) {
        if (in.readableBytes() < 8) {
            return truncated(in, 8, "GOAWAY");
        }
        long last = in.readUnsignedInt();
        long error = in.readUnsignedInt();
        DecodeResult<String> reason = Utf8.read(in, DropReason.FRAME_TRUNCATED, "GOAWAY reason");
        return reason.isOk() ? DecodeResult.ok(new GoawayFrame(last, error, reason.value())) : reason.asFailure();
    }

    private static DecodeResult<Frame> close(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return truncated(in, 4, "CLOSE");
        }
        long error = in.readUnsignedInt();
        DecodeResult<String> reason = Utf8.read(in, DropReason.FRAME_TRUNCATED, "CLOSE reason");
        if (!reason.isOk()) {
            return reason.asFailure();
        }
        if (!in.isReadable()) {
            return DecodeResult.failed(DropReason.FRAME_TRUNCATED, "CLOSE: final ACK missing");
        }
        int ackType = in.readUnsignedByte();
        // SPEC FRM-CLOSE-3: the byte after the reason must be 0x02, the final ACK's type
        if (ackType != FrameType.ACK.code()) {
            return DecodeResult.failed(DropReason.CLOSE_WITHOUT_ACK, "CLOSE: byte after the reason is %d, not 2", ackType);
        }
        DecodeResult<AckFrame> ack = AckFrameCodec.decode(in, "CLOSE final ACK");
        return ack.isOk() ? DecodeResult.ok(new CloseFrame(error, reason.value(), ack.value())) : ack.asFailure();
    }
}
