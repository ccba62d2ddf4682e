Feature: 5.8 Amplification
  A responder's answer to an unauthenticated HELLO is one COOKIE, smaller than the HELLO, so that a
  HELLO with a spoofed source address never makes the responder send more bytes than it received
  (SPEC.md section 5.8). The HELLOs come from a fresh UDP socket that never negotiated a channel, and
  everything that arrives there is examined.

  @PKT-SIZE-2 @NEG-COOKIE-2 @NEG-DOS-3 @must @must-not
  Scenario: HELLOs from a fresh address draw at most one COOKIE each, smaller than the HELLO
    # Section 5.8: "HELLO (192 bytes) is larger than COOKIE (168 bytes) and draws at most one COOKIE
    # (NEG-COOKIE-2), so a spoofed HELLO never makes the responder send more bytes than it received."
    When a fresh address sends 4 well-formed HELLOs, each under its own short-term key
    # NEG-DOS-3: "A responder MUST NOT send anything but COOKIE to an address before it has accepted an
    # INITIATE from that address."
    Then the IUT sends that address nothing but COOKIEs
    # PKT-SIZE-2: "A COOKIE packet MUST be exactly 168 bytes long."
    And every COOKIE is 168 bytes long, less than the 192 bytes of a HELLO
    # NEG-COOKIE-2: "A responder MUST NOT send more than one COOKIE in answer to one HELLO, and MUST NOT
    # retransmit a COOKIE."
    And no HELLO draws more than one COOKIE, and at least one HELLO draws one
