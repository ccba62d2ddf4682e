package org.sss.tools.vectors;

import static org.sss.tools.vectors.VectorJson.hex;
import static org.sss.tools.vectors.VectorJson.integer;
import static org.sss.tools.vectors.VectorJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.sss.core.crypto.CryptoProvider;
import org.sss.core.crypto.MinuteKey;
import org.sss.core.crypto.PublicKey;
import org.sss.core.crypto.SecretKey;
import org.sss.core.wire.WireLimits;

/**
 * The inputs of a handshake.json group: the four key pairs, the responder's minute key, both
 * addresses and the protocol version.
 *
 * @param json the group object, for the key pairs
 * @param initiatorLongTerm {@code I}
 * @param responderLongTerm {@code R}
 * @param initiatorShortTerm {@code I'}
 * @param responderShortTerm {@code R'}
 * @param initiatorLongTermPrivate {@code i}
 * @param responderLongTermPrivate {@code r}
 * @param initiatorShortTermPrivate {@code i'}
 * @param responderShortTermPrivate {@code r'}
 * @param minuteKey {@code t}
 * @param initiatorAddress the initiator's address and port
 * @param responderAddress the responder's address and port
 * @param protocolVersion the version the transcript speaks
 */
record HandshakeInputs(JsonNode json, PublicKey initiatorLongTerm, PublicKey responderLongTerm,
        PublicKey initiatorShortTerm, PublicKey responderShortTerm, SecretKey initiatorLongTermPrivate,
        SecretKey responderLongTermPrivate, SecretKey initiatorShortTermPrivate, SecretKey responderShortTermPrivate,
        MinuteKey minuteKey, InetSocketAddress initiatorAddress, InetSocketAddress responderAddress,
        int protocolVersion) {

    /** The names of the four key pairs: {@code <name>Private} and {@code <name>Public} in the group. */
    static final List<String> KEY_PAIRS =
            List.of("initiatorLongTerm", "responderLongTerm", "initiatorShortTerm", "responderShortTerm");

    /** Reads a group. */
    static HandshakeInputs of(JsonNode group) {
        return new HandshakeInputs(group,
                PublicKey.of(hex(group, "initiatorLongTermPublic")),
                PublicKey.of(hex(group, "responderLongTermPublic")),
                PublicKey.of(hex(group, "initiatorShortTermPublic")),
                PublicKey.of(hex(group, "responderShortTermPublic")),
                SecretKey.of(hex(group, "initiatorLongTermPrivate")),
                SecretKey.of(hex(group, "responderLongTermPrivate")),
                SecretKey.of(hex(group, "initiatorShortTermPrivate")),
                SecretKey.of(hex(group, "responderShortTermPrivate")),
                MinuteKey.of(hex(group, "minuteKey")),
                socketAddress(group, "initiatorAddress", "initiatorPort"),
                socketAddress(group, "responderAddress", "responderPort"),
                integer(group, "protocolVersion"));
    }

    /** What is inconsistent in the group: a public key that is not its private key's, a version other than 1. */
    List<String> problems(CryptoProvider crypto) {
        Comparison c = new Comparison();
        for (String pair : KEY_PAIRS) {
            SecretKey secret = SecretKey.of(hex(json, pair + "Private"));
            c.bytes("group " + pair + "Public (of " + pair + "Private)", hex(json, pair + "Public"),
                    crypto.keyAgreement().publicKey(secret).bytes());
        }
        c.value("group protocolVersion (the reference implementation speaks version 1)", protocolVersion,
                WireLimits.VERSION_1);
        return c.problems();
    }

    /** An address literal and port of a test or group; never a host name, so nothing is looked up. */
    static InetSocketAddress socketAddress(JsonNode node, String addressField, String portField) {
        String literal = text(node, addressField);
        int port = integer(node, portField);
        if (!literal.matches("[0-9a-fA-F:.]+") || port < 0 || port > 0xFFFF) {
            throw new MalformedVectorException("fields " + addressField + "/" + portField + " are not an IP address "
                    + "literal and a port: " + literal + ", " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            throw new MalformedVectorException("field " + addressField + " is not an IP address literal: " + literal);
        }
    }
}
