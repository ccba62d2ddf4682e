package org.sss.tools.wireshark;

import java.util.List;

/**
 * The outer packets of {@code sss.ksy}: what the root type says before any box is opened.
 *
 * @param title      {@code meta.title}, the protocol's long name
 * @param magicId    the root type's magic attribute id ({@code magic})
 * @param magicSize  the magic's width in bytes
 * @param magicDoc   the magic attribute's {@code doc}; may be empty
 * @param packets    every packet kind of the root type's switch, in the order of the magic enum
 */
public record OuterProtocol(String title, String magicId, int magicSize, String magicDoc, List<OuterPacket> packets) {

    /** Copies {@code packets}. */
    public OuterProtocol {
        packets = List.copyOf(packets);
    }
}
