package org.sss.core.wire;

/**
 * One UDP datagram of SSS version 1, with its boxes still sealed. Byte fields are slices of the
 * datagram buffer (see the package rules).
 */
public sealed interface Packet permits HelloPacket, CookiePacket, InitiatePacket, MessagePacket {
    /** The packet kind (the magic). */
    PacketType type();
}
