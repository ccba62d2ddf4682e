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

  @TST-ECHO-5 @must @must-not
  Scenario: A reset substream stops echoing while its parent and sibling carry on, and nothing else is reset
    # TST-ECHO-5: "When the peer resets the stream or a substream, the IUT MUST stop echoing on it and MUST
    # NOT reset any other stream."
    Given the peer opens stream A to service "echo"
    And the peer opens substream B under A and sends a record of 300 random bytes on it
    And the peer opens substream C under A and sends a record of 300 random bytes on it
    And the IUT has echoed 300 bytes on B
    When the peer resets B with CANCELLED
    And the peer sends a record of 400 random bytes on A, then FIN
    And the peer sends a record of 500 random bytes on C, then FIN
    Then the IUT echoes A
    And the IUT echoes C
    And the IUT sent nothing on B after the peer's RESET
    And the IUT reset no stream

  @TST-ECHO-5 @STR-RESET-3 @must @must-not
  Scenario: A reset echo stream stops echoing while its substream carries on
    Given the peer opens stream A to service "echo"
    And the peer opens substream B under A and sends a record of 300 random bytes on it
    And the IUT has echoed 300 bytes on B
    When the peer resets A with CANCELLED
    And the peer sends a record of 800 random bytes on B, then FIN
    Then the IUT echoes B
    And the IUT sent nothing on A after the peer's RESET
    And the IUT reset no stream

  @TST-ECHO-3 @TST-ECHO-4 @must
  Scenario: An empty substream (INIT and FIN, no data) is answered with FIN and no data
    Given the peer opens stream A to service "echo"
    When the peer opens substream B under A with one frame carrying INIT and FIN and no data
    Then the IUT echoes B

  @TST-GEN-3 @must
  Scenario: The IUT serves as many concurrent echo streams as its MAX_CONCURRENT_PEER_STREAMS
    # TST-GEN-3: "An IUT MUST serve any number of concurrent test streams up to its MAX_CONCURRENT_PEER_STREAMS."
    Given the peer holds as many echo streams open as the IUT's MAX_CONCURRENT_PEER_STREAMS allows
    When the peer sends a second record on each of them, then FIN
    Then the IUT echoes every stream the peer opened

  @TST-DGE-1 @TST-DGE-2 @must @must-not
  Scenario: datagram-echo sends nothing on the stream or on the received substreams, only FINs
    # TST-DGE-2: "The IUT MUST NOT send data on the datagram-echo stream itself after the reply record, nor
    # on the substreams it received; it MUST finish its own direction of each received substream with a
    # FIN and no data, and send FIN on the stream when it has received FIN on it."
    Given the peer opens stream D to service "datagram-echo"
    And the IUT has replied on D
    When the peer sends a datagram of 700 random bytes under D
    And the peer sends a datagram of 2500 random bytes under D
    Then the IUT echoes each of those datagrams as a new datagram under D
    When the peer sends a record of 50 random bytes on D, then FIN
    Then the IUT finishes D with no data after its reply
    And the IUT finished every datagram substream it received with a FIN and no data

  @TST-SRC-1 @TST-SRC-2 @must
  Scenario: source with N = 0 sends only FIN, and no record boundary
    Given the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 0 bytes in records of 7 bytes
    Then the IUT sends exactly 0 bytes where the byte at offset i is i mod 251, then FIN at 0
    And the IUT places no record boundary after the reply record

  @TST-SRC-3 @must
  Scenario: source discards the data sent after the command record
    # TST-SRC-3: "... and MUST discard any data the opener sends after the command record."
    Given the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 3000 bytes in records of 100 bytes
    And the peer sends records of 500, 20 random bytes, then FIN
    Then the IUT sends exactly 3000 bytes where the byte at offset i is i mod 251, then FIN at 3000
    And the IUT places a record boundary after every 100 bytes and at offset 3000

  @TST-DISC-1 @TST-DISC-2 @must
  Scenario: discard keeps granting credit beyond its initial flow-control limits
    # A.2 Check: "The suite sends data of any size, including more than the IUT's initial flow-control
    # limits, and expects only acknowledgements, limit updates (MAX_DATA, MAX_STREAM_DATA) and the final FIN"
    Given the peer connects to service "discard" with protocol "sss-test/1"
    When the peer sends 3 times the IUT's initial stream credit in random bytes, as its credit allows, then FIN
    Then the IUT sends no data after the reply record, and FIN with no data
