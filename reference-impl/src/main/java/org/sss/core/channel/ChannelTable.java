package org.sss.core.channel;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.sss.core.crypto.PublicKey;
import org.sss.core.wire.PacketType;

/**
 * A host's channels, indexed by the peer's short-term public key: {@code I'} on the responder,
 * {@code R'} on the initiator (PKT-DEMUX-3). Both keys are fresh random keys, so one table serves
 * both roles. It answers which channel a MESSAGE selects, and the responder's question of step 2 of
 * SPEC.md section 5.5: is there a live channel for this {@code I'}? Bounded by a maximum size
 * (LIM-RES-5). Not thread-safe: one table per event loop.
 */
public final class ChannelTable {
    /** Offset of the sender's short-term key in MESSAGE and INITIATE datagrams. */
    private static final int KEY_OFFSET = PacketType.MAGIC_LENGTH;

    private final Map<KeyBytes, Channel> channels = new HashMap<>();
    private final Collection<Channel> view = Collections.unmodifiableCollection(channels.values());
    private final KeyBytes probe = new KeyBytes(new byte[PublicKey.LENGTH]);
    private final int maxChannels;

    /**
     * An empty table.
     *
     * @param maxChannels the most channels it holds
     */
    public ChannelTable(int maxChannels) {
        if (maxChannels < 1) {
            throw new IllegalArgumentException("maxChannels must be at least 1, got " + maxChannels);
        }
        this.maxChannels = maxChannels;
    }

    /**
     * Adds a channel under its peer's short-term key.
     *
     * @return false, adding nothing, when the table is full
     * @throws IllegalArgumentException if a channel with the same key is already present (NEG-RPROC-4)
     */
    public boolean add(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        KeyBytes key = new KeyBytes(channel.peerShortTerm().bytes());
        if (channels.containsKey(key)) {
            throw new IllegalArgumentException("channel: a channel for peer key " + channel.peerShortTerm()
                    + " is already present (NEG-RPROC-4)");
        }
        if (channels.size() >= maxChannels) {
            return false;
        }
        channels.put(key, channel);
        return true;
    }

    /** The channel indexed by {@code peerShortTerm}, or null. */
    public Channel get(PublicKey peerShortTerm) {
        Objects.requireNonNull(peerShortTerm, "peerShortTerm");
        return channels.get(new KeyBytes(peerShortTerm.bytes()));
    }

    /**
     * The channel a MESSAGE or INITIATE datagram selects by the key at offset 8, or null; allocates
     * nothing. The caller has checked the datagram's kind and length.
     */
    public Channel select(ByteBuf datagram) {
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.readableBytes() < KEY_OFFSET + PublicKey.LENGTH) {
            return null;
        }
        datagram.getBytes(datagram.readerIndex() + KEY_OFFSET, probe.bytes);
        probe.rehash();
        return channels.get(probe);
    }

    /**
     * Whether a live channel, one not yet {@link ChannelState#CLOSED}, is indexed by this key
     * (step 2 of SPEC.md section 5.5); fits {@code org.sss.core.negotiation.LiveChannels}.
     */
    public boolean isLive(PublicKey peerShortTerm) {
        Channel channel = get(peerShortTerm);
        return channel != null && channel.state() != ChannelState.CLOSED;
    }

    /**
     * Removes a channel, typically from {@link ChannelListener#onDiscarded()}.
     *
     * @return whether it was present
     */
    public boolean remove(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        KeyBytes key = new KeyBytes(channel.peerShortTerm().bytes());
        return channels.get(key) == channel && channels.remove(key) != null;
    }

    /** The number of channels held. */
    public int size() {
        return channels.size();
    }

    /** Whether {@link #add(Channel)} would refuse for lack of room. */
    public boolean isFull() {
        return channels.size() >= maxChannels;
    }

    /** The channels, as an unmodifiable live view, e.g. to run their timers. */
    public Collection<Channel> channels() {
        return view;
    }

    /** The earliest {@link Channel#nextTimeoutNanos()} of all channels, or {@link Channel#NO_TIMEOUT}. */
    public long nextTimeoutNanos() {
        long next = Channel.NO_TIMEOUT;
        for (Channel channel : channels.values()) {
            next = Math.min(next, channel.nextTimeoutNanos());
        }
        return next;
    }

    /** A 32-byte key compared by content; the probe instance is refilled in place. */
    private static final class KeyBytes {
        private final byte[] bytes;
        private int hash;

        KeyBytes(byte[] bytes) {
            this.bytes = bytes;
            rehash();
        }

        void rehash() {
            hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
