Feature: 6.8 Idle timeout, close and GOAWAY
  How a channel with the IUT ends (SPEC.md 6.8): the closing state after the IUT's own CLOSE, the
  idle timeout (the reference target declares 5 s through the idle-timeout hook of IUT.md), and the
  IUT as receiver of the peer's GOAWAY.

  # CHN-CLOSE-2: "An endpoint in the closing state MUST NOT send any frame other than CLOSE (with its final
  # ACK) and the SETTINGS frame that FRM-SET-1 may still require before it, MUST answer a packet that it
  # accepts with a new packet carrying the same error code and reason".
  @CHN-CLOSE-1 @CHN-CLOSE-2 @must @must-not @negative
  Scenario: In the closing state the IUT answers packets with new packets that carry only the same CLOSE
    Given a tester peer with a channel to the IUT
    When the peer sends a STREAM frame with LSID 0 carrying a record of 20 bytes
    And the peer sends PINGs to the IUT, which has closed the channel
    Then the IUT answers with new packets that carry only a CLOSE with the same error code and reason

  # CHN-CLOSE-4: "At the end of the closing or draining state an endpoint MUST discard the channel and
  # erase its keys." (The closing state lasts 3 · PTO, CHN-CLOSE-1; packets for a discarded channel are
  # dropped with verdict UNKNOWN_CHANNEL.)
  @CHN-CLOSE-4 @must @negative
  Scenario: After the closing state the IUT discards the channel and answers nothing more
    Given a tester peer with a channel to the IUT
    When the peer sends a STREAM frame with LSID 0 carrying a record of 20 bytes
    And the peer sends PINGs to the IUT, which has closed the channel
    Then within the timeout the IUT stops answering the peer's PINGs, and stays silent afterwards

  # CHN-IDLE-1: "An endpoint MUST use as effective idle timeout the smaller of the two announced values
  # that are not 0". CHN-IDLE-3: "An endpoint whose idle timer expires MUST discard the channel without
  # sending anything". The peer announces half the IUT's value and waits 80 % of the IUT's value.
  @CHN-IDLE-1 @CHN-IDLE-3 @must
  Scenario: The IUT uses the peer's smaller idle timeout and discards the channel silently when it expires
    Given a tester peer with a channel to the IUT that announces half of the IUT's declared idle timeout
    When the peer stays silent for 80% of the IUT's declared idle timeout
    Then the IUT sent nothing during the silence and answers no PING afterwards

  # CHN-IDLE-2: "An endpoint MUST restart its idle timer when it accepts a packet". PINGs every 30 % of
  # the effective timeout for 150 % of it keep the channel alive.
  @CHN-IDLE-2 @must
  Scenario: Packets from the peer restart the IUT's idle timer
    Given a tester peer with a channel to the IUT that announces half of the IUT's declared idle timeout
    When the peer sends a PING every 30% of the effective idle timeout for 150% of it
    Then the channel still works: echo returns a record of 100 random bytes

  # CHN-GOAWAY-2: "An endpoint that has received GOAWAY MUST NOT open new streams on the channel." An
  # echoed datagram would be a new stream opened by the IUT (TST-DGE-1).
  @CHN-GOAWAY-2 @must-not
  Scenario: After the peer's GOAWAY the IUT opens no new stream, not even to echo a datagram
    Given a tester peer with a channel to the IUT
    When the peer opens a datagram-echo stream and sends GOAWAY with last_peer_lsid 0
    And the peer sends a best-effort datagram of 100 random bytes under that stream
    Then the IUT opens no new stream while the peer listens for silence
