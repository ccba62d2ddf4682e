Feature: 10 Limits
  The IUT keeps the limits it advertised (SPEC.md section 10). Whether it allocates memory is not
  observable over UDP; what is observable is that it refuses data beyond its advertised flow-control
  limits instead of buffering it, out of order, for a datagram being reassembled, or across streams.

  # LIM-RES-2: "An implementation MUST NOT buffer more received stream data for a peer than the flow-control
  # limits it has advertised, whether the data is out of order, waits for a parent (STR-OPEN-8) or belongs to a
  # datagram being reassembled." CHN-FLOW-3 names the answer: "close the channel with FLOW_CONTROL_ERROR".
  @LIM-RES-2 @CHN-FLOW-3 @must @must-not @negative
  Scenario: Out-of-order data beyond the stream limit is refused, not buffered
    Given a tester peer with a channel to the IUT
    And the peer connects to service "discard" with protocol "sss-test/1"
    When the peer sends 500 random bytes on the stream ending 100 bytes beyond the IUT's credit for it, leaving a gap before them
    Then the IUT closes the channel with FLOW_CONTROL_ERROR

  # CHN-FLOW-11: "the stream's own limit (CHN-FLOW-1) applies to [best-effort data] as to any data."
  @LIM-RES-2 @CHN-FLOW-11 @must @must-not @negative
  Scenario: A datagram fragment beyond the stream limit is refused, not kept for reassembly
    Given a tester peer with a channel to the IUT
    And the peer connects to service "datagram-echo" with protocol "sss-test/1"
    When the peer sends under the stream a best-effort datagram fragment of 500 bytes ending 1 bytes beyond the IUT's stream credit
    Then the IUT closes the channel with FLOW_CONTROL_ERROR

  @LIM-RES-2 @CHN-FLOW-3 @must @must-not @negative
  Scenario: Data spread over streams beyond the channel limit is refused
    Given a tester peer with a channel to the IUT
    When the peer opens enough streams, each with 800 bytes ending at the IUT's stream credit, to exceed its channel credit
    Then the IUT closes the channel with FLOW_CONTROL_ERROR
