Feature: 3 Packets: magic, demultiplexing and sizes at the receiver
  The IUT as responder receives datagrams that an established channel would accept but for one fault
  of SPEC.md section 3. Each carries a PING under a packet number the tester peer never uses again,
  so an IUT that accepted one would acknowledge it in the echo exchange that follows.

  Background:
    Given a tester peer with a channel to the IUT

  @PKT-MAGIC-2 @PKT-DEMUX-1 @must @negative
  Scenario Outline: A datagram whose first 8 bytes are not a known magic is dropped
    # PKT-MAGIC-2: "A receiver MUST drop a datagram whose first 8 bytes are not one of the four magics
    # HELLO, COOKIE, INITIATE and MESSAGE, silently, with verdict UNKNOWN_MAGIC."
    When the peer sends a PING MESSAGE of its channel with <magic> magic
    Then the channel still works: echo returns a record of 200 random bytes
    And the IUT acknowledged none of those packets

    Examples:
      | magic                            |
      | a random                         |
      | the reserved INITIATE_MESSAGE    |
      | the byte-reversed MESSAGE        |

  @PKT-MAGIC-3 @must @negative
  Scenario: Datagrams shorter than 8 bytes are dropped silently
    # PKT-MAGIC-3: "A receiver MUST drop a datagram shorter than 8 bytes, silently, with verdict
    # DATAGRAM_TOO_SHORT."
    When the peer sends one datagram of each length from 0 to 7 bytes
    Then the IUT sends no datagram in answer
    And the channel still works: echo returns a record of 200 random bytes

  @PKT-DEMUX-2 @NEG-ERR-1 @must @must-not @negative
  Scenario: A COOKIE sent to the responder is dropped silently
    # PKT-DEMUX-2: "... MUST drop a COOKIE for which no such negotiation exists with verdict UNKNOWN_CHANNEL."
    # The COOKIE is the IUT's own, reflected: a responder has no pending negotiation for it.
    When the peer sends back to the IUT the COOKIE that the IUT sent it
    Then the IUT sends no datagram in answer
    And the channel still works: echo returns a record of 200 random bytes

  @PKT-DEMUX-3 @PKT-DEMUX-4 @must @must-not @negative
  Scenario: A MESSAGE whose short-term key selects no channel is dropped, even from the channel's address
    # PKT-DEMUX-3: "... MUST drop a MESSAGE whose key selects no channel and no negotiation awaiting its
    # first MESSAGE with verdict UNKNOWN_CHANNEL."
    # PKT-DEMUX-4: "A receiver MUST NOT use the source address or port of a MESSAGE to select its channel."
    # The box is sealed with the channel's key K: selecting the channel by address would open it.
    When the peer sends a PING MESSAGE sealed with its channel's key but naming a short-term key of no channel
    Then the channel still works: echo returns a record of 200 random bytes
    And the IUT acknowledged none of those packets

  @PKT-DEMUX-4 @PKT-DEMUX-5 @must @must-not @negative
  Scenario: A MESSAGE naming one channel but sealed with another channel's key is dropped
    # PKT-DEMUX-5: "A receiver MUST open the box of a MESSAGE only with the secret key of the selected
    # channel and the peer short-term public key recorded for that channel at its creation."
    # Sent from the socket of the channel whose key sealed it: by address it would open.
    Given a second tester peer with a channel to the IUT
    When the peer sends from its own socket a PING MESSAGE naming the second peer's channel but sealed with its own channel's key
    Then the channel still works: echo returns a record of 200 random bytes
    And the second peer's channel still works too: echo returns a record of 200 random bytes
    And the IUT acknowledged none of those packets

  @PKT-SIZE-4 @PKT-SIZE-5 @PKT-SIZE-6 @must @negative
  Scenario Outline: A MESSAGE whose length breaks PKT-SIZE-4 is dropped although its box opens
    # PKT-SIZE-4: "A MESSAGE packet MUST be 64 + M bytes long, where M is a multiple of 16 with 16 ≤ M ≤ 1168."
    # PKT-SIZE-5: "A receiver MUST drop a HELLO, COOKIE, INITIATE or MESSAGE whose length violates
    # PKT-SIZE-1 to PKT-SIZE-4 with verdict BAD_PACKET_LENGTH."
    # PKT-SIZE-6: "A receiver MUST check the length of a packet before it performs any cryptographic
    # operation on it." The box is sealed correctly, so only the length check can reject it.
    When the peer sends a PING MESSAGE whose plaintext is <M> bytes long, sealed so that its box opens
    Then the channel still works: echo returns a record of 200 random bytes
    And the IUT acknowledged none of those packets

    Examples:
      | M    |
      | 8    |
      | 33   |
      | 1184 |

  @PKT-SIZE-8 @PKT-SIZE-4 @must
  Scenario: A MESSAGE of 1232 bytes is received
    # PKT-SIZE-8: "A receiver MUST be able to receive UDP payloads of 1232 bytes."
    When the peer sends an echo request and a record in one MESSAGE of exactly 1232 bytes
    Then the IUT echoes that record

  @PKT-SIZE-8 @PKT-SIZE-3 @PKT-DEMUX-1 @must
  Scenario: An INITIATE of 1232 bytes creates a channel
    # PKT-SIZE-3: "An INITIATE packet MUST be 256 + M bytes long, where M is a multiple of 16 with 16 ≤ M ≤ 976."
    Given the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE of 1232 bytes with that cookie, its message padded to 976 bytes
    Then the IUT creates the channel: its first MESSAGE begins with SETTINGS and acknowledges the INITIATE

  @PKT-SIZE-3 @PKT-SIZE-5 @PKT-SIZE-6 @NEG-ERR-1 @must @must-not @negative
  Scenario Outline: An INITIATE whose length breaks PKT-SIZE-3 is dropped although its boxes open
    # PKT-SIZE-5 for INITIATE: M must be a multiple of 16 with 16 ≤ M ≤ 976; cookie, box and vouch are genuine.
    Given the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie but a message of <M> bytes
    Then the IUT drops it: after a genuine INITIATE with the same cookie it acknowledges only the genuine one

    Examples:
      | M   |
      | 8   |
      | 40  |
      | 992 |
