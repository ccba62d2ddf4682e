Feature: 8.7 Best-effort datagrams of any size
  Datagrams are ephemeral substreams; the datagram-echo service (A.4) sends each one back as a new
  datagram, so the suite sees how the IUT reassembles, discards and sends them (SPEC.md 8.7).

  Background:
    Given a tester peer with a channel to the IUT
    And the peer opens stream D to service "datagram-echo"
    And the IUT has replied on D

  @STR-DGRAM-4 @TST-DGE-1 @STR-DGRAM-1 @STR-DGRAM-2 @STR-DGRAM-3 @must
  Scenario Outline: A best-effort datagram of <size> bytes is echoed whole, with its size
    # STR-DGRAM-4: "A receiver MUST deliver a best-effort datagram only when all of its bytes, from offset 0
    # to the final size, have arrived."
    # TST-DGE-1: "... the IUT MUST send back the same bytes, with the same record boundaries, as a new
    # datagram: a new child of the stream, opened by the IUT, sent as section 8.7 prescribes"
    When the peer sends a datagram of <size> random bytes under D
    Then the IUT echoes that datagram as a new datagram under D

    Examples:
      | size  |
      | 0     |
      | 1     |
      | 1000  |
      | 5000  |
      | 16000 |

  @STR-DGRAM-4 @TST-DGE-1 @must
  Scenario: The fragments of a datagram may arrive in any order
    When the peer sends a datagram of 9000 random bytes under D, its fragments in random order
    Then the IUT echoes that datagram as a new datagram under D

  @STR-DGRAM-8 @STR-DGRAM-6 @TST-DGE-1 @must
  Scenario: A datagram sent in reliable mode is delivered like a best-effort one
    # STR-DGRAM-8: "A receiver MUST deliver a datagram received in reliable mode to the application in the
    # same way as a best-effort one."
    # STR-DGRAM-6: more than 16 fragments go in reliable mode (the tester obeys it; so must the echo)
    When the peer sends a datagram of 30000 random bytes under D
    Then the IUT echoes that datagram as a new datagram under D

  @TST-DGE-1 @must
  Scenario: Several datagrams in one packet are each echoed as a datagram of their own
    When the peer sends 5 datagrams of 1 to 150 random bytes under D, all in one packet
    Then the IUT echoes each of those datagrams as a new datagram under D

  @STR-DGRAM-4 @STR-DGRAM-5 @must
  Scenario: A datagram with a missing fragment is never delivered, and its late fragment is ignored
    # STR-DGRAM-5: "A receiver MUST discard an incomplete best-effort datagram when 2 · smoothed_rtt ... has
    # passed since its last fragment arrived, and MUST then retire its LSID."
    When the peer sends a datagram of 4000 random bytes under D without its second fragment
    And the peer sends a datagram of 300 random bytes under D
    Then the IUT echoes that datagram as a new datagram under D
    When the peer waits until the incomplete datagram must have been discarded and sends its missing fragment
    And the peer sends a datagram of 200 random bytes under D
    Then the IUT echoes that datagram as a new datagram under D
    And the IUT never echoes the incomplete datagram

  @TST-ECHO-4 @STR-DGRAM-4 @must
  Scenario: A best-effort datagram under an echo stream is echoed on itself
    # A.1 Check: "A best-effort datagram opened under an echo stream is a substream like any other, so it
    # is echoed on itself."
    Given the peer opens stream A to service "echo"
    And the IUT has replied on A
    When the peer sends a datagram of 3000 random bytes under A
    Then the IUT echoes the datagram on its own substream
