Feature: 8 Streams
  Stream identifiers (SPEC.md section 8).

  Background:
    Given a tester peer with a channel to the IUT

  @STR-ID-4 @must
  Scenario: An INIT for an LSID of the IUT's own parity closes the channel with STREAM_STATE_ERROR
    # STR-ID-1: the responder's LSIDs are even.
    # STR-ID-4: "A receiver MUST close the channel with STREAM_STATE_ERROR when a STREAM frame with INIT
    # names an LSID of the receiver's own parity."
    When the peer opens LSID 2, of the IUT's own parity, with a connect request to "echo" "sss-test/1"
    Then the IUT closes the channel with STREAM_STATE_ERROR
    And the CLOSE is the last frame of its packet

  @STR-OPEN-1 @STR-OPEN-4 @STR-ROOT-2 @SVC-CONN-2 @SVC-CONN-3 @must
  Scenario: A stream whose request, data and FIN all travel in its first packet is served at once
    # STR-OPEN-1: "An endpoint MUST open a stream with a STREAM frame that has INIT set and names the
    # parent, and MAY put data and FIN in that same frame."
    # STR-OPEN-4: "A receiver MUST open a stream on a STREAM frame with INIT for an unseen peer LSID whose
    # parent is live, and MUST make its data available to the application at once."
    When the peer opens stream A to service "echo" with a record of 700 random bytes and FIN, all in one packet
    Then the IUT echoes A

  @STR-OPEN-1 @STR-OPEN-4 @TST-ECHO-4 @must
  Scenario: A substream opened, filled and finished by a single frame is echoed
    Given the peer opens stream A to service "echo"
    When the peer opens substream B under A with one frame carrying INIT, a record of 300 random bytes and FIN
    Then the IUT echoes B

  @STR-OPEN-5 @STR-ID-3 @must
  Scenario: INIT on every frame of a live stream is treated as data for that stream
    # STR-OPEN-5: "A receiver MUST treat a STREAM frame with INIT for a live stream as a data frame for
    # that stream"
    Given the peer opens stream A to service "echo"
    When the peer sends records of 5, 900, 1, 2500 random bytes on A, every frame with INIT, then FIN
    Then the IUT echoes A
    # STR-ID-3: "Both directions of a stream MUST use the one LSID chosen by the endpoint that opened it."
    And the IUT sent stream data only on the LSIDs the peer opened

  @STR-OPEN-5 @must @negative
  Scenario: INIT for a live stream naming another parent closes the channel with STREAM_STATE_ERROR
    # STR-OPEN-5: "... and MUST close the channel with STREAM_STATE_ERROR when its parent differs from
    # the parent the stream was opened with."
    Given the peer opens stream A to service "echo"
    And the peer opens stream B to service "echo"
    And the peer opens substream C under A and sends a record of 50 random bytes on it
    And the IUT has echoed 50 bytes on C
    When the peer sends a record of 20 random bytes on C with INIT naming B as the parent
    Then the IUT closes the channel with STREAM_STATE_ERROR

  @STR-OPEN-7 @must @negative
  Scenario: A STREAM frame without INIT for an unseen peer LSID closes the channel with STREAM_STATE_ERROR
    # STR-OPEN-7: "A receiver MUST close the channel with STREAM_STATE_ERROR on a STREAM frame without
    # INIT for an unseen peer LSID."
    Given the peer opens stream A to service "echo"
    When the peer sends a STREAM frame without INIT for the unseen LSID 41 carrying 10 random bytes
    Then the IUT closes the channel with STREAM_STATE_ERROR
