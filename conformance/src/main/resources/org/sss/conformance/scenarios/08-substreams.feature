Feature: 8.3 Substreams
  Trees of substreams under an echo stream, children whose INIT overtakes their parent's, children of
  closed parents, and the independence of a child from its parent's end (SPEC.md 8.3, 8.5, A.1).

  Background:
    Given a tester peer with a channel to the IUT

  @STR-OPEN-4 @TST-ECHO-4 @must
  Scenario: A tree of substreams five levels deep, with siblings, is echoed on every substream
    # TST-ECHO-4: "For every substream that the peer opens under the stream, at any depth, the IUT MUST
    # behave as A.1 describes on that substream, echoing on the substream itself"
    Given the peer opens stream A to service "echo"
    When the peer builds a tree of substreams under A, 5 levels deep with 2 children per level, sending random records on each and FIN
    Then the IUT echoes every stream the peer opened

  @STR-OPEN-8 @STR-PRIO-6 @TST-ECHO-4 @must
  Scenario Outline: A substream whose INIT arrives before its parent's is served once the parent opens
    # STR-OPEN-8: "A receiver that gets an INIT whose parent is an unseen peer LSID MUST either keep the
    # frame until the parent opens ... or, deciding before it acts on any frame of the packet, drop the
    # whole packet without acknowledging it."
    # STR-PRIO-6: "A receiver MUST NOT deliver a child's data to the application before the child's parent
    # is open at the receiver."
    When the peer sends a chain of <depth> nested substreams under a new echo stream, deepest first, each with a record and FIN in a packet of its own
    Then every packet of a waiting child was either kept or dropped whole without an acknowledgement
    And after the peer repeats the dropped packets, the IUT echoes every stream the peer opened

    Examples:
      | depth |
      | 1     |
      | 3     |

  @STR-OPEN-9 @must
  Scenario: An INIT whose parent was reset is refused with RESET(UNKNOWN_STREAM) and its LSID retired
    # STR-OPEN-9: "A receiver MUST answer an INIT whose parent is a retired LSID ... with
    # RESET(UNKNOWN_STREAM) for the new LSID, and MUST retire that LSID."
    Given the peer opens stream A to service "echo"
    And the IUT has replied on A
    And the peer resets A with CANCELLED
    When the peer opens substream B under A and sends a record of 40 random bytes on it
    Then the IUT resets B with UNKNOWN_STREAM
    When the peer sends, in a packet of its own, a record of 30 random bytes with INIT on B
    Then the IUT acknowledges that packet but sends nothing more on B
    And the channel still works: echo returns a record of 64 random bytes

  @STR-OPEN-9 @STR-DGRAM-9 @must
  Scenario: An INIT whose parent is a closed stream of the IUT's own parity is refused with RESET(UNKNOWN_STREAM)
    # STR-OPEN-9: "... or an LSID of its own parity that is not live, with RESET(UNKNOWN_STREAM) for the
    # new LSID"
    # STR-DGRAM-9: "An endpoint that forgets the stream of a datagram it sent MUST treat its LSID as retired"
    Given the peer opens stream D to service "datagram-echo"
    And the peer sends a datagram of 30000 random bytes under D
    And the IUT echoes that datagram as a new datagram under D
    And the peer finishes its direction of the IUT's datagram stream
    When the peer opens a stream under the IUT's closed datagram stream and sends a record of 20 random bytes on it
    Then the IUT resets that stream with UNKNOWN_STREAM
    And the channel still works: echo returns a record of 64 random bytes

  @STR-RESET-3 @TST-ECHO-5 @must-not
  Scenario: A RESET of a stream does not affect its substreams
    # STR-RESET-3: "A RESET of a stream MUST NOT affect its substreams."
    # 8.3: "A child outlives its parent: once opened, it is unaffected by the parent's FIN or RESET."
    Given the peer opens stream A to service "echo"
    And the peer opens substream B under A and sends a record of 500 random bytes on it
    And the peer opens substream C under B and sends a record of 400 random bytes on it
    And the IUT has echoed 400 bytes on C
    When the peer resets A with CANCELLED
    And the peer sends a record of 700 random bytes on B, then FIN
    And the peer sends a record of 600 random bytes on C, then FIN
    Then the IUT echoes B
    And the IUT echoes C
    # TST-ECHO-5: "... MUST stop echoing on it and MUST NOT reset any other stream."
    And the IUT reset no stream

  @TST-ECHO-4 @STR-OPEN-4 @must
  Scenario: A substream keeps echoing after its parent closed with FIN in both directions
    Given the peer opens stream A to service "echo"
    And the peer opens substream B under A and sends a record of 300 random bytes on it
    And the IUT has echoed 300 bytes on B
    When the peer sends a record of 10 random bytes on A, then FIN
    And the IUT echoes A
    And the peer sends a record of 900 random bytes on B, then FIN
    Then the IUT echoes B

  @TST-ECHO-4 @must
  Scenario: A substream's first record is application data, even when it looks like a connect request
    # 9.1: "Substreams (children of other streams) carry no service messages"
    Given the peer opens stream A to service "echo"
    When the peer opens substream B under A and sends a connect request for "discard" "sss-test/1" as its first record, then FIN
    Then the IUT echoes B
