Feature: 6 Sender integrity
  What every packet the IUT sends on a channel must be: a fresh nonce counter value, a truthful ACK,
  the version field until acknowledged, a size within the peer's limits (SPEC.md sections 3.3, 4.4,
  5.7, 6.4 and 6.5). The IUT is made to send a number of packets and each one is checked.

  @CRY-CTR-3 @CHN-PN-2 @must @must-not
  Scenario: No two MESSAGEs of the IUT share a nonce counter value
    # CRY-CTR-3: "A sender MUST use a new counter value for every packet it sends, retransmissions of
    # HELLO and INITIATE included."
    # CHN-PN-2: "A sender MUST NOT reuse a packet number in a direction of a channel, ..."
    Given a tester peer with a channel to the IUT
    And the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 20000 bytes in records of 1000 bytes
    Then the IUT sends exactly 20000 bytes where the byte at offset i is i mod 251, then FIN at 20000
    And no two different MESSAGEs from the IUT carry the same nonce counter value

  @CHN-ACK-5 @must
  Scenario: The IUT's ACKs never acknowledge a packet number the peer skipped
    # CHN-ACK-5: "An ACK frame MUST describe the receive state truthfully: every packet number from
    # least_unacked to largest_observed that is not inside a NACK range MUST have been received."
    # The peer skips packet numbers on purpose, as CHN-ACK-12 lets a sender do.
    Given a tester peer with a channel to the IUT
    When the peer sends 4 PINGs, skipping 1 to 3 packet numbers before each
    Then the IUT acknowledges the last PING
    And no ACK from the IUT acknowledges a packet number the peer skipped

  @NEG-VER-1 @NEG-VER-2 @must
  Scenario: The IUT sends the version field until a packet carrying it is acknowledged
    # NEG-VER-1: "A sender MUST include the version field in every packet it sends on a channel until it
    # has received an acknowledgement of a packet that carried it."
    # NEG-VER-2: "A sender implementing this specification MUST set the version field to 1."
    Given a tester peer with a channel to the IUT that acknowledges nothing
    When the peer sends 3 PINGs, each once the IUT acknowledged the one before
    Then every MESSAGE the IUT sent carries the version field with the value 1

  @PKT-SIZE-9 @PKT-SIZE-4 @PKT-SIZE-7 @must @must-not
  Scenario: The IUT keeps its MESSAGEs within the peer's MAX_PLAINTEXT
    # PKT-SIZE-9: "A sender MUST NOT send a MESSAGE whose M exceeds the peer's MAX_PLAINTEXT setting
    # (section 7.9), rounded down to a multiple of 16."
    Given a tester peer with a channel to the IUT, declaring MAX_PLAINTEXT 500
    And the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 6000 bytes in records of 0 bytes
    Then the IUT sends exactly 6000 bytes where the byte at offset i is i mod 251, then FIN at 6000
    # PKT-SIZE-4: "A MESSAGE packet MUST be 64 + M bytes long, where M is a multiple of 16 ..."
    # PKT-SIZE-7: "A sender MUST NOT send a UDP payload longer than 1232 bytes."
    And every MESSAGE the IUT sent has a plaintext of at most 496 bytes

  @FRM-STREAM-2 @FRM-CLOSE-1 @CHN-CLOSE-1 @must
  Scenario: The IUT's CLOSE carries the error its verdict names, and only zero bytes follow it
    # FRM-STREAM-2: "A receiver MUST treat a STREAM frame whose LSID is 0 as verdict STREAM_LSID_ZERO and
    # close the channel with FRAME_ENCODING_ERROR."
    # FRM-CLOSE-1: "A sender MUST make CLOSE the last frame of its packet, apart from trailing zero bytes."
    Given a tester peer with a channel to the IUT
    When the peer sends a STREAM frame with LSID 0 carrying a record of 40 bytes
    Then the IUT's CLOSE carries error code FRAME_ENCODING_ERROR, as FRM-STREAM-2 requires
    And nothing but zero bytes follows the CLOSE in the IUT's packet
