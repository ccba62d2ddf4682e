package org.sss.core.channel;

/** Where an authenticated message plaintext came from; the rules differ slightly. */
enum PacketKind {
    /** The initiator's first accepted MESSAGE (NEG-IPROC-3). */
    FIRST_MESSAGE(true, false),
    /** The message of the INITIATE that created the responder's channel (NEG-INITIATE-6). */
    FIRST_INITIATE(true, true),
    /** A MESSAGE of an established channel. */
    MESSAGE(false, false),
    /** The message of an INITIATE retransmitted for a live channel (steps R1 to R4 of SPEC.md section 5.5). */
    // SPEC-GAP: NEG-INITIATE-6 names only the INITIATE that created the channel; since NEG-INITIATE-4 and
    // NEG-INITIATE-5 bind every INITIATE, a retransmission is held to the same rules
    INITIATE_RETRANSMISSION(true, true);

    private final boolean settingsFirst;
    private final boolean initiate;

    PacketKind(boolean settingsFirst, boolean initiate) {
        this.settingsFirst = settingsFirst;
        this.initiate = initiate;
    }

    /** Whether the plaintext must begin with SETTINGS. */
    boolean requiresSettingsFirst() {
        return settingsFirst;
    }

    /** Whether the plaintext travelled inside an INITIATE, which restricts its frame types. */
    boolean isInitiate() {
        return initiate;
    }
}
