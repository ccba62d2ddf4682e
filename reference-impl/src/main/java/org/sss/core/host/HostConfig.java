package org.sss.core.host;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.sss.core.channel.ChannelConfig;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.KeyPair;
import org.sss.core.misbehaviour.ProtocolBug;
import org.sss.core.misbehaviour.ProtocolBugs;
import org.sss.core.negotiation.HelloRateLimiter;
import org.sss.core.negotiation.InitiatorPolicy;
import org.sss.core.negotiation.NegotiationTimers;
import org.sss.core.negotiation.TokenBucketHelloRateLimiter;
import org.sss.core.time.Clock;
import org.sss.core.transport.DatagramTap;

/**
 * How a {@link Host} is set up. Build one with {@link #builder(KeyPair)}; every setting but the
 * identity has the default SPEC.md gives.
 *
 * @param identity the host's long-term key pair
 * @param bindAddress the UDP address to bind (port 0 picks a free port)
 * @param acceptChannels whether the host answers HELLOs (the responder role)
 * @param policy which initiators the responder accepts
 * @param helloRateLimiter the responder's per-source HELLO limit
 * @param minuteKeyRotation how often the responder's minute key rotates (60 s; shorter in tests)
 * @param negotiationTimers the initiator's retransmission schedule
 * @param channelConfig SETTINGS and timers of every channel
 * @param maxChannels the most channels the host keeps at once
 * @param preferNativeTransport use native epoll when it loads
 * @param crypto the crypto provider
 * @param secureRandom key generation and nonces
 * @param random non-secret choices (rotation jitter, skipped packet numbers)
 * @param clock the time source
 * @param rekeyRetry how long an initiator waits before retrying a failed replacement negotiation (60 s)
 * @param protocolBugs deliberate misbehaviours, none by default; for the conformance suite's self-tests only
 * @param datagramTap sees a copy of every datagram sent and received, or null (the default) for none
 * @param channelKeyLog receives the keys of every established channel, or null (the default) for none
 *     (SPEC SEC-FS-2: keys are exported only when explicitly configured)
 */
public record HostConfig(
        KeyPair identity,
        InetSocketAddress bindAddress,
        boolean acceptChannels,
        InitiatorPolicy policy,
        HelloRateLimiter helloRateLimiter,
        Duration minuteKeyRotation,
        NegotiationTimers negotiationTimers,
        ChannelConfig channelConfig,
        int maxChannels,
        boolean preferNativeTransport,
        CryptoProvider crypto,
        SecureRandom secureRandom,
        Random random,
        Clock clock,
        Duration rekeyRetry,
        ProtocolBugs protocolBugs,
        DatagramTap datagramTap,
        ChannelKeyLog channelKeyLog) {

    /** The default UDP port of SSS. */
    public static final int DEFAULT_PORT = 9660;

    /** Checks every setting. */
    public HostConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(helloRateLimiter, "helloRateLimiter");
        Objects.requireNonNull(minuteKeyRotation, "minuteKeyRotation");
        Objects.requireNonNull(negotiationTimers, "negotiationTimers");
        Objects.requireNonNull(channelConfig, "channelConfig");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(secureRandom, "secureRandom");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        if (maxChannels < 1) {
            throw new IllegalArgumentException("maxChannels: must be at least 1, got " + maxChannels);
        }
        Objects.requireNonNull(rekeyRetry, "rekeyRetry");
        Objects.requireNonNull(protocolBugs, "protocolBugs");
        if (rekeyRetry.isNegative() || rekeyRetry.isZero()) {
            throw new IllegalArgumentException("rekeyRetry: must be positive, got " + rekeyRetry);
        }
        if (minuteKeyRotation.isNegative() || minuteKeyRotation.isZero()) {
            throw new IllegalArgumentException("minuteKeyRotation: must be positive, got " + minuteKeyRotation);
        }
    }

    /**
     * A builder with SPEC.md's defaults: bound to all addresses on port {@value #DEFAULT_PORT},
     * accepting channels from anyone.
     *
     * @param identity the host's long-term key pair
     */
    public static Builder builder(KeyPair identity) {
        return new Builder(identity);
    }

    /** Builds a {@link HostConfig}. */
    public static final class Builder {
        private final KeyPair identity;
        private InetSocketAddress bindAddress = new InetSocketAddress(DEFAULT_PORT);
        private boolean acceptChannels = true;
        private InitiatorPolicy policy = InitiatorPolicy.allowAll();
        private HelloRateLimiter helloRateLimiter;
        private Duration minuteKeyRotation = Duration.ofSeconds(60);
        private NegotiationTimers negotiationTimers = NegotiationTimers.defaults();
        private ChannelConfig channelConfig = ChannelConfig.defaults();
        private int maxChannels = 10_000;
        private boolean preferNativeTransport = true;
        private CryptoProvider crypto = CryptoProvider.bouncyCastle();
        private SecureRandom secureRandom;
        private Random random;
        private Clock clock = Clock.system();
        private Duration rekeyRetry = Duration.ofSeconds(60);
        private ProtocolBugs protocolBugs = ProtocolBugs.none();
        private DatagramTap datagramTap;
        private ChannelKeyLog channelKeyLog;

        private Builder(KeyPair identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /** The UDP address to bind. */
        public Builder bindAddress(InetSocketAddress value) {
            this.bindAddress = value;
            return this;
        }

        /** Whether to answer HELLOs; a host that only connects out says false. */
        public Builder acceptChannels(boolean value) {
            this.acceptChannels = value;
            return this;
        }

        /** Which initiators to accept. */
        public Builder policy(InitiatorPolicy value) {
            this.policy = value;
            return this;
        }

        /** The per-source HELLO limit. */
        public Builder helloRateLimiter(HelloRateLimiter value) {
            this.helloRateLimiter = value;
            return this;
        }

        /** How often the minute key rotates; cookies live up to twice this. */
        public Builder minuteKeyRotation(Duration value) {
            this.minuteKeyRotation = value;
            return this;
        }

        /** The initiator's retransmission schedule. */
        public Builder negotiationTimers(NegotiationTimers value) {
            this.negotiationTimers = value;
            return this;
        }

        /** SETTINGS and timers of every channel. */
        public Builder channelConfig(ChannelConfig value) {
            this.channelConfig = value;
            return this;
        }

        /** The most channels kept at once. */
        public Builder maxChannels(int value) {
            this.maxChannels = value;
            return this;
        }

        /** Whether to use native epoll when it loads. */
        public Builder preferNativeTransport(boolean value) {
            this.preferNativeTransport = value;
            return this;
        }

        /** The crypto provider. */
        public Builder crypto(CryptoProvider value) {
            this.crypto = value;
            return this;
        }

        /** The source of keys and nonces. */
        public Builder secureRandom(SecureRandom value) {
            this.secureRandom = value;
            return this;
        }

        /** The source of non-secret choices; seed it to replay a run. */
        public Builder random(Random value) {
            this.random = value;
            return this;
        }

        /** The time source. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How long to wait before retrying a failed replacement negotiation (SPEC CHN-REKEY-6). */
        public Builder rekeyRetry(Duration value) {
            this.rekeyRetry = value;
            return this;
        }

        /**
         * Test API, for the conformance suite's self-tests only: switches on deliberate protocol bugs
         * ({@link ProtocolBug}), so that the suite can prove its scenarios catch them. A host with a bug
         * on does not implement SSS; the default is none.
         */
        public Builder protocolBugs(Set<ProtocolBug> value) {
            this.protocolBugs = ProtocolBugs.of(value);
            return this;
        }

        /**
         * Opt-in capture: {@code tap} sees a copy of every datagram the host sends and receives, on the
         * host's event loop. The default is none, and then capturing costs nothing.
         *
         * @param tap the tap, or null for none
         */
        public Builder datagramTap(DatagramTap tap) {
            this.datagramTap = tap;
            return this;
        }

        /**
         * Opt-in key export: {@code keyLog} receives the short-term keys, the channel key K and the channel ID
         * of every channel the host establishes, so that a capture can be decrypted. Whoever reads them can
         * read those channels: SPEC SEC-FS-2 allows exporting keys only when explicitly configured, so the
         * default is none. Set it for debugging and captures only.
         *
         * @param keyLog the key log, or null for none
         */
        public Builder channelKeyLog(ChannelKeyLog keyLog) {
            this.channelKeyLog = keyLog;
            return this;
        }

        /** The configuration. */
        public HostConfig build() {
            SecureRandom secure = secureRandom != null ? secureRandom : new SecureRandom();
            return new HostConfig(identity, bindAddress, acceptChannels, policy,
                    helloRateLimiter != null ? helloRateLimiter : TokenBucketHelloRateLimiter.withDefaults(),
                    minuteKeyRotation, negotiationTimers, channelConfig, maxChannels, preferNativeTransport, crypto,
                    secure, random != null ? random : new Random(secure.nextLong()), clock, rekeyRetry, protocolBugs,
                    datagramTap, channelKeyLog);
        }
    }
}
