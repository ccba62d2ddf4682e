package org.sss.core.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dissects decoded values into field trees shaped and named exactly like the types of
 * {@code spec/sss.ksy}: maps keyed by the ksy ids in snake_case, in sequence order, present only
 * when the ksy field is present, followed by the value instances the ksy defines. Integers are
 * {@link Long}s (64-bit values at or above 2^63 become {@link BigInteger}s so they print unsigned),
 * byte arrays lowercase hex strings, flags booleans, enum fields their wire values.
 *
 * <p>The test vectors carry these trees as their expected field values, and the tests compare
 * them with what the Kaitai parser generated from the ksy reads from the same bytes.
 */
public final class WireFields {
    private WireFields() {
    }

    /** The tree of a {@code frame}. */
    public static Map<String, Object> of(Frame frame) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("frame_type", (long) frame.type().code());
        Map<String, Object> body = body(frame);
        if (body != null) {
            fields.put("body", body);
        }
        return fields;
    }

    private static Map<String, Object> body(Frame frame) {
        switch (frame.type()) {
            case EMPTY:
            case PING:
                return null;
            case STREAM:
                return stream((StreamFrame) frame);
            case ACK:
                return ack((AckFrame) frame);
            case PADDING: {
                PaddingFrame padding = (PaddingFrame) frame;
                return map("len_padding", (long) padding.length(), "padding", hex(padding.padding()));
            }
            case DECONGESTION:
                return decongestion((DecongestionFrame) frame);
            case DETACH:
                return map("lsid", ((DetachFrame) frame).lsid());
            case RESET: {
                ResetFrame reset = (ResetFrame) frame;
                return map("lsid", reset.lsid(), "error_code", reset.errorCode(), "reason", string(reset.reason()));
            }
            case CLOSE: {
                CloseFrame close = (CloseFrame) frame;
                return map("error_code", close.errorCode(), "reason", string(close.reason()),
                        "ack_type", (long) FrameType.ACK.code(), "final_ack", ack(close.finalAck()));
            }
            case SETTINGS:
                return settings((SettingsFrame) frame);
            case PRIORITY: {
                PriorityFrame priority = (PriorityFrame) frame;
                return map("lsid", priority.lsid(), "priority", priority.priority());
            }
            case MAX_DATA:
                return map("max_data", u64(((MaxDataFrame) frame).maxData()));
            case MAX_STREAM_DATA: {
                MaxStreamDataFrame max = (MaxStreamDataFrame) frame;
                return map("lsid", max.lsid(), "max_stream_data", u64(max.maxStreamData()));
            }
            case BLOCKED: {
                BlockedFrame blocked = (BlockedFrame) frame;
                return map("lsid", blocked.lsid(), "limit", u64(blocked.limit()));
            }
            case GOAWAY: {
                GoawayFrame goaway = (GoawayFrame) frame;
                return map("last_peer_lsid", goaway.lastPeerLsid(), "error_code", goaway.errorCode(),
                        "reason", string(goaway.reason()));
            }
            case PATH_CHALLENGE:
                return map("data", hexLong(((PathChallengeFrame) frame).data()));
            case PATH_RESPONSE:
                return map("data", hexLong(((PathResponseFrame) frame).data()));
            default:
                throw new AssertionError(frame.type());
        }
    }

    private static Map<String, Object> stream(StreamFrame frame) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("is_noack", frame.noAck());
        fields.put("is_init", frame.init());
        fields.put("has_usid", frame.usid() != null);
        fields.put("offset_size_code", (long) frame.offsetSizeCode());
        fields.put("has_length", frame.explicitLength());
        fields.put("is_fin", frame.fin());
        fields.put("reserved", 0L);
        fields.put("is_record_end", frame.recordEnd());
        fields.put("lsid", frame.lsid());
        if (frame.init()) {
            fields.put("parent_lsid", frame.parentLsid());
        }
        if (frame.usid() != null) {
            fields.put("usid", map("channel_id", ByteBufUtil.hexDump(frame.usid().channelId()),
                    "creation_lsid", u64(frame.usid().creationLsid())));
        }
        if (frame.offsetWidth() > 0) {
            fields.put("offset_" + frame.offsetWidth(), u64(frame.offset()));
        }
        if (frame.explicitLength()) {
            fields.put("len_data", (long) frame.dataLength());
        }
        fields.put("data", hex(frame.data()));
        fields.put("len_offset", (long) frame.offsetWidth());
        fields.put("offset", frame.offset());
        return fields;
    }

    private static Map<String, Object> ack(AckFrame frame) {
        List<Object> ranges = new ArrayList<>();
        for (NackRange range : frame.nackRanges()) {
            ranges.add(map("first_missing_low", range.firstMissingLow(), "run_length", (long) range.runLength()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sent_entropy", (long) frame.sentEntropy());
        fields.put("received_entropy", (long) frame.receivedEntropy());
        fields.put("num_nack_ranges", (long) frame.nackRanges().size());
        fields.put("least_unacked", u64(frame.leastUnacked()));
        fields.put("largest_observed", u64(frame.largestObserved()));
        fields.put("ack_delay_us", frame.ackDelayUs());
        fields.put("nack_ranges", ranges);
        return fields;
    }

    private static Map<String, Object> decongestion(DecongestionFrame frame) {
        FeedbackBody body = frame.feedback();
        Map<String, Object> feedback;
        if (body instanceof CubicFeedback cubic) {
            feedback = map("lost_packets", (long) cubic.lostPackets(), "receive_queue_kib", (long) cubic.receiveQueueKib());
        } else if (body instanceof ChicagoFeedback chicago) {
            feedback = map("rtt_high_us", chicago.rttHighUs(), "rtt_low_us", chicago.rttLowUs(),
                    "rtt_average_us", chicago.rttAverageUs(), "rtt_mean_deviation_us", chicago.rttMeanDeviationUs());
        } else if (body instanceof LedbatFeedback ledbat) {
            List<Object> samples = new ArrayList<>();
            for (ReceiveTimestamp sample : ledbat.samples()) {
                samples.add(map("packet_number_low", sample.packetNumberLow(), "received_us", u64(sample.receivedUs())));
            }
            feedback = map("num_samples", (long) samples.size(), "samples", samples);
        } else {
            InterArrivalFeedback arrival = (InterArrivalFeedback) body;
            List<Object> deltas = new ArrayList<>();
            for (InterArrivalDelta delta : arrival.deltas()) {
                deltas.add(map("packet_number_delta", (long) delta.packetNumberDelta(), "time_delta_us", delta.timeDeltaUs()));
            }
            feedback = new LinkedHashMap<>();
            feedback.put("lost_packets", (long) arrival.lostPackets());
            feedback.put("num_received", (long) arrival.numReceived());
            feedback.put("first_packet_number_low", arrival.firstPacketNumberLow());
            feedback.put("first_received_us", u64(arrival.firstReceivedUs()));
            feedback.put("deltas", deltas);
        }
        return map("subtype", (long) frame.subtype().code(), "feedback", feedback);
    }

    private static Map<String, Object> settings(SettingsFrame frame) {
        List<Object> entries = new ArrayList<>();
        for (Setting setting : frame.settings()) {
            Object value = setting.knownTag() != null ? u64(setting.numericValue()) : hex(setting.value());
            entries.add(map("tag", (long) setting.tag(), "len_value", (long) setting.value().readableBytes(),
                    "value", value));
        }
        return map("num_settings", (long) entries.size(), "settings", entries);
    }

    /** The tree of a {@code packet_header}. */
    public static Map<String, Object> of(PacketHeader header) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reserved", 0L);
        fields.put("is_fec_last", false);
        fields.put("seq_size_code", (long) header.seqSizeCode());
        fields.put("has_fec_group", false);
        fields.put("has_version", header.hasVersion());
        if (header.hasVersion()) {
            fields.put("version", (long) header.version());
        }
        fields.put("packet_number_" + header.packetNumberWidth(), u64(header.packetNumberLow()));
        fields.put("len_packet_number", (long) header.packetNumberWidth());
        fields.put("packet_number_low", u64(header.packetNumberLow()));
        return fields;
    }

    /**
     * The tree of a {@code message_plaintext}: header and frames. Bytes ignored after CLOSE are not
     * part of it, as receivers never parse them.
     */
    public static Map<String, Object> of(MessagePlaintext plaintext) {
        List<Object> frames = new ArrayList<>();
        for (Frame frame : plaintext.frames()) {
            frames.add(of(frame));
        }
        return map("header", of(plaintext.header()), "frames", frames);
    }

    /** The tree of a datagram (the ksy root type): magic and body. */
    public static Map<String, Object> of(Packet packet) {
        Map<String, Object> body;
        if (packet instanceof HelloPacket hello) {
            body = map("initiator_short_term_pk", hex(hello.initiatorShortTermPk()),
                    "anti_amplification_padding", hex(hello.antiAmplificationPadding()),
                    "nonce_counter", u64(hello.nonceCounter()), "box", hex(hello.box()));
        } else if (packet instanceof CookiePacket cookie) {
            body = map("nonce_random", hex(cookie.nonceRandom()), "box", hex(cookie.box()));
        } else if (packet instanceof InitiatePacket initiate) {
            body = map("initiator_short_term_pk", hex(initiate.initiatorShortTermPk()),
                    "cookie", of(initiate.cookie()), "nonce_counter", u64(initiate.nonceCounter()),
                    "box", hex(initiate.box()));
        } else {
            MessagePacket message = (MessagePacket) packet;
            body = map("sender_short_term_pk", hex(message.senderShortTermPk()),
                    "nonce_counter", u64(message.nonceCounter()), "box", hex(message.box()));
        }
        return map("magic", u64(packet.type().magic()), "body", body);
    }

    /** The tree of a {@code responder_cookie}. */
    public static Map<String, Object> of(ResponderCookie cookie) {
        return map("nonce_random", hex(cookie.nonceRandom()), "box", hex(cookie.box()));
    }

    /** The tree of a {@code cookie_box_plaintext}. */
    public static Map<String, Object> of(CookieBoxPlaintext plaintext) {
        return map("responder_short_term_pk", hex(plaintext.responderShortTermPk()), "cookie", of(plaintext.cookie()));
    }

    /** The tree of a {@code cookie_plaintext}. */
    public static Map<String, Object> of(CookiePlaintext plaintext) {
        return map("initiator_short_term_pk", hex(plaintext.initiatorShortTermPk()),
                "responder_short_term_sk", hex(plaintext.responderShortTermSk()));
    }

    /**
     * The tree of an {@code initiate_box_plaintext}; the message is decoded with {@link FrameReader}.
     *
     * @throws IllegalArgumentException if the message does not decode
     */
    public static Map<String, Object> of(InitiateBoxPlaintext plaintext) {
        DecodeResult<MessagePlaintext> message = FrameReader.decode(plaintext.message().duplicate());
        if (!message.isOk()) {
            throw new IllegalArgumentException("message does not decode: " + message);
        }
        return map("initiator_long_term_pk", hex(plaintext.initiatorLongTermPk()),
                "vouch_nonce_random", hex(plaintext.vouchNonceRandom()), "vouch", hex(plaintext.vouch()),
                "message", of(message.value()));
    }

    /** The tree of a {@code vouch_plaintext}. */
    public static Map<String, Object> of(VouchPlaintext plaintext) {
        return map("initiator_short_term_pk", hex(plaintext.initiatorShortTermPk()));
    }

    /** The tree of a {@code service_message}. */
    public static Map<String, Object> of(ServiceMessage message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        if (message instanceof ConnectRequest request) {
            inner.put("service", string(request.service()));
            inner.put("protocol", string(request.protocol()));
        } else if (message instanceof ConnectReply reply) {
            inner.put("status", reply.status());
            inner.put("message", string(reply.message()));
        } else if (message instanceof ListServicesReply reply) {
            inner.put("status", reply.status());
            if (reply.message() == null) {
                inner.put("num_entries", (long) reply.entries().size());
                inner.put("entries", entries(reply.entries()));
            } else {
                inner.put("message", string(reply.message()));
            }
        } else if (message instanceof ListProtocolsRequest request) {
            inner.put("service", string(request.service()));
        } else if (message instanceof ListProtocolsReply reply) {
            inner.put("status", reply.status());
            if (reply.message() == null) {
                inner.put("service", string(reply.service()));
                inner.put("num_entries", (long) reply.entries().size());
                inner.put("entries", entries(reply.entries()));
            } else {
                inner.put("message", string(reply.message()));
            }
        }
        return map("kind", (long) message.kind().code(), "operation", (long) message.operation().code(),
                "body", map("body", inner));
    }

    private static List<Object> entries(List<ServiceEntry> entries) {
        List<Object> list = new ArrayList<>();
        for (ServiceEntry entry : entries) {
            list.add(map("name", string(entry.name()), "description", string(entry.description())));
        }
        return list;
    }

    private static Map<String, Object> string(String value) {
        return map("len_value", (long) ByteBufUtil.utf8Bytes(value), "value", value);
    }

    private static String hex(ByteBuf bytes) {
        return ByteBufUtil.hexDump(bytes);
    }

    private static String hexLong(long value) {
        return String.format("%016x", value);
    }

    /** A 64-bit unsigned value: a {@link Long} below 2^63, a {@link BigInteger} above. */
    private static Object u64(long value) {
        return value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
