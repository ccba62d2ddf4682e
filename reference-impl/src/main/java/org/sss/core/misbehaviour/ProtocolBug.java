package org.sss.core.misbehaviour;

/**
 * The named protocol bugs the reference implementation can be told to commit, each breaking one
 * requirement of SPEC.md in one observable way. Never switch one on outside the conformance suite's
 * self-tests: a host with a bug on does not implement SSS.
 */
public enum ProtocolBug {
    /** The responder pads its COOKIE to 224 bytes, more than the 192-byte HELLO it answers (PKT-SIZE-2, section 5.8). */
    COOKIE_LARGER_THAN_HELLO("the responder pads every COOKIE to 224 bytes, more than the HELLO it answers"),
    /** The responder answers each HELLO with two COOKIEs (NEG-COOKIE-2). */
    DOUBLE_COOKIE("the responder answers each HELLO with two COOKIEs"),
    /** The channel omits the version field from every packet, even before one was acknowledged (NEG-VER-1). */
    NO_VERSION_FIELD("the channel never sends the version field"),
    /** The channel seals its fourth packet under the nonce counter value of its third (CRY-CTR-3, CHN-PN-2). */
    REUSE_NONCE("the fourth packet of a channel reuses the nonce counter value of the third"),
    /** The channel's ACK frames carry no NACK range: they acknowledge packets never received (CHN-ACK-5). */
    ACK_UNRECEIVED("ACK frames omit every NACK range, acknowledging packet numbers never received"),
    /** A MESSAGE whose box does not open is still recorded as received and acknowledged (CHN-RECV-2). */
    ACK_DROPPED_PACKET("a MESSAGE whose box does not open is still acknowledged"),
    /** The channel fills packets up to 1168 bytes of plaintext whatever the peer's MAX_PLAINTEXT (PKT-SIZE-9). */
    IGNORE_PEER_MAX_PLAINTEXT("packets are filled to 1168 bytes of plaintext, ignoring the peer's MAX_PLAINTEXT"),
    /** A PING frame follows CLOSE in its packet (FRM-CLOSE-1). */
    CLOSE_NOT_LAST("a PING frame follows CLOSE in its packet"),
    /** Every channel error is closed with PROTOCOL_VIOLATION, whatever section 13 names (section 11). */
    WRONG_CLOSE_CODE("channel errors close with PROTOCOL_VIOLATION instead of the error section 13 names"),
    /** Stream data is sent beyond the peer's stream limit (CHN-FLOW-1). */
    IGNORE_PEER_FLOW_CONTROL("stream data is sent beyond the peer's INITIAL_MAX_STREAM_DATA and MAX_STREAM_DATA"),
    /** RECORD is set on every STREAM frame that carries data, also where the frame ends mid-record (FRM-STREAM-9). */
    SPLIT_RECORD("RECORD is set on every STREAM frame with data, splitting records at frame ends"),
    /** A substream is opened under a parent stream that was reset (STR-OPEN-3). */
    SUBSTREAM_UNDER_CLOSED_PARENT("substreams are opened under a parent stream that was reset"),
    /** The echo test service leaves out the last byte of every complete record (TST-ECHO-1). */
    ECHO_TRUNCATES_RECORDS("the echo test service leaves out the last byte of every complete record"),
    /**
     * A message plaintext with an unknown frame type throws {@link ProtocolBugCrash} out of the receive
     * path, which stops the host's receive loop for good: a crash on bad input (FRM-GEN-4, section 13).
     */
    UNKNOWN_FRAME_CRASHES("an unknown frame type throws out of the receive loop, which stops for good"),
    /**
     * A STREAM frame with no data and no FIN (FRM-STREAM-3) stalls the event loop for
     * {@link ProtocolBugs#STALL} before the verdict: a hang on bad input.
     */
    EMPTY_STREAM_FRAME_HANGS("a STREAM frame with no data and no FIN stalls the event loop"),
    /**
     * An INITIATE that does not decode (wrong length, section 3.3) throws {@link ProtocolBugCrash} out of
     * the receive path, which stops the host's receive loop for good: a crash on bad input (PKT-SIZE-3).
     */
    MALFORMED_INITIATE_CRASHES("an INITIATE of a wrong length throws out of the receive loop, which stops for good");

    private final String description;

    ProtocolBug(String description) {
        this.description = description;
    }

    /** What the bug does, in one line. */
    public String description() {
        return description;
    }
}
