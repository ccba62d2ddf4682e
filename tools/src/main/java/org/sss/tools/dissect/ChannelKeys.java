package org.sss.tools.dissect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sss.conformance.peer.crypto.Nacl;
import org.sss.conformance.peer.crypto.NoncePrefix;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.report.Keylog;

/**
 * The channels of a keylog file (format in conformance/README.md, written by {@link Keylog}): for
 * each, the two short-term public keys that name it in MESSAGE packets and the channel key K that
 * opens its boxes in both directions. Which key sent a MESSAGE decides the nonce prefix (SPEC.md 4.3).
 */
final class ChannelKeys {
    /** One channel line. */
    record Channel(byte[] initiatorKey, byte[] responderKey, byte[] channelKey, String channelId) {
    }

    /** The channel and the nonce prefix of a MESSAGE, found by its sender key. */
    record Opener(Channel channel, NoncePrefix prefix) {
    }

    private final List<Channel> channels;

    private ChannelKeys(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    /** No keys: every box stays opaque. */
    static ChannelKeys none() {
        return new ChannelKeys(List.of());
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
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            channels.add(parse(line, file + ":" + (i + 1)));
        }
        return new ChannelKeys(channels);
    }

    private static Channel parse(String line, String where) throws UnreadableCaptureException {
        String[] f = line.split("\\s+");
        if (f.length != 6 || !f[0].equals(Keylog.LABEL)) {
            throw new UnreadableCaptureException(where + ": expected `" + Keylog.LABEL
                    + " <I'> <i'> <R'> <K> <channel-id>`, got: " + line);
        }
        return new Channel(key(f[1], "I'", where), key(f[3], "R'", where), key(f[4], "K", where), f[5]);
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

    /** Whether the file named any channel. */
    boolean isEmpty() {
        return channels.isEmpty();
    }
}
