package org.sss.tools.vectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sss.core.crypto.BoxKey;
import org.sss.core.crypto.Nonce;
import org.sss.core.wire.DecodeResult;
import org.sss.core.wire.DropReason;
import org.sss.core.wire.PacketType;

/**
 * What a receiver did with one datagram: its verdict (accepted, or the drop reason with detail)
 * and every intermediate value it computed on the way, named as handshake.json names them
 * ({@code nonce}, {@code boxKey}, {@code boxPlaintext}, ...). Byte values are {@code byte[]},
 * counters and packet numbers unsigned {@code Long}s.
 */
final class Reception {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private PacketType packetType;
    private DropReason dropReason;
    private String detail;

    /** Notes the packet kind its magic names. */
    void packetType(PacketType type) {
        this.packetType = type;
    }

    /** The packet kind its magic names, or {@code null} when the datagram has none. */
    PacketType packetType() {
        return packetType;
    }

    /** Records an intermediate byte value. */
    void record(String field, byte[] value) {
        values.put(field, value.clone());
    }

    /** Records an intermediate byte value held in a buffer (its readable bytes). */
    void record(String field, ByteBuf value) {
        values.put(field, ByteBufUtil.getBytes(value));
    }

    /** Records a key. */
    void record(String field, BoxKey key) {
        values.put(field, key.bytes());
    }

    /** Records a nonce. */
    void record(String field, Nonce nonce) {
        values.put(field, nonce.bytes());
    }

    /** Records an unsigned 64-bit value. */
    void record(String field, long unsigned) {
        values.put(field, unsigned);
    }

    /** Adds every value of {@code other} that this reception lacks. */
    void merge(Reception other) {
        other.values.forEach(values::putIfAbsent);
    }

    /** The recorded values by field name. */
    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Drops the datagram.
     *
     * @return this
     */
    Reception drop(DropReason reason, String format, Object... args) {
        this.dropReason = reason;
        this.detail = args.length == 0 ? format : String.format(format, args);
        return this;
    }

    /** Drops the datagram with the verdict of a failed decode. */
    Reception drop(DecodeResult<?> failed) {
        return drop(failed.dropReason(), "%s", failed.detail());
    }

    /** Whether the datagram was accepted. */
    boolean accepted() {
        return dropReason == null;
    }

    /** The drop reason, or {@code null} when accepted. */
    DropReason dropReason() {
        return dropReason;
    }

    /** What exactly was wrong, or {@code null} when accepted. */
    String detail() {
        return detail;
    }

    /** "accepted", or the drop reason and detail. */
    String verdict() {
        return accepted() ? "accepted" : dropReason + " (" + detail + ")";
    }
}
