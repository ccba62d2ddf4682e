Feature: 7 Frames
  Malformed frames close the channel with the error section 13 names.

  Background:
    Given a tester peer with a channel to the IUT

  @FRM-STREAM-2 @FRM-CLOSE-1 @CHN-CLOSE-1 @must
  Scenario: A STREAM frame on LSID 0 closes the channel with FRAME_ENCODING_ERROR
    # FRM-STREAM-2: "A receiver MUST treat a STREAM frame whose LSID is 0 as verdict STREAM_LSID_ZERO
    # and close the channel with FRAME_ENCODING_ERROR."
    When the peer sends a STREAM frame with LSID 0 carrying a record of 40 bytes
    Then the IUT closes the channel with FRAME_ENCODING_ERROR
    # FRM-CLOSE-1: "A sender MUST make CLOSE the last frame of its packet, apart from trailing zero bytes."
    And the CLOSE is the last frame of its packet

  @FRM-GEN-3 @must @negative
  Scenario Outline: A frame of the unassigned type <type> closes the channel with FRAME_ENCODING_ERROR
    # FRM-GEN-3: "A receiver MUST treat a frame type not in the registry above as verdict
    # UNKNOWN_FRAME_TYPE and close the channel with FRAME_ENCODING_ERROR."
    # Types 0x11 to 0xFF are used only after a SETTINGS tag announces them; the peer announced none.
    When the peer ends a packet with a frame of type <type> followed by 8 random bytes
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples: types reserved for future SSS specifications and for private experiments
      | type |
      | 0x11 |
      | 0x7F |
      | 0x80 |
      | 0xFF |

  @FRM-GEN-2 @must @negative
  Scenario Outline: A <frame> frame that extends beyond the end of the plaintext closes the channel with FRAME_ENCODING_ERROR
    # FRM-GEN-2: "A receiver MUST treat a frame whose body (as its fields and lengths describe it)
    # extends beyond the end of the plaintext as verdict FRAME_TRUNCATED and close the channel with
    # FRAME_ENCODING_ERROR." The frame is the last one of the packet; the padding goes before it.
    When the peer ends a packet with a <frame> frame <how>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | frame           | how                                                |
      | PRIORITY        | cut after 5 of its 9 bytes                         |
      | MAX_STREAM_DATA | cut after 9 of its 13 bytes                        |
      | ACK             | whose only NACK range is missing                   |
      | RESET           | whose reason length claims 40 bytes but 3 follow   |
      | PADDING         | whose len_padding claims 100 bytes but 4 follow    |
      | PATH_CHALLENGE  | cut after 4 of its 8 data bytes                    |

  @FRM-GEN-6 @FRM-GEN-7 @FRM-PRIO-1 @must @should @negative
  Scenario: No frame after a faulty frame is acted on: a PATH_CHALLENGE after a PRIORITY for LSID 0 is not answered
    # FRM-GEN-6: "A receiver MUST process the frames of a packet in order, and when it finds a fault in
    # a frame it MUST NOT act on that frame or on any later frame of the packet."
    # FRM-GEN-7: "A receiver SHOULD check every frame of a packet before acting on any of them." An
    # answer to the first challenge is allowed by FRM-GEN-6 and noted as pass-lenient.
    When the peer sends one packet with a PATH_CHALLENGE, a PRIORITY frame for LSID 0 and a second PATH_CHALLENGE
    Then the IUT closes the channel with PROTOCOL_VIOLATION
    And the IUT sent no PATH_RESPONSE for the second PATH_CHALLENGE

  @FRM-GEN-6 @must @negative
  Scenario: A CLOSE after a faulty frame is not acted on: the IUT closes with the faulty frame's error
    # FRM-GEN-6: "... it MUST NOT act on that frame or on any later frame of the packet." Acting on the
    # peer's CLOSE would put the IUT in the draining state, where it sends no CLOSE of its own with
    # PROTOCOL_VIOLATION.
    When the peer sends one packet with a PRIORITY frame for LSID 0 followed by a well-formed CLOSE with NO_ERROR
    Then the IUT closes the channel with PROTOCOL_VIOLATION

  @FRM-EMPTY-1 @must
  Scenario: EMPTY frames between STREAM frames are skipped one byte at a time
    # FRM-EMPTY-1: "A receiver MUST skip an EMPTY frame (one byte) and continue with the next byte."
    # The second STREAM frame is reached only if parsing continues after the EMPTY frames.
    Given the peer has opened an echo stream frame by frame
    When the peer sends 300 random bytes and FIN on that stream in one packet, with 3 EMPTY frames before each of its two STREAM frames
    Then the IUT echoes those bytes and FIN

  @FRM-PAD-1 @must
  Scenario Outline: A PADDING frame of <length> bytes of <content> is skipped exactly, so the STREAM frame after it is read from its first byte
    # FRM-PAD-1: "A receiver MUST skip exactly 3 + L bytes for a PADDING frame and continue parsing
    # after them." The STREAM frame has no length field and runs to the end of the plaintext, so any
    # other skip would read different data.
    Given the peer has opened an echo stream frame by frame
    When the peer sends 200 random bytes and FIN on that stream after a PADDING frame of <length> bytes of <content>, in a STREAM frame without a length field
    Then the IUT echoes those bytes and FIN

    Examples: zero padding
      | length | content |
      | 0      | zeros   |

    # FRM-PAD-2: "A receiver MUST ignore the values of padding bytes ..."
    @FRM-PAD-2
    Examples: padding values the receiver must ignore
      | length | content              |
      | 1      | random bytes         |
      | 250    | 0x07, the CLOSE type |
