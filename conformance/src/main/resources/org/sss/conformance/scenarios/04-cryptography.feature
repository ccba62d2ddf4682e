Feature: 4 Cryptography at the receiver: authentication, nonce prefixes, small-order keys
  The IUT as responder opens every box with the key and the nonce prefix that SPEC.md section 4 fixes
  for its kind and direction, and acts on nothing whose tag did not verify.

  @CRY-PRIM-3 @CHN-RECV-2 @must @must-not @negative
  Scenario Outline: A forged MESSAGE carrying a CLOSE is not acted on
    # CRY-PRIM-3: "A receiver ... MUST NOT use, parse or act on any byte of a plaintext whose tag did
    # not verify." Were the CLOSE acted on, the channel would stop serving.
    Given a tester peer with a channel to the IUT
    When the peer sends a MESSAGE carrying a CLOSE and a PING whose <part> has one bit flipped
    Then the channel still works: echo returns a record of 300 random bytes
    And the IUT acknowledged none of those packets

    Examples:
      | part               |
      | authentication tag |
      | ciphertext         |

  @CRY-NONCE-2 @must @negative
  Scenario Outline: A MESSAGE sealed under another box kind's nonce prefix is dropped
    # CRY-NONCE-2: "A receiver MUST open each box with the prefix of the row for the box's kind and for
    # the direction in which the box travels, never with a prefix chosen by the packet."
    # cUVVYcp-SERVER-m is the responder's own direction: accepting it would accept reflected packets.
    Given a tester peer with a channel to the IUT
    When the peer sends a PING MESSAGE of its channel sealed under the nonce prefix "<prefix>"
    Then the channel still works: echo returns a record of 200 random bytes
    And the IUT acknowledged none of those packets

    Examples:
      | prefix           |
      | cUVVYcp-SERVER-m |
      | cUVVYcp-CLIENT-i |
      | cUVVYcp-CLIENT-h |

  @CRY-NONCE-2 @NEG-RPROC-1 @NEG-ERR-1 @must @must-not @negative
  Scenario: A HELLO sealed under the INITIATE nonce prefix is dropped
    # CRY-NONCE-2, and NEG-RPROC-1 step 3: box_open(…, "cUVVYcp-CLIENT-h" ‖ counter, I', r)
    Given a tester peer with a channel to the IUT
    When the peer sends a HELLO sealed under the INITIATE nonce prefix instead of the HELLO prefix
    Then the IUT drops that HELLO: it answers only a genuine HELLO sent after it

  @CRY-NONCE-2 @NEG-RPROC-3 @NEG-ERR-1 @must @must-not @negative
  Scenario: An INITIATE whose box is sealed under the MESSAGE nonce prefix is dropped
    # NEG-RPROC-3 step 6: box_open(…, "cUVVYcp-CLIENT-i" ‖ counter, I', r') (verdict BOX_OPEN_FAILED)
    Given a tester peer with a channel to the IUT
    And the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie but its box sealed under the MESSAGE nonce prefix
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

  @CRY-PRIM-4 @NEG-ERR-1 @must @must-not @negative
  Scenario: A HELLO from a small-order short-term key is dropped
    # CRY-PRIM-4: "An implementation MUST treat an X25519 result of 32 zero bytes (a peer key of small
    # order) as a failure of the box operation that needed it, with the verdict that a failed opening
    # of that box has." The box is sealed under HSalsa20(0^32, 0^16): it opens unless the IUT checks.
    Given a tester peer with a channel to the IUT
    When the peer sends a HELLO from a small-order short-term key, sealed under the all-zero shared secret
    Then the IUT drops that HELLO: it answers only a genuine HELLO sent after it

  @CRY-PRIM-4 @NEG-RPROC-3 @NEG-ERR-1 @must @must-not @negative
  Scenario: An INITIATE whose initiator identity has small order is dropped
    # CRY-PRIM-4 for the vouch: box_open(vouch, "cUVVYcpv" ‖ v, I, r) with I of small order fails
    # (NEG-RPROC-3 step 7, verdict VOUCH_INVALID), though the vouch is sealed under the all-zero secret.
    Given a tester peer with a channel to the IUT
    And the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie but a small-order identity whose vouch is sealed under the all-zero shared secret
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

  @CRY-PRIM-1 @CRY-PRIM-2 @CRY-KEY-2 @CRY-NONCE-4 @NEG-RPROC-2 @NEG-COOKIE-2 @must @must-not
  Scenario: The same HELLO twice draws two fresh COOKIEs, and the earlier cookie still creates the channel
    # CRY-KEY-2: "A responder MUST generate a fresh short-term key pair (r', R') for every COOKIE it sends."
    # CRY-NONCE-4: "A sender MUST draw a fresh 16-byte random compressed nonce for every box that uses one."
    # NEG-RPROC-2: "A responder MUST NOT keep any state about a HELLO after it has sent the COOKIE."
    # A responder that remembered the HELLO would repeat or refuse the second answer, or honour only
    # the latest r'; the cookie of the first COOKIE must work although a second was sent since.
    # CRY-PRIM-1, CRY-PRIM-2: the tester's own NaCl opens the COOKIE boxes and the channel's MESSAGEs.
    Given a tester peer with a channel to the IUT
    When the peer sends the same well-formed HELLO twice
    Then the IUT answers each copy with its own COOKIE: different R', box nonces and cookie nonces
    When the peer sends a well-formed INITIATE with the first cookie
    Then the IUT creates the channel: its first MESSAGE begins with SETTINGS and acknowledges the INITIATE
