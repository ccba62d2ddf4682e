package org.sss.conformance.report;

import java.util.List;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.Hex;

/**
 * The keys that decrypt a capture of the tester peer's channels: one line per channel (per tester peer),
 * {@code SSS_CHANNEL <I'> <i'> <R'> <K> <channel id>} in lowercase hex, where I' and i' are the tester
 * peer's short-term public and secret key, R' the IUT's short-term public key, K the channel key
 * ({@code crypto_box_beforenm(R', i')}, which opens every MESSAGE in both directions with the nonce
 * prefixes of SPEC.md 4.3) and the channel ID of CRY-KDF-1. A field the peer does not expose is {@code -}.
 * Lines starting with {@code #} are comments. The format is described in conformance/README.md.
 */
public final class Keylog {
    /** The first word of a channel line. */
    public static final String LABEL = "SSS_CHANNEL";
    /** A field that is not known (a reader accepts it; this writer knows every field of a tester peer). */
    public static final String UNKNOWN = "-";

    private Keylog() {
    }

    /** The keylog of {@code peers}, in order. */
    public static String of(List<TesterPeer> peers) {
        StringBuilder text = new StringBuilder("# SSS keylog (conformance/README.md): ")
                .append(LABEL).append(" <I'> <i'> <R'> <K> <channel-id>, hex; '-' where unknown\n");
        for (TesterPeer peer : peers) {
            text.append(LABEL).append(' ').append(Hex.of(peer.shortTermPublicKey()))
                    .append(' ').append(Hex.of(peer.shortTermSecretKey()))
                    .append(' ').append(Hex.of(peer.responderShortTermPublicKey()))
                    .append(' ').append(Hex.of(peer.boxes().channelKey()))
                    .append(' ').append(Hex.of(peer.channelId())).append('\n');
        }
        return text.toString();
    }
}
