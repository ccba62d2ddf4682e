package org.sss.core.channel;

import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;
import java.util.Random;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.misbehaviour.ProtocolBugs;
import org.sss.core.negotiation.DatagramSink;
import org.sss.core.time.Clock;
import org.sss.core.wire.DropCounters;

/**
 * What a host shares among its channels: time, randomness, crypto, buffers, the drop counters and
 * the way out.
 *
 * @param clock the time source; the channel reads it when a packet arrives or is sent
 * @param random draws the rotation jitter and the skipped packet numbers (a seeded one in tests)
 * @param crypto makes the channel's secretbox
 * @param allocator allocates outgoing datagrams, which the sink then owns
 * @param drops the host's counters, one per verdict
 * @param sink where outgoing MESSAGEs go
 * @param protocolBugs deliberate misbehaviours of the channels and their streams; none but in the
 *     conformance suite's self-tests
 */
public record ChannelEnvironment(Clock clock, Random random, CryptoProvider crypto, ByteBufAllocator allocator,
        DropCounters drops, DatagramSink sink, ProtocolBugs protocolBugs) {

    /** Checks that nothing is null. */
    public ChannelEnvironment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(allocator, "allocator");
        Objects.requireNonNull(drops, "drops");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(protocolBugs, "protocolBugs");
    }

    /** An environment without protocol bugs. */
    public ChannelEnvironment(Clock clock, Random random, CryptoProvider crypto, ByteBufAllocator allocator,
            DropCounters drops, DatagramSink sink) {
        this(clock, random, crypto, allocator, drops, sink, ProtocolBugs.none());
    }

    /** An environment with Bouncy Castle crypto and Netty's default allocator. */
    public static ChannelEnvironment of(Clock clock, Random random, DropCounters drops, DatagramSink sink) {
        return new ChannelEnvironment(clock, random, CryptoProvider.bouncyCastle(), ByteBufAllocator.DEFAULT, drops, sink);
    }
}
