Feature: 5 Version negotiation
  The IUT as responder speaks version 1: it repeats the version field until a packet carrying it is
  acknowledged, and closes a channel whose peer speaks another version, or none in its first packet
  (SPEC.md section 5.7).

  @NEG-VER-1 @NEG-VER-2 @must
  Scenario: The IUT repeats version 1 in every packet while none is acknowledged
    # NEG-VER-1: "A sender MUST include the version field in every packet it sends on a channel until it
    # has received an acknowledgement of a packet that carried it." NEG-VER-2: "... MUST set the
    # version field to 1."
    Given a tester peer with a channel to the IUT that acknowledges nothing
    When the peer sends an echo request with a record of 100 random bytes and receives for a while
    Then every MESSAGE the IUT sent, none of them acknowledged, carries version 1

  @NEG-VER-3 @must @negative
  Scenario Outline: An INITIATE whose message carries another version creates a channel closed with VERSION_MISMATCH
    # NEG-VER-3: "A receiver MUST treat a version field other than 1 as verdict UNSUPPORTED_VERSION and
    # close the channel with VERSION_MISMATCH." Section 5.9: an error in the message of an INITIATE is a
    # channel error; the channel is created and closed at once.
    Given a tester peer with a channel to the IUT
    And the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie whose message header carries version <version>
    Then the IUT creates the channel and closes it at once with VERSION_MISMATCH

    Examples:
      | version |
      | 0       |
      | 2       |
      | 65535   |

  @NEG-VER-3 @must @negative
  Scenario: A MESSAGE carrying version 2 on an established channel closes it with VERSION_MISMATCH
    # NEG-VER-3, on a packet of an established channel.
    Given a tester peer with a channel to the IUT
    When the peer sends a MESSAGE with a PING whose header carries version 2
    Then the IUT closes the channel with VERSION_MISMATCH

  @NEG-VER-4 @must @negative
  Scenario: An INITIATE whose message has no version field creates a channel closed with PROTOCOL_VIOLATION
    # NEG-VER-4: "A receiver MUST close the channel with PROTOCOL_VIOLATION when the first packet it
    # accepts on the channel (the message inside INITIATE for the responder ...) has no version field."
    Given a tester peer with a channel to the IUT
    And the peer has obtained a cookie by a hand-made HELLO
    When the peer sends an INITIATE with that cookie whose message header has no version field
    Then the IUT creates the channel and closes it at once with PROTOCOL_VIOLATION
