Feature: 6.10 Path changes and NAT rebinding
  The tester peer moves to a new UDP port, as a NAT rebinding would, and keeps its old socket open
  so that it sees where the IUT sends (SPEC.md 6.10).

  Background:
    Given a tester peer with a channel to the IUT

  # CHN-PATH-1: "An endpoint MUST process a MESSAGE that opens regardless of its source address."
  @CHN-PATH-1 @must
  Scenario: A MESSAGE from a new port is processed
    When the peer moves to a new UDP port and sends from there a record of 300 random bytes on a new echo stream
    Then the IUT echoes the record, to whichever address

  # CHN-PATH-2: "When an endpoint accepts, from an address other than the peer's current one, the packet
  # with the highest packet number received so far, it MUST start validating that address by sending a
  # PATH_CHALLENGE frame to it."
  @CHN-PATH-2 @must
  Scenario: The IUT validates the peer's new address with a PATH_CHALLENGE
    When the peer moves to a new UDP port and sends from there a record of 300 random bytes on a new echo stream
    Then the IUT sends a PATH_CHALLENGE to the new address

  # CHN-PATH-4: "An endpoint MUST consider an address validated when it receives a PATH_RESPONSE whose
  # data equals that of a PATH_CHALLENGE it sent to that address, and MUST then send to that address."
  @CHN-PATH-4 @must
  Scenario: Once the new address is validated the IUT sends there
    When the peer moves to a new UDP port and sends from there a record of 300 random bytes on a new echo stream
    Then the IUT sends a PATH_CHALLENGE to the new address
    And once the peer has answered, the IUT sends the echo to the new address

  # CHN-PATH-3: "Until an address is validated, an endpoint MUST NOT send to it more than three times the
  # bytes it has received from it."
  @CHN-PATH-3 @must-not
  Scenario: To an unvalidated address the IUT sends at most three times what it received from there
    When the peer answers no PATH_CHALLENGE
    And the peer moves to a new UDP port and sends from there a record of 300 random bytes on a new echo stream
    Then the IUT sends to the new address no more than three times the bytes it received from there while the peer listens for silence

  # CHN-PATH-6: "An endpoint MUST abandon a validation for which no matching PATH_RESPONSE arrived within
  # `max(3 · PTO, 3 s)` and keep the previous address."
  @CHN-PATH-6 @CHN-PATH-2 @must
  Scenario: An unanswered validation is abandoned and the previous address kept
    When the peer sends one packet from a new UDP port, goes on from its original port, and answers the PATH_CHALLENGE sent to the new port only after the validation deadline
    Then the IUT challenged the new port, sent nothing there after the deadline, and kept sending to the original port
