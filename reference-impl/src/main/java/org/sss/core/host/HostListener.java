package org.sss.core.host;

import org.sss.core.channel.ChannelClosure;

/** Channel events of a {@link Host}, called on its event loop; keep them short. */
public interface HostListener {

    /** A channel was established, by either end. */
    default void onChannelOpened(SecureChannel channel) {
    }

    /** A channel stopped carrying data. */
    default void onChannelClosed(SecureChannel channel, ChannelClosure closure) {
    }

    /**
     * The host replaced an aging channel with a fresh one to the same peer (rekeying, SPEC.md
     * section 6.9); the old one stays usable for 3 · PTO and is then closed with CHANNEL_REPLACED
     * (CHN-REKEY-5).
     */
    default void onChannelReplaced(SecureChannel old, SecureChannel replacement) {
    }
}
