Feature: 5 Cookies: address binding, integrity, lifetime and the replay cache
  The IUT as responder keeps no state between HELLO and INITIATE: everything travels in a cookie
  sealed under an address-bound minute key (SPEC.md sections 4.6 and 5.5). A faulty INITIATE is
  judged with a control: a genuine INITIATE with the same cookie follows it and must be the only one
  the IUT acknowledges.

  Background:
    Given a tester peer with a channel to the IUT
    And the peer has obtained a cookie by a hand-made HELLO

  @CRY-COOKIE-4 @CRY-COOKIE-5 @CRY-COOKIE-6 @NEG-ERR-1 @must @must-not @negative
  Scenario: A cookie is refused from another UDP port
    # CRY-COOKIE-6: "A responder MUST open the cookie of an INITIATE under t_addr derived from the
    # INITIATE's source address and port ... and MUST drop the INITIATE with verdict COOKIE_INVALID
    # when neither opens it." CRY-COOKIE-4: t_addr covers the UDP source port.
    When the peer sends a genuine INITIATE with that cookie from another UDP port of its address
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

  @CRY-COOKIE-4 @CRY-COOKIE-5 @CRY-COOKIE-6 @NEG-ERR-1 @must @must-not @negative
  Scenario: A cookie is refused from another IP address with the same port
    # CRY-COOKIE-4: "A responder MUST derive t_addr with addr being the 4 address bytes for an IPv4
    # source ..." CRY-COOKIE-5: the address is the source address and port of the HELLO being answered.
    When the peer sends a genuine INITIATE with that cookie from another IPv4 loopback address with the same port
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

  @CRY-COOKIE-6 @NEG-RPROC-3 @NEG-ERR-1 @must @must-not @negative
  Scenario: A cookie with one bit flipped is refused
    # NEG-RPROC-3 step 3: open the cookie (CRY-COOKIE-6, verdict COOKIE_INVALID).
    When the peer sends an INITIATE with that cookie but a cookie with one bit flipped
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

  @NEG-RPROC-3 @NEG-ERR-1 @must @must-not @negative
  Scenario: A cookie made for another short-term key is refused
    # NEG-RPROC-3 step 4: "Compare the cookie's I' with the packet's I' (verdict COOKIE_MISMATCH when they
    # differ)." The INITIATE's box is genuine for its own I' and the cookie's r'.
    When the peer sends an INITIATE with that cookie but the short-term key of another negotiation
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

  @CRY-COOKIE-8 @NEG-RPROC-3 @NEG-ERR-1 @must @must-not @negative
  Scenario Outline: An INITIATE that fails after its cookie opened does not spend the cookie
    # CRY-COOKIE-8: "A responder MUST add a cookie to the replay cache only after the INITIATE that carries
    # it has been fully accepted (section 5.5, step 8), never merely because the cookie opened."
    # NEG-RPROC-3: steps 6 (box), 7 (vouch) and 9 (packet number) each drop the INITIATE.
    When the peer sends an INITIATE with that cookie but <fault>
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

    Examples:
      | fault                                                    |
      | a box with one bit flipped                               |
      | a vouch with one bit flipped                             |
      | a vouch made with another long-term key                  |
      | a vouch for another short-term key                       |
      | a message whose header packet number differs from its counter |

  @CRY-COOKIE-2 @CRY-COOKIE-3 @CRY-COOKIE-6 @NEG-ERR-1 @must @must-not
  Scenario: A cookie is accepted across a minute-key rotation and refused after two rotation periods
    # CRY-COOKIE-2: "A responder MUST replace its current minute key with a new one every 60 s, keeping the
    # replaced key as the previous minute key." CRY-COOKIE-3: "A responder MUST erase a minute key 120 s
    # after it became current, and MUST NOT open any cookie with it afterwards." Run on the IUT's
    # minute-key-rotation timer hook P: a cookie is accepted for at least P and at most 2P.
    # The Background's cookie is not used.
    When the peer obtains cookies "A" and "C" by hand-made HELLOs
    And half a rotation period later the peer obtains cookie "B"
    Then an INITIATE with cookie "A", sent 0.9 rotation periods after the cookie arrived, creates the channel
    And an INITIATE with cookie "B", sent 0.9 rotation periods after the cookie arrived, creates the channel
    And an INITIATE with cookie "C", sent two rotation periods after its HELLO, is dropped
    And a fresh cookie for the short-term key of cookie "C", from the same socket, still creates the channel
