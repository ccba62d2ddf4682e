Feature: 5 Negotiation
  The IUT as responder: HELLO, COOKIE, INITIATE and its first MESSAGE (SPEC.md section 5).
  The tester peer is the initiator; HELLOs it sends by hand come from its own socket, and the
  COOKIEs they draw are looked for there.

  Background:
    Given a tester peer with a channel to the IUT

  @NEG-RPROC-5 @NEG-VER-4 @FRM-SET-1 @must
  Scenario: The first MESSAGE carries SETTINGS first and acknowledges the INITIATE
    # NEG-VER-4: the first packet accepted on the channel must have a version field
    Then the IUT's first MESSAGE carries the version field
    # NEG-RPROC-5: "... send its first MESSAGE on it without waiting for application data, with its
    # SETTINGS frame first and an ACK frame acknowledging the INITIATE."
    And the first frame of the IUT's first MESSAGE is its SETTINGS frame
    And the IUT's first MESSAGE acknowledges the INITIATE
    And the tester peer rejected no datagram from the IUT

  @NEG-COOKIE-1 @NEG-COOKIE-2 @PKT-SIZE-2 @PKT-DEMUX-1 @CRY-PRIM-1 @CRY-PRIM-2 @must @must-not
  Scenario: A well-formed HELLO draws exactly one COOKIE of 168 bytes
    When the peer sends a well-formed HELLO under a fresh short-term key
    # PKT-SIZE-2: "A COOKIE packet MUST be exactly 168 bytes long."
    # NEG-COOKIE-2: "A responder MUST NOT send more than one COOKIE in answer to one HELLO"
    Then the IUT answers with exactly one COOKIE packet of 168 bytes
    # NEG-COOKIE-1: box(R' ‖ cookie, "cUVVYcpk" ‖ n, I', r)
    And the COOKIE's box opens with the HELLO's short-term key

  @NEG-HELLO-2 @must-not
  Scenario: A HELLO with non-zero padding is still answered
    # NEG-HELLO-2: "A responder MUST NOT reject a HELLO because its 64-byte padding ... contains non-zero bytes."
    When the peer sends a HELLO whose 64 padding bytes are not zero
    Then the IUT answers with exactly one COOKIE packet of 168 bytes
    And the COOKIE's box opens with the HELLO's short-term key

  @PKT-SIZE-1 @PKT-SIZE-5 @PKT-SIZE-6 @NEG-RPROC-1 @NEG-ERR-1 @must @must-not
  Scenario Outline: A HELLO that is not 192 bytes long is dropped
    # PKT-SIZE-1: "A HELLO packet MUST be exactly 192 bytes long." (step 1, verdict BAD_PACKET_LENGTH)
    When the peer sends that HELLO cut or padded to <size> bytes
    Then the IUT sends no COOKIE
    And a fresh tester peer can still negotiate a channel with the IUT

    Examples:
      | size |
      | 191  |
      | 193  |
      | 208  |

  @NEG-RPROC-1 @NEG-ERR-1 @must @must-not
  Scenario: A HELLO whose box does not open is dropped
    # NEG-RPROC-1, step 3: open the box ... (verdict BOX_OPEN_FAILED)
    When the peer sends a HELLO whose box has one bit flipped
    Then the IUT sends no COOKIE
    And a fresh tester peer can still negotiate a channel with the IUT

  @NEG-RPROC-4 @CHN-REPLAY-2 @must @must-not
  Scenario: A replayed INITIATE does not create a second channel
    # NEG-RPROC-4: "A responder MUST NOT create a second channel for an I' that already has a live channel."
    # The replay takes the retransmission path and is dropped at R1 (PACKET_REPLAYED).
    When the peer replays the INITIATE that created its channel
    Then the IUT sends nothing under another short-term key
    And the channel still works: echo returns a record of 300 random bytes

  @NEG-HELLO-2 @must-not
  Scenario: A HELLO whose box plaintext is not zero is still answered
    # NEG-HELLO-2: "A responder MUST NOT reject a HELLO because ... the plaintext of its box contains
    # non-zero bytes."
    When the peer sends a HELLO whose box plaintext is 64 random bytes instead of zeros
    Then the IUT answers that HELLO with a COOKIE whose box opens under the HELLO's key

  @NEG-INITIATE-6 @must @negative
  Scenario Outline: An INITIATE whose message does not begin with SETTINGS creates a channel closed with PROTOCOL_VIOLATION
    # NEG-INITIATE-6: "A responder MUST close the channel with PROTOCOL_VIOLATION when the message of the
    # INITIATE that created it does not begin with a SETTINGS frame or contains a frame type that
    # section 7.0 does not allow in INITIATE."
    Given the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie whose message <fault>
    Then the IUT creates the channel and closes it at once with PROTOCOL_VIOLATION

    Examples:
      | fault                         |
      | has a PING and no SETTINGS    |
      | has its SETTINGS after a PING |

  @NEG-INITIATE-6 @must @negative
  Scenario Outline: An INITIATE whose message holds a frame type INITIATE does not allow creates a channel closed with PROTOCOL_VIOLATION
    # NEG-INITIATE-6; section 7.0's registry: ACK, GOAWAY and PATH_CHALLENGE are not allowed in INITIATE.
    Given the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie whose message <fault>
    Then the IUT creates the channel and closes it at once with PROTOCOL_VIOLATION

    Examples:
      | fault                                                  |
      | has an ACK frame, which INITIATE does not allow        |
      | has a GOAWAY frame, which INITIATE does not allow      |
      | has a PATH_CHALLENGE frame, which INITIATE does not allow |
