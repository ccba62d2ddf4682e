Feature: 7.3 ACK frames
  How the IUT reads the ACK frames it receives (SPEC.md section 7.3). Every ACK is built from the
  packet numbers the IUT really used, so that only the rule under test is broken.

  Background:
    Given a tester peer with a channel to the IUT
    And the IUT has sent at least 4 packets on the channel

  @FRM-ACK-1 @must
  Scenario: The entropy bytes of an ACK are ignored
    # FRM-ACK-1: "A sender MUST set sent_entropy and received_entropy to 0, and a receiver MUST ignore
    # their values."
    When the peer acknowledges the IUT's packets with an ACK whose entropy bytes are random and non-zero
    Then the IUT keeps the channel open: a new echo stream returns a record of 200 random bytes

  @FRM-ACK-4 @must
  Scenario: An ACK whose least_unacked is largest_observed + 1 reports nothing and is accepted
    # FRM-ACK-4 closes only when "least_unacked exceeds largest_observed + 1"; section 7.3: "unless
    # least_unacked = largest_observed + 1, in which case the ACK reports nothing".
    When the peer sends an ACK whose least_unacked is largest_observed + 1, reporting nothing
    Then the IUT keeps the channel open: a new echo stream returns a record of 200 random bytes

  @FRM-ACK-4 @must
  Scenario: Two adjacent NACK ranges are accepted
    # Section 7.3: "two ranges may be adjacent (a sender should merge them, but a receiver accepts
    # them)"; FRM-ACK-4 requires only that each range "end below the start of the range listed before it".
    When the peer sends an ACK with two adjacent NACK ranges
    Then the IUT keeps the channel open: a new echo stream returns a record of 200 random bytes

  @FRM-ACK-4 @must @negative
  Scenario Outline: An ACK in which <fault> closes the channel with FRAME_ENCODING_ERROR
    # FRM-ACK-4: "A receiver MUST treat as verdict ACK_RANGE_INVALID, and close the channel with
    # FRAME_ENCODING_ERROR, an ACK frame in which least_unacked exceeds largest_observed + 1, a range
    # has run_length 0, a range does not lie within [least_unacked, largest_observed − 1], or a range
    # does not end below the start of the range listed before it."
    When the peer sends an ACK of the IUT's packets in which <fault>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | fault                                    |
      | least_unacked is largest_observed + 2    |
      | a NACK range has run_length 0            |
      | a NACK range includes largest_observed   |
      | a NACK range starts below least_unacked  |
      | the NACK ranges come in increasing order |
      | two NACK ranges overlap                  |

  @FRM-ACK-2 @CHN-ACK-9 @must
  Scenario: A packet named in a NACK range is treated as missing, and its data is sent again
    # FRM-ACK-2: "A receiver MUST reconstruct the lowest packet number v of each NACK range from
    # low = first_missing_low as v = b − ((b − low) mod 2^48), where b = largest_observed − 1."
    # CHN-ACK-9: the packets in a NACK range are not acknowledged, so the IUT must resend their data.
    Then the IUT resends the data of a packet the peer reports missing in every ACK, on a source stream of 60000 bytes
