Feature: 7.2 STREAM frames
  How the IUT receives STREAM frames (SPEC.md section 7.2): encoding faults close the channel with
  FRAME_ENCODING_ERROR (section 13), and offset fields of every width are accepted. Each scenario
  drives an echo stream (Appendix A.1) frame by frame.

  Background:
    Given a tester peer with a channel to the IUT

  @FRM-STREAM-1 @must @negative
  Scenario: A STREAM frame with USID set and INIT clear closes the channel with FRAME_ENCODING_ERROR
    # FRM-STREAM-1: "... a receiver MUST treat a STREAM frame with USID set and INIT clear as verdict
    # STREAM_USID_WITHOUT_INIT and close the channel with FRAME_ENCODING_ERROR."
    Given the peer has opened an echo stream frame by frame
    When the peer sends on that stream a STREAM frame of 20 bytes with flag USID set and INIT clear
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

  @FRM-STREAM-3 @must @negative
  Scenario Outline: A STREAM frame with no data and FIN clear closes the channel with FRAME_ENCODING_ERROR (<form>)
    # FRM-STREAM-3: "A receiver MUST treat a STREAM frame with no data and FIN clear as verdict
    # STREAM_EMPTY_WITHOUT_FIN and close the channel with FRAME_ENCODING_ERROR."
    Given the peer has opened an echo stream frame by frame
    When the peer sends on that stream a STREAM frame with no data and FIN clear, <form>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | form                                         |
      | with a length field of 0                     |
      | without a length field, ending the plaintext |

  @FRM-STREAM-4 @must @negative
  Scenario Outline: A STREAM frame at offset <offset> with <length> data bytes exceeds 2^62 − 1 and closes the channel with FRAME_ENCODING_ERROR
    # FRM-STREAM-4: "A receiver MUST treat a STREAM frame whose offset plus data length exceeds
    # 2^62 − 1 as verdict STREAM_OFFSET_OVERFLOW and close the channel with FRAME_ENCODING_ERROR."
    # The verdict precedes any flow-control judgement (section 13: encoding faults come first).
    Given the peer has opened an echo stream frame by frame
    When the peer sends on that stream a STREAM frame at offset <offset> in 8 bytes with <length> data bytes and FIN <fin>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | offset | length | fin   |
      | 2^62-1 | 1      | clear |
      | 2^62   | 0      | set   |
      | 2^64-1 | 1      | clear |

  @FRM-STREAM-5 @FRM-GEN-4 @must @negative
  Scenario Outline: A STREAM frame with the reserved flag bit <bit> set closes the channel with FRAME_ENCODING_ERROR
    # FRM-STREAM-5: "A receiver MUST treat a STREAM frame with any of the bits 0x00FE set as verdict
    # FRAME_RESERVED_BITS and close the channel with FRAME_ENCODING_ERROR."
    # FRM-GEN-4: "A receiver MUST treat a frame with a reserved bit set as verdict FRAME_RESERVED_BITS
    # and close the channel with FRAME_ENCODING_ERROR."
    Given the peer has opened an echo stream frame by frame
    When the peer sends on that stream a STREAM frame of 20 bytes with reserved flag bit <bit> set
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | bit    |
      | 0x0002 |
      | 0x0010 |
      | 0x0080 |

  @FRM-STREAM-6 @FRM-GEN-2 @must @negative
  Scenario: A STREAM frame whose len_data exceeds the bytes left in the plaintext closes the channel with FRAME_ENCODING_ERROR
    # FRM-STREAM-6: "A receiver MUST treat a STREAM frame whose len_data exceeds the bytes remaining in
    # the plaintext as verdict FRAME_TRUNCATED and close the channel with FRAME_ENCODING_ERROR."
    Given the peer has opened an echo stream frame by frame
    When the peer ends a packet with a STREAM frame whose len_data is 1 more than the data bytes that follow
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

  @FRM-STREAM-7 @must
  Scenario Outline: Data whose offset is written in <width> bytes, wider than it needs, is accepted
    # FRM-STREAM-7: "A receiver MUST accept an offset field wider than the offset needs, and an explicit
    # offset of 0 in a field of any width." The offset (the request's length) fits in 2 bytes.
    Given the peer has opened an echo stream frame by frame
    When the peer sends 100 random bytes and FIN on that stream with the offset field <width> bytes wide
    Then the IUT echoes those bytes and FIN

    Examples:
      | width |
      | 3     |
      | 5     |
      | 8     |

  @FRM-STREAM-7 @must
  Scenario Outline: A stream opened by a frame whose offset 0 is written explicitly in <width> bytes is accepted
    # FRM-STREAM-7: "... and an explicit offset of 0 in a field of any width."
    Given the peer has opened an echo stream frame by frame, its offset 0 written in <width> bytes
    When the peer sends 100 random bytes and FIN on that stream with the offset field 2 bytes wide
    Then the IUT echoes those bytes and FIN

    Examples:
      | width |
      | 2     |
      | 8     |
