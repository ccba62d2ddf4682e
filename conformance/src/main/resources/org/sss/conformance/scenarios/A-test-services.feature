Feature: A Test services
  The services every IUT offers the suite (SPEC.md Appendix A). Offsets are counted from the first
  byte after the request record (the peer's direction) or after the reply record (the IUT's).

  Background:
    Given a tester peer with a channel to the IUT

  @TST-ECHO-1 @TST-ECHO-2 @TST-ECHO-3 @must
  Scenario: echo returns records and FIN
    Given the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends records of 1, 1200, 3000, 17 random bytes, then FIN
    # TST-ECHO-1: "... every byte it receives ... placing each byte at the same offset at which it was received."
    Then the IUT echoes every byte at the offset at which it was received
    # TST-ECHO-2: "The IUT MUST place a record boundary at every offset at which the received data has one."
    And the IUT places a record boundary at every offset at which the sent data has one, and nowhere else
    # TST-ECHO-3: "When the IUT has received FIN ... it MUST send FIN, at the received final size."
    And the IUT sends FIN at the received final size

  @TST-ECHO-1 @TST-ECHO-2 @TST-ECHO-3 @must
  Scenario: echo returns bytes spanning many packets without inventing boundaries
    Given the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends 25000 random bytes without a record boundary, then FIN
    Then the IUT echoes every byte at the offset at which it was received
    And the IUT places a record boundary at every offset at which the sent data has one, and nowhere else
    And the IUT sends FIN at the received final size

  @TST-ECHO-4 @must
  Scenario: echo echoes a substream on the substream itself
    Given the peer connects to service "echo" with protocol "sss-test/1"
    # TST-ECHO-4: "... echoing on the substream itself; substreams carry no service request, so their
    # offsets count from 0."
    When the peer opens a substream under the stream and sends a record of 900 random bytes on it, then FIN
    Then the IUT echoes the record on the substream itself, from offset 0, with its boundary and FIN

  @TST-SRC-1 @TST-SRC-2 @must
  Scenario Outline: source sends N patterned bytes with a boundary every S bytes
    Given the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for <N> bytes in records of <S> bytes
    # TST-SRC-1: "... exactly N bytes ..., where the byte at offset i has the value i mod 251, followed by FIN"
    Then the IUT sends exactly <N> bytes where the byte at offset i is i mod 251, then FIN at <N>
    # TST-SRC-2: "When S is not 0, the IUT MUST place a record boundary after every S bytes and at offset N"
    And the IUT places a record boundary after every <S> bytes and at offset <N>

    Examples:
      | N     | S    |
      | 5     | 2    |
      | 3000  | 1000 |
      | 10007 | 333  |

  @TST-SRC-1 @TST-SRC-2 @must
  Scenario: source with S = 0 places no record boundary
    Given the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 2500 bytes in records of 0 bytes
    Then the IUT sends exactly 2500 bytes where the byte at offset i is i mod 251, then FIN at 2500
    # TST-SRC-2: "when S is 0, it MUST place none."
    And the IUT places no record boundary after the reply record

  @TST-SRC-3 @must
  Scenario: source resets the stream when the command record is not 12 bytes
    Given the peer connects to service "source" with protocol "sss-test/1"
    # TST-SRC-3: "The IUT MUST reset the stream with PROTOCOL_VIOLATION when the first record after the
    # request is not exactly 12 bytes long"
    When the peer sends a command record of 11 bytes
    Then the IUT resets the stream with PROTOCOL_VIOLATION

  @TST-DISC-1 @TST-DISC-2 @must
  Scenario: discard reads everything and answers FIN with FIN
    Given the peer connects to service "discard" with protocol "sss-test/1"
    When the peer sends records of 700, 5000, 12000 random bytes, then FIN
    # TST-DISC-1: "... MUST NOT send any data after the reply record."
    # TST-DISC-2: "When the IUT has received FIN on the stream ..., it MUST send FIN on it with no data."
    Then the IUT sends no data after the reply record, and FIN with no data
