Feature: 7.8 CLOSE frames
  How the IUT receives CLOSE (SPEC.md section 7.8): what follows a well-formed CLOSE is ignored, any
  error code is accepted, and a CLOSE without its final ACK, or with a faulty one, is a fault of
  its own.

  Background:
    Given a tester peer with a channel to the IUT
    And the IUT has sent at least 4 packets on the channel

  @negative
  Scenario Outline: A well-formed CLOSE with error code <code> followed by <trailer> puts the IUT in the draining state
    # CHN-CLOSE-3: "An endpoint that accepts a CLOSE MUST enter the draining state for 3 · PTO and,
    # apart from at most one CLOSE packet sent at once, MUST NOT send anything on the channel."
    When the peer sends a well-formed CLOSE with error code <code> followed by <trailer>
    Then the IUT drains: after a PING from the peer it has sent at most one packet, a CLOSE that is neither FRAME_ENCODING_ERROR nor PROTOCOL_VIOLATION

    # FRM-CLOSE-2: "A receiver MUST NOT process or check any byte that follows a well-formed CLOSE
    # frame in its plaintext."
    @FRM-CLOSE-2 @CHN-CLOSE-3 @must-not
    Examples: bytes that would be faults if they were checked
      | code       | trailer                                           |
      | 0x00000000 | an unknown frame type and 13 random bytes         |
      | 0xFFFFFFFF | a STREAM frame for LSID 0 with reserved bits set  |

    # FRM-CLOSE-5: "A receiver MUST accept any error code in CLOSE, RESET or GOAWAY, ..."
    @FRM-CLOSE-5 @CHN-CLOSE-3 @must
    Examples: error codes the IUT does not know
      | code       | trailer |
      | 0x00001234 | nothing |

  @FRM-CLOSE-3 @must @negative
  Scenario Outline: A CLOSE whose byte after the reason is <byte> instead of 0x02 closes the channel with FRAME_ENCODING_ERROR
    # FRM-CLOSE-3: "A receiver MUST treat a CLOSE frame in which the byte after the reason is not 0x02
    # as verdict CLOSE_WITHOUT_ACK and close the channel with FRAME_ENCODING_ERROR."
    When the peer sends a CLOSE whose ack type byte is <byte>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | byte |
      | 0x00 |
      | 0x03 |

  @FRM-CLOSE-3 @FRM-GEN-2 @must @negative
  Scenario: A CLOSE that ends right after its reason closes the channel with FRAME_ENCODING_ERROR
    # FRM-CLOSE-3 (no ack type byte at all) and FRM-GEN-2: the CLOSE's body extends beyond the plaintext.
    When the peer ends a packet with a CLOSE frame that ends right after its reason
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

  @FRM-CLOSE-4 @must @negative
  Scenario Outline: The final ACK of a CLOSE is checked as an ACK frame before draining: one that <fault> closes the channel with <code>
    # FRM-CLOSE-4: "A receiver MUST process the final ACK of a CLOSE as an ACK frame (including its
    # checks, FRM-ACK-4) before it enters the draining state."
    When the peer sends a CLOSE with NO_ERROR whose final ACK <fault>
    Then the IUT closes the channel with <code>

    @FRM-ACK-4
    Examples: a range check (FRM-ACK-4)
      | fault                              | code                 |
      | has a NACK range with run_length 0 | FRAME_ENCODING_ERROR |

    # CHN-ACK-10: "A sender MUST close the channel with PROTOCOL_VIOLATION when an ACK's
    # largest_observed is greater than the largest packet number it has sent on the channel."
    @CHN-ACK-10
    Examples: a plausibility check (CHN-ACK-10)
      | fault                                                | code               |
      | acknowledges a packet number above the IUT's largest | PROTOCOL_VIOLATION |
