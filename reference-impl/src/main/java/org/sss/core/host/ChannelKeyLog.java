package org.sss.core.host;

/**
 * Receives the keys of every channel a {@link Host} establishes, in either role, so that a capture of
 * its traffic can be decrypted later: the same idea as a TLS key log file (issue 6).
 *
 * <p>Exporting keys undoes forward secrecy for whoever reads them, so SPEC SEC-FS-2 allows it only when
 * explicitly configured: a host has no key log unless {@link HostConfig.Builder#channelKeyLog} sets one.
 * It is called once per channel, on the host's event loop, when the channel becomes established; it
 * must be quick and must not block. A key log that throws is logged and ignored.
 *
 * <p>A host that accepts channels also reports each minute key it creates ({@link #onMinuteKey}), which
 * opens the cookies of the INITIATEs it receives: with it a responder-side capture yields {@code r'},
 * and so K, even for INITIATEs that never became a channel (replays, attacks).
 */
@FunctionalInterface
public interface ChannelKeyLog {

    /**
     * One channel became established.
     *
     * @param secrets its keys; the key log owns this copy and should erase what it no longer needs
     */
    void onChannelEstablished(ChannelSecrets secrets);

    /**
     * The responder made a new minute key {@code t} current (SPEC.md section 4.6): once while the host
     * starts, then at every rotation, on the host's event loop, before the key seals or opens a cookie.
     * It must be quick and must not block; the default ignores it.
     *
     * @param minuteKey the 32-byte key; the key log owns this copy and should erase what it no longer needs
     */
    default void onMinuteKey(byte[] minuteKey) {
    }
}
