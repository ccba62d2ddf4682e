package org.sss.tools.dissect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sss.conformance.peer.crypto.KeyDerivation;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.report.Keylog;

/**
 * The keys of a key log file (SPEC.md Appendix D, written by {@link Keylog} and the hosts' recorders):
 * the channels, each with the two short-term public keys that name it in MESSAGE packets and the channel
 * key K that opens its INITIATE box and its MESSAGE boxes in both directions (which key sent a MESSAGE
 * decides the nonce prefix, SPEC.md 4.3); and the responder's minute keys.
 *
 * <p>A channel line may leave K out ({@code -}) when it gives a secret instead: K is then
 * {@code crypto_box_beforenm(R', i')} or {@code crypto_box_beforenm(I', r')}. A minute key opens the
 * cookie inside an INITIATE sent to that responder (under the key bound to the INITIATE's source,
 * CRY-COOKIE-4), which holds {@code I' || r'}: {@link #initiateOpener} then derives R', K and the channel
 * ID and remembers the channel, so that the MESSAGEs after it open too, though no channel line names it.
 */
final class ChannelKeys {
    private static final int COOKIE_OFFSET = 40;
    private static final int COOKIE_NONCE = 16;
    private static final int COOKIE_LENGTH = 96;

    /**
     * One channel.
     *
     * @param initiatorKey I'
     * @param responderKey R'
     * @param channelKey K
     * @param channelId the channel ID, hex
     */
    record Channel(byte[] initiatorKey, byte[] responderKey, byte[] channelKey, String channelId) {
    }

    /** The channel and the nonce prefix of a MESSAGE, found by its sender key. */
    record Opener(Channel channel, NoncePrefix prefix) {
    }

    private final List<Channel> channels;
    private final List<byte[]> minuteKeys;

    private ChannelKeys(List<Channel> channels, List<byte[]> minuteKeys) {
        this.channels = new ArrayList<>(channels);
        this.minuteKeys = List.copyOf(minuteKeys);
    }

    /** No keys: every box stays opaque. */
    static ChannelKeys none() {
        return new ChannelKeys(List.of(), List.of());
    }

    /** Reads {@code file}; every malformed line is an error naming its line number. */
    static ChannelKeys read(Path file) throws UnreadableCaptureException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnreadableCaptureException(file + ": cannot read the keylog: " + e.getMessage());
        }
        List<Channel> channels = new ArrayList<>();
        List<byte[]> minuteKeys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1);
            String[] f = line.split("\\s+");
            if (f[0].equals(Keylog.MINUTE_KEY_LABEL) && f.length == 2) {
                minuteKeys.add(key(f[1], "t", where));
            } else if (f[0].equals(Keylog.LABEL) && (f.length == 6 || f.length == 7)) {
                Channel channel = channel(f, line, where);
                // both ends of a capture may log the same channel; the first line serves
                if (channels.stream().noneMatch(c -> Arrays.equals(c.initiatorKey(), channel.initiatorKey())
                        && Arrays.equals(c.responderKey(), channel.responderKey()))) {
                    channels.add(channel);
                }
            } else {
                throw new UnreadableCaptureException(where + ": expected `" + Keylog.LABEL
                        + " <I'> <i'> <R'> <K> <channel-id> [<r'>]` or `" + Keylog.MINUTE_KEY_LABEL + " <t>`, got: "
                        + line);
            }
        }
        return new ChannelKeys(channels, minuteKeys);
    }

    private static Channel channel(String[] f, String line, String where) throws UnreadableCaptureException {
        byte[] initiator = key(f[1], "I'", where);
        byte[] responder = key(f[3], "R'", where);
        byte[] channelKey;
        if (!f[4].equals(Keylog.UNKNOWN)) {
            channelKey = key(f[4], "K", where);
        } else if (!f[2].equals(Keylog.UNKNOWN)) {
            channelKey = Nacl.beforenm(responder, key(f[2], "i'", where));
        } else if (f.length == 7 && !f[6].equals(Keylog.UNKNOWN)) {
            channelKey = Nacl.beforenm(initiator, key(f[6], "r'", where));
        } else {
            throw new UnreadableCaptureException(where + ": K is '-' and neither i' nor r' is given: " + line);
        }
        String id = f[5].equals(Keylog.UNKNOWN)
                ? Hex.of(KeyDerivation.channelId(channelKey, initiator, responder)) : f[5];
        return new Channel(initiator, responder, channelKey, id);
    }

    private static byte[] key(String hex, String name, String where) throws UnreadableCaptureException {
        try {
            byte[] key = Hex.parse(hex);
            if (key.length == Nacl.KEY_BYTES) {
                return key;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new UnreadableCaptureException(where + ": " + name + " is not 64 hex digits: " + hex);
    }

    /** The channel whose initiator or responder short-term key is {@code senderKey}, with its nonce prefix. */
    Optional<Opener> opener(byte[] senderKey) {
        for (Channel c : channels) {
            if (Arrays.equals(c.initiatorKey(), senderKey)) {
                return Optional.of(new Opener(c, NoncePrefix.MESSAGE_FROM_INITIATOR));
            }
            if (Arrays.equals(c.responderKey(), senderKey)) {
                return Optional.of(new Opener(c, NoncePrefix.MESSAGE_FROM_RESPONDER));
            }
        }
        return Optional.empty();
    }

    /**
     * The channel that opens the box of {@code initiate}, an INITIATE packet received from {@code source}:
     * a channel whose I' is the packet's, or else one derived from its cookie under a minute key (and
     * remembered for the packets after it). Its prefix is that of MESSAGEs from the initiator.
     */
    Optional<Opener> initiateOpener(byte[] initiate, InetSocketAddress source) {
        if (initiate.length < COOKIE_OFFSET + COOKIE_LENGTH) {
            return Optional.empty();
        }
        byte[] initiatorKey = Arrays.copyOfRange(initiate, 8, COOKIE_OFFSET);
        Optional<Opener> known = opener(initiatorKey).filter(o -> o.prefix() == NoncePrefix.MESSAGE_FROM_INITIATOR);
        if (known.isPresent() || source == null) {
            return known;
        }
        byte[] nonce = NoncePrefix.MINUTE_KEY.withRandom(
                Arrays.copyOfRange(initiate, COOKIE_OFFSET, COOKIE_OFFSET + COOKIE_NONCE));
        byte[] box = Arrays.copyOfRange(initiate, COOKIE_OFFSET + COOKIE_NONCE, COOKIE_OFFSET + COOKIE_LENGTH);
        for (byte[] minuteKey : minuteKeys) {
            byte[] addressKey = KeyDerivation.addressBoundMinuteKey(minuteKey, source.getAddress().getAddress(),
                    source.getPort());
            Optional<byte[]> plain = Nacl.secretboxOpen(box, nonce, addressKey);
            // the cookie holds I' || r' (CRY-COOKIE-5); its I' must be the packet's
            if (plain.isPresent() && Arrays.equals(Arrays.copyOf(plain.get(), 32), initiatorKey)) {
                byte[] responderSecret = Arrays.copyOfRange(plain.get(), 32, 64);
                byte[] responderKey = Nacl.publicKey(responderSecret);
                byte[] channelKey = Nacl.beforenm(initiatorKey, responderSecret);
                Channel derived = new Channel(initiatorKey, responderKey, channelKey,
                        Hex.of(KeyDerivation.channelId(channelKey, initiatorKey, responderKey)));
                channels.add(derived);
                return Optional.of(new Opener(derived, NoncePrefix.MESSAGE_FROM_INITIATOR));
            }
        }
        return Optional.empty();
    }

    /** Whether the file named any channel or minute key. */
    boolean isEmpty() {
        return channels.isEmpty() && minuteKeys.isEmpty();
    }
}
