Feature: 8.4 and 8.5 Data, FIN and half-close, final size, RESET
  Ordered delivery of reordered and repeated data, the final size rules and what a RESET stops
  (SPEC.md 8.4, 8.5).

  Background:
    Given a tester peer with a channel to the IUT

  @STR-DATA-1 @STR-DATA-2 @TST-ECHO-1 @must
  Scenario: Reordered, duplicated and overlapping data is delivered in order, every byte exactly once
    # STR-DATA-1: "A receiver MUST deliver the data of a reliable stream to the application in offset order,
    # every byte exactly once, with no gap."
    # STR-DATA-2: "A receiver MUST keep data that arrives out of order ... until the gap before it is filled."
    Given the peer opens stream A to service "echo"
    When the peer sends 12000 random bytes on A as frames of random sizes in random order, some repeated and some overlapping, then FIN
    Then the IUT echoes A

  @STR-FIN-2 @must @negative
  Scenario Outline: A final size violation closes the channel with FINAL_SIZE_ERROR: <case>
    # STR-FIN-2: "A receiver MUST close the channel with FINAL_SIZE_ERROR when it receives data beyond a
    # known final size, a FIN with a final size that differs from an earlier one, or a FIN whose final
    # size is below data already received."
    Given the peer opens stream A to service "discard"
    And the IUT has replied on A
    When the peer sends on A, in one packet, <case>
    Then the IUT closes the channel with FINAL_SIZE_ERROR

    Examples:
      | case                                                    |
      | 100 bytes with FIN, then 10 bytes beyond the final size |
      | 100 bytes with FIN, then a FIN at 120                   |
      | 100 bytes with FIN, then a FIN at 60                    |
      | 100 bytes without FIN, then a FIN at 60                 |

  @STR-FIN-2 @must
  Scenario: A repeated FIN with the same final size is not an error
    Given the peer opens stream A to service "echo"
    When the peer sends a record of 300 random bytes on A, then FIN
    And the peer repeats the FIN of A at the same final size
    Then the IUT echoes A
    And the channel still works: echo returns a record of 64 random bytes

  @TST-SRC-1 @must
  Scenario: Half-close: the IUT keeps sending after the peer finished its direction
    # 8.4: "FIN ends one direction of a stream (half-close); the other direction continues independently."
    Given the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 40000 bytes in records of 0 bytes, then FIN at once
    Then the IUT sends exactly 40000 bytes where the byte at offset i is i mod 251, then FIN at 40000

  @STR-RESET-2 @FRM-RESET-1 @must
  Scenario: After the peer's RESET the IUT discards the stream's unacknowledged data and never resends it
    # STR-RESET-2: "An endpoint that sends or receives a RESET MUST discard the stream's unsent and
    # unacknowledged data and MUST NOT retransmit it."
    Given the peer connects to service "source" with protocol "sss-test/1"
    And the peer sends the source command for 2000000 bytes in records of 0 bytes
    And the IUT has sent at least 20000 bytes on the stream
    When the peer stops acknowledging, resets the stream with CANCELLED and listens while the IUT's loss recovery runs
    Then no STREAM frame for the stream follows the IUT's acknowledgement of the RESET
