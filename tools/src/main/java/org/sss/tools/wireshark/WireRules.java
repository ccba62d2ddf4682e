package org.sss.tools.wireshark;

import java.util.List;
import java.util.Map;

/**
 * What SPEC.md adds to the ksy for the dissector: the default port and the datagram rules its
 * expert info cites by requirement ID.
 *
 * @param defaultPort           the default UDP port of a responder (SPEC.md section 3)
 * @param magicRequirementShort the ID of the rule on datagrams shorter than the magic (PKT-MAGIC-3)
 * @param magicRequirementUnknown the ID of the rule on unknown magics (PKT-MAGIC-2)
 * @param reserved              magics SPEC.md section 3.1 reserves, never sent
 * @param sizes                 the length rule of each packet kind, by kind
 * @param maxPayload            the largest UDP payload a sender may send
 * @param maxPayloadRequirement the ID of that rule (PKT-SIZE-7)
 */
public record WireRules(int defaultPort, String magicRequirementShort, String magicRequirementUnknown,
        List<ReservedMagic> reserved, Map<String, SizeRule> sizes, int maxPayload, String maxPayloadRequirement) {

    /** Copies the collections. */
    public WireRules {
        reserved = List.copyOf(reserved);
        sizes = Map.copyOf(sizes);
    }

    /**
     * A magic value that is defined but never sent.
     *
     * @param kind        its name, e.g. {@code INITIATE_MESSAGE}
     * @param magicHex    16 lower-case hex digits, wire order
     * @param requirement the rule that forbids sending it (PKT-MAGIC-4)
     */
    public record ReservedMagic(String kind, String magicHex, String requirement) {
    }
}
