Feature: 8.2 Stream identifiers
  LSID parity, the LSIDs the receiver has chosen, and the window of peer LSIDs seen (SPEC.md 8.2, 8.3,
  8.5). The tester peer is the channel's initiator: its LSIDs are odd, the IUT's even (STR-ID-1).

  Background:
    Given a tester peer with a channel to the IUT

  @STR-ID-5 @must @negative
  Scenario Outline: A <frame> frame naming an even LSID that the IUT has not chosen closes the channel
    # STR-ID-5: "A receiver MUST close the channel with STREAM_STATE_ERROR when a STREAM, RESET or
    # MAX_STREAM_DATA frame names an LSID of the receiver's own parity that the receiver has not chosen yet."
    Given the peer opens stream A to service "echo"
    And the IUT has replied on A
    When the peer sends a <frame> frame for the even LSID 1000002, which the IUT has not chosen
    Then the IUT closes the channel with STREAM_STATE_ERROR

    Examples:
      | frame           |
      | STREAM          |
      | RESET           |
      | MAX_STREAM_DATA |

  @STR-ID-7 @STR-OPEN-4 @STR-OPEN-6 @must
  Scenario: The IUT tells unseen peer LSIDs within 65 536 of the highest from retired ones below it
    # STR-ID-7: "A receiver MUST remember, for every peer LSID from H − 65 536 to H, whether it has been seen."
    # 8.2: a peer LSID is retired "when it is more than 65 536 below H".
    Given the peer opens stream A at LSID 131073 to service "echo"
    And the IUT has replied on A
    # 131073 − 65539 = 65534: within the window, unseen
    When the peer opens stream B at LSID 65539 to service "echo" and sends a record of 100 random bytes and FIN
    Then the IUT echoes B
    # 131073 − 65535 = 65538 > 65 536: retired, so its INIT is ignored
    # STR-OPEN-6: "A receiver MUST ignore the data of a STREAM frame, with or without INIT, for a retired
    # LSID ..., and MUST still acknowledge the packet."
    When the peer opens stream C at LSID 65535 to service "echo" in a packet of its own
    Then the IUT acknowledges that packet but sends nothing on C
    And the channel still works: echo returns a record of 64 random bytes

  @STR-FIN-3 @STR-FIN-4 @STR-OPEN-6 @must
  Scenario: Data for a stream that closed normally is ignored and still acknowledged
    # STR-FIN-3: a stream is closed "when both directions are finished"; STR-FIN-4: "An endpoint MUST free a
    # closed stream's state without any waiting period, and MUST treat its LSID as retired from then on."
    Given the peer opens stream A to service "echo"
    And the peer sends a record of 200 random bytes on A, then FIN
    And the IUT echoes A
    # beyond the final size: a live stream would have to fail with FINAL_SIZE_ERROR (STR-FIN-2)
    When the peer sends, in a packet of its own, a record of 50 random bytes with INIT on A beyond its final size
    Then the IUT acknowledges that packet but sends nothing more on A
    And the channel still works: echo returns a record of 64 random bytes

  @STR-FIN-3 @STR-OPEN-6 @must
  Scenario: Data after the peer's RESET, in the same packet, is ignored
    # STR-FIN-3: a stream is closed "when a RESET for it was sent or received"; its LSID is then retired.
    Given the peer opens stream A to service "echo"
    And the IUT has replied on A
    When the peer sends, in one packet, RESET for A with CANCELLED and then a record of 80 random bytes with INIT on A
    Then the IUT acknowledges that packet but sends nothing more on A
    And the channel still works: echo returns a record of 64 random bytes

  @STR-RESET-1 @STR-OPEN-6 @must
  Scenario: A RESET for an unseen peer LSID retires it, so that a later INIT for it is ignored
    # STR-RESET-1: "A receiver of a RESET for an unseen peer LSID MUST mark the LSID seen and retired, so
    # that a later INIT for it is ignored."
    When the peer sends RESET with CANCELLED for LSID 21, which it has not opened yet
    And the peer opens stream A at LSID 21 to service "echo" in a packet of its own
    Then the IUT acknowledges that packet but sends nothing on A
    And the channel still works: echo returns a record of 64 random bytes
