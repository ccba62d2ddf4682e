Feature: 6.2-6.3 Message plaintext and packet header, receiver side
  How the IUT reads the plaintext of a MESSAGE: frames up to its end (SPEC.md 6.2) and the packet
  header in front of them (6.3). Packets whose header is faulty close the channel; a header whose
  packet number does not match the box's nonce counter is dropped.

  Background:
    Given a tester peer with a channel to the IUT

  # CHN-HDR-2: "A receiver MUST treat a header with any of the bits 0xE0 set as verdict
  # HEADER_RESERVED_BITS and close the channel with FRAME_ENCODING_ERROR."
  @CHN-HDR-2 @CHN-HDR-1 @must @negative
  Scenario Outline: A header with the reserved bit <flags> set closes the channel with FRAME_ENCODING_ERROR
    When the peer sends a PING whose header has the flags byte <flags>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR
    And the CLOSE is the last frame of its packet

    Examples:
      | flags |
      | 0x20  |
      | 0x40  |
      | 0x80  |

  # CHN-HDR-3: "A sender MUST NOT set the g (0x02) or f (0x10) bits, and a receiver MUST treat either
  # bit set as verdict FEC_NOT_SUPPORTED and close the channel with FRAME_ENCODING_ERROR."
  @CHN-HDR-3 @CHN-HDR-1 @must @negative
  Scenario Outline: A header with the FEC bit <flags> set closes the channel with FRAME_ENCODING_ERROR
    When the peer sends a PING whose header has the flags byte <flags>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | flags |
      | 0x10  |
      | 0x02  |

  # CHN-HDR-5: "The packet number field MUST equal the low 16, 32, 48 or 64 bits (per ss) of the nonce
  # counter of the box that carried the plaintext" - every width is valid; CHN-HDR-6 only advises 2 bytes.
  @CHN-HDR-5 @CHN-HDR-1 @must
  Scenario Outline: A PING whose packet number travels in a <width>-byte field is accepted
    When the peer sends a PING whose header carries the packet number in a <width>-byte field
    Then the IUT acknowledges the packet the peer marked

    Examples:
      | width |
      | 4     |
      | 6     |
      | 8     |

  # CHN-HDR-5: "... and a receiver MUST drop a packet where it does not, with verdict
  # PACKET_NUMBER_MISMATCH." CHN-RECV-2: "A receiver MUST NOT acknowledge a packet that it dropped at
  # any of steps 1 to 6."
  @CHN-HDR-5 @CHN-RECV-2 @must @must-not @negative
  Scenario Outline: A PING whose <width>-byte header packet number differs from the nonce counter in bit <bit> is dropped
    When the peer sends a PING whose <width>-byte header packet number differs from the nonce counter in bit <bit>
    Then the channel still works: echo returns a record of 200 random bytes
    And the IUT never acknowledges that packet

    Examples:
      | width | bit |
      | 2     | 0   |
      | 8     | 40  |

  # CHN-PLAIN-2: "A receiver MUST parse frames one after another from the end of the header to the end
  # of the plaintext." (EMPTY frames and a PADDING frame may come before a final STREAM frame without
  # a length field, which runs to the end: CHN-PLAIN-3's layout, seen from the receiver.)
  @CHN-PLAIN-2 @must
  Scenario: EMPTY frames, a PING, PADDING and a final STREAM frame without a length field are all read
    When the peer sends on a new echo stream one packet of EMPTY frames, a PING, a PADDING frame and a final STREAM frame without a length field carrying a record of 300 random bytes and FIN
    Then the IUT echoes that record and FIN
