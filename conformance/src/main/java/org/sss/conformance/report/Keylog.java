package org.sss.conformance.report;

import java.util.List;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.Hex;

/**
 * The SSS key log format (SPEC.md Appendix "Key log format", conformance/README.md): a text file, one
 * record per line, fields separated by one space, keys in lowercase hex, {@code -} for a field the
 * writer does not know, {@code #} starting a comment line. Two kinds of line:
 * <ul>
 *   <li>{@code SSS_CHANNEL <I'> <i'> <R'> <K> <channel-id> [<r'>]}: one per channel, where I' and i' are
 *       the initiator's short-term public and secret key, R' the responder's short-term public key, K the
 *       channel key ({@code crypto_box_beforenm(R', i')} = {@code crypto_box_beforenm(I', r')}, which opens
 *       the INITIATE box and every MESSAGE in both directions with the nonce prefixes of SPEC.md 4.3), the
 *       channel ID of CRY-KDF-1 and, optionally, the responder's short-term secret r';</li>
 *   <li>{@code SSS_MINUTE_KEY <t>}: a responder's minute key, written when it becomes current; it opens the
 *       cookie inside every INITIATE sent to that responder while the key was usable, which yields r' and
 *       so K even for INITIATEs that never became a channel.</li>
 * </ul>
 * This class writes the tester peers' lines (initiators: r' is never known, so the optional field is left
 * out) and offers the line builders other writers share.
 */
public final class Keylog {
    /** The first word of a channel line. */
    public static final String LABEL = "SSS_CHANNEL";
    /** The first word of a minute-key line. */
    public static final String MINUTE_KEY_LABEL = "SSS_MINUTE_KEY";
    /** A field that is not known. */
    public static final String UNKNOWN = "-";
    /** The comment line every writer starts its file with. */
    public static final String HEADER = "# SSS key log (SPEC.md Appendix D, conformance/README.md): " + LABEL
            + " <I'> <i'> <R'> <K> <channel-id> [<r'>] and " + MINUTE_KEY_LABEL + " <t>; hex, '-' where unknown\n";

    private Keylog() {
    }

    /** The keylog of {@code peers}, in order. */
    public static String of(List<TesterPeer> peers) {
        StringBuilder text = new StringBuilder(HEADER);
        for (TesterPeer peer : peers) {
            text.append(LABEL).append(' ').append(Hex.of(peer.shortTermPublicKey()))
                    .append(' ').append(Hex.of(peer.shortTermSecretKey()))
                    .append(' ').append(Hex.of(peer.responderShortTermPublicKey()))
                    .append(' ').append(Hex.of(peer.boxes().channelKey()))
                    .append(' ').append(Hex.of(peer.channelId())).append('\n');
        }
        return text.toString();
    }

    /**
     * One channel line, with a newline; a null field is written as {@code -}.
     *
     * @param responderSecret r', or null to leave the optional last field out
     */
    public static String channelLine(byte[] initiatorPublic, byte[] initiatorSecret, byte[] responderPublic,
            byte[] channelKey, byte[] channelId, byte[] responderSecret) {
        StringBuilder line = new StringBuilder(LABEL).append(' ').append(field(initiatorPublic))
                .append(' ').append(field(initiatorSecret)).append(' ').append(field(responderPublic))
                .append(' ').append(field(channelKey)).append(' ').append(field(channelId));
        if (responderSecret != null) {
            line.append(' ').append(field(responderSecret));
        }
        return line.append('\n').toString();
    }

    /** One minute-key line, with a newline. */
    public static String minuteKeyLine(byte[] minuteKey) {
        return MINUTE_KEY_LABEL + ' ' + Hex.of(minuteKey) + '\n';
    }

    private static String field(byte[] bytes) {
        return bytes == null ? UNKNOWN : Hex.of(bytes);
    }
}
