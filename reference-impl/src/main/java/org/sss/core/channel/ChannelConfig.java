package org.sss.core.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sss.core.channel.cc.CongestionControl;
import org.sss.core.wire.Setting;
import org.sss.core.wire.SettingsFrame;
import org.sss.core.wire.SettingsTag;

/**
 * This end's SETTINGS values and the channel's timers. The defaults are those of SPEC.md sections
 * 6.5 to 6.9, 7.9 and 10; tests shorten the timers. Build with {@link #builder()}.
 *
 * @param congestionFeedback SETTINGS CONGESTION_FEEDBACK: the DECONGESTION subtype wanted, 0 none
 * @param initialMaxData SETTINGS INITIAL_MAX_DATA
 * @param initialMaxStreamData SETTINGS INITIAL_MAX_STREAM_DATA
 * @param maxConcurrentPeerStreams SETTINGS MAX_CONCURRENT_PEER_STREAMS
 * @param idleTimeout SETTINGS IDLE_TIMEOUT_MS, whole milliseconds; zero for none
 * @param maxPlaintext SETTINGS MAX_PLAINTEXT, 256 to 1168
 * @param maxAckDelay SETTINGS MAX_ACK_DELAY_MS, whole milliseconds up to 16 383 ms
 * @param rotationInterval the channel age at which the initiator rekeys, before jitter (30 min)
 * @param rotationJitter the upper bound of the uniform jitter added once per channel (5 min)
 * @param initialRtt the RTT assumed before the first sample (500 ms)
 * @param keepAlive whether to send PING after half the effective idle timeout without sending (CHN-IDLE-4)
 * @param packetNumberSkipPeriod skip one packet number in this many on average (CHN-ACK-12); 0 never
 * @param maxSentPackets the most unacknowledged sent packets remembered
 * @param maxAckIntervals the most runs of received packet numbers remembered for ACKs
 * @param congestionControl the congestion-control algorithm (CHN-CC-1, CHN-CC-2); CUBIC by default
 * @param pacing whether to pace packets (CHN-CC-4); on by default
 */
public record ChannelConfig(int congestionFeedback, long initialMaxData, long initialMaxStreamData,
        long maxConcurrentPeerStreams, Duration idleTimeout, int maxPlaintext, Duration maxAckDelay,
        Duration rotationInterval, Duration rotationJitter, Duration initialRtt, boolean keepAlive,
        int packetNumberSkipPeriod, int maxSentPackets, int maxAckIntervals, CongestionControl congestionControl,
        boolean pacing) {

    private static final ChannelConfig DEFAULTS = builder().build();

    /** Checks every value against its SETTINGS range or sanity bound. */
    public ChannelConfig {
        checkRange(congestionFeedback, SettingsTag.CONGESTION_FEEDBACK, "congestionFeedback");
        checkRange(initialMaxData, SettingsTag.INITIAL_MAX_DATA, "initialMaxData");
        checkRange(initialMaxStreamData, SettingsTag.INITIAL_MAX_STREAM_DATA, "initialMaxStreamData");
        checkRange(maxConcurrentPeerStreams, SettingsTag.MAX_CONCURRENT_PEER_STREAMS, "maxConcurrentPeerStreams");
        checkRange(wholeMillis(idleTimeout, "idleTimeout"), SettingsTag.IDLE_TIMEOUT_MS, "idleTimeout");
        checkRange(maxPlaintext, SettingsTag.MAX_PLAINTEXT, "maxPlaintext");
        checkRange(wholeMillis(maxAckDelay, "maxAckDelay"), SettingsTag.MAX_ACK_DELAY_MS, "maxAckDelay");
        nonNegative(rotationInterval, "rotationInterval");
        nonNegative(rotationJitter, "rotationJitter");
        nonNegative(initialRtt, "initialRtt");
        if (initialRtt.isZero()) {
            throw new IllegalArgumentException("initialRtt must be positive");
        }
        if (packetNumberSkipPeriod < 0) {
            throw new IllegalArgumentException("packetNumberSkipPeriod must not be negative, got " + packetNumberSkipPeriod);
        }
        if (maxSentPackets < 1) {
            throw new IllegalArgumentException("maxSentPackets must be at least 1, got " + maxSentPackets);
        }
        if (maxAckIntervals < 1) {
            throw new IllegalArgumentException("maxAckIntervals must be at least 1, got " + maxAckIntervals);
        }
        Objects.requireNonNull(congestionControl, "congestionControl");
    }

    /** The defaults of the specification. */
    public static ChannelConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This end's settings as the peer will see them. */
    public PeerSettings localSettings() {
        return new PeerSettings(0, congestionFeedback, initialMaxData, initialMaxStreamData, maxConcurrentPeerStreams,
                idleTimeout.toMillis(), maxPlaintext, maxAckDelay.toMillis());
    }

    /**
     * The SETTINGS frame that declares {@link #localSettings()}: an entry for every value that differs
     * from its default, tags ascending (FRM-SET-2). An initiator's negotiation puts this same frame
     * first in its INITIATE (NEG-INITIATE-4), since the channel repeats it unchanged (FRM-SET-1).
     */
    public SettingsFrame settingsFrame() {
        PeerSettings own = localSettings();
        PeerSettings defaults = PeerSettings.DEFAULTS;
        List<Setting> entries = new ArrayList<>();
        addIfChanged(entries, SettingsTag.CONGESTION_FEEDBACK, own.congestionFeedback(), defaults.congestionFeedback());
        addIfChanged(entries, SettingsTag.INITIAL_MAX_DATA, own.initialMaxData(), defaults.initialMaxData());
        addIfChanged(entries, SettingsTag.INITIAL_MAX_STREAM_DATA, own.initialMaxStreamData(),
                defaults.initialMaxStreamData());
        addIfChanged(entries, SettingsTag.MAX_CONCURRENT_PEER_STREAMS, own.maxConcurrentPeerStreams(),
                defaults.maxConcurrentPeerStreams());
        addIfChanged(entries, SettingsTag.IDLE_TIMEOUT_MS, own.idleTimeoutMs(), defaults.idleTimeoutMs());
        addIfChanged(entries, SettingsTag.MAX_PLAINTEXT, own.maxPlaintext(), defaults.maxPlaintext());
        addIfChanged(entries, SettingsTag.MAX_ACK_DELAY_MS, own.maxAckDelayMs(), defaults.maxAckDelayMs());
        return new SettingsFrame(entries);
    }

    private static void addIfChanged(List<Setting> entries, SettingsTag tag, long value, long defaultValue) {
        if (value != defaultValue) {
            entries.add(Setting.of(tag, value));
        }
    }

    private static void checkRange(long value, SettingsTag tag, String name) {
        if (value < tag.minValue() || Long.compareUnsigned(value, tag.maxValue()) > 0) {
            throw new IllegalArgumentException(name + " must be in [" + tag.minValue() + ", "
                    + Long.toUnsignedString(tag.maxValue()) + "] (SETTINGS " + tag + "), got " + value);
        }
    }

    private static long wholeMillis(Duration value, String name) {
        nonNegative(value, name);
        if (value.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be whole milliseconds (SETTINGS carries ms), got " + value);
        }
        return value.toMillis();
    }

    private static void nonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /** Fluent builder of a {@link ChannelConfig}; every setter starts from the default. */
    public static final class Builder {
        private int congestionFeedback;
        private long initialMaxData = PeerSettings.DEFAULTS.initialMaxData();
        private long initialMaxStreamData = PeerSettings.DEFAULTS.initialMaxStreamData();
        private long maxConcurrentPeerStreams = PeerSettings.DEFAULTS.maxConcurrentPeerStreams();
        private Duration idleTimeout = Duration.ofMillis(PeerSettings.DEFAULTS.idleTimeoutMs());
        private int maxPlaintext = (int) PeerSettings.DEFAULTS.maxPlaintext();
        private Duration maxAckDelay = Duration.ofMillis(PeerSettings.DEFAULTS.maxAckDelayMs());
        private Duration rotationInterval = Duration.ofMinutes(30);
        private Duration rotationJitter = Duration.ofMinutes(5);
        private Duration initialRtt = Duration.ofMillis(500);
        private boolean keepAlive;
        private int packetNumberSkipPeriod = 1024;
        private int maxSentPackets = 4096;
        private int maxAckIntervals = 256;
        private CongestionControl congestionControl = CongestionControl.CUBIC;
        private boolean pacing = true;

        private Builder() {
        }

        private Builder(ChannelConfig config) {
            congestionFeedback = config.congestionFeedback;
            initialMaxData = config.initialMaxData;
            initialMaxStreamData = config.initialMaxStreamData;
            maxConcurrentPeerStreams = config.maxConcurrentPeerStreams;
            idleTimeout = config.idleTimeout;
            maxPlaintext = config.maxPlaintext;
            maxAckDelay = config.maxAckDelay;
            rotationInterval = config.rotationInterval;
            rotationJitter = config.rotationJitter;
            initialRtt = config.initialRtt;
            keepAlive = config.keepAlive;
            packetNumberSkipPeriod = config.packetNumberSkipPeriod;
            maxSentPackets = config.maxSentPackets;
            maxAckIntervals = config.maxAckIntervals;
            congestionControl = config.congestionControl;
            pacing = config.pacing;
        }

        /** SETTINGS CONGESTION_FEEDBACK. */
        public Builder congestionFeedback(int value) {
            congestionFeedback = value;
            return this;
        }

        /** SETTINGS INITIAL_MAX_DATA. */
        public Builder initialMaxData(long value) {
            initialMaxData = value;
            return this;
        }

        /** SETTINGS INITIAL_MAX_STREAM_DATA. */
        public Builder initialMaxStreamData(long value) {
            initialMaxStreamData = value;
            return this;
        }

        /** SETTINGS MAX_CONCURRENT_PEER_STREAMS. */
        public Builder maxConcurrentPeerStreams(long value) {
            maxConcurrentPeerStreams = value;
            return this;
        }

        /** SETTINGS IDLE_TIMEOUT_MS; {@link Duration#ZERO} for none. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** SETTINGS MAX_PLAINTEXT. */
        public Builder maxPlaintext(int value) {
            maxPlaintext = value;
            return this;
        }

        /** SETTINGS MAX_ACK_DELAY_MS. */
        public Builder maxAckDelay(Duration value) {
            maxAckDelay = value;
            return this;
        }

        /** The rotation interval before jitter. */
        public Builder rotationInterval(Duration value) {
            rotationInterval = value;
            return this;
        }

        /** The bound of the rotation jitter; {@link Duration#ZERO} for none. */
        public Builder rotationJitter(Duration value) {
            rotationJitter = value;
            return this;
        }

        /** The RTT assumed before the first sample. */
        public Builder initialRtt(Duration value) {
            initialRtt = value;
            return this;
        }

        /** Whether to send keepalive PINGs. */
        public Builder keepAlive(boolean value) {
            keepAlive = value;
            return this;
        }

        /** One skipped packet number per this many packets on average; 0 never. */
        public Builder packetNumberSkipPeriod(int value) {
            packetNumberSkipPeriod = value;
            return this;
        }

        /** The most unacknowledged sent packets remembered. */
        public Builder maxSentPackets(int value) {
            maxSentPackets = value;
            return this;
        }

        /** The most runs of received packet numbers remembered. */
        public Builder maxAckIntervals(int value) {
            maxAckIntervals = value;
            return this;
        }

        /** The congestion-control algorithm (CHN-CC-2); {@link CongestionControl#CUBIC} by default. */
        public Builder congestionControl(CongestionControl value) {
            congestionControl = value;
            return this;
        }

        /** Whether to pace packets at 1.25 · cwnd / smoothed_rtt (CHN-CC-4); true by default. */
        public Builder pacing(boolean value) {
            pacing = value;
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} naming a bad value. */
        public ChannelConfig build() {
            return new ChannelConfig(congestionFeedback, initialMaxData, initialMaxStreamData, maxConcurrentPeerStreams,
                    idleTimeout, maxPlaintext, maxAckDelay, rotationInterval, rotationJitter, initialRtt, keepAlive,
                    packetNumberSkipPeriod, maxSentPackets, maxAckIntervals, congestionControl, pacing);
        }
    }
}
