Feature: 6.5-6.6 Acknowledgements, loss recovery and congestion response
  What the IUT's acknowledgements say (SPEC.md 6.5), and how it recovers lost data and limits what it
  sends without acknowledgements (6.5, 6.6). Timing is never asserted as speed: an acknowledgement
  due within max_ack_delay is awaited with a generous timeout, and bounds are computed from the
  spec's constants.

  # CHN-ACK-1: "A receiver MUST send an ACK frame no later than its own max_ack_delay ... after receiving
  # an ack-eliciting packet." CHN-ACK-5: "every packet number from least_unacked to largest_observed that
  # is not inside a NACK range MUST have been received."
  @CHN-ACK-1 @CHN-ACK-5 @must
  Scenario: The IUT acknowledges every PING and never a packet number the peer skipped
    Given a tester peer with a channel to the IUT
    When the peer sends 20 PINGs, each after skipping 2 packet numbers
    Then no ACK from the IUT acknowledges a packet number the peer skipped, and the last one acknowledges every PING

  # CHN-ACK-7: "When the missing ranges do not fit (more than 255 ranges, or too little room in the
  # packet), the sender of an ACK MUST keep the ranges nearest largest_observed and raise least_unacked to
  # the first packet number of the lowest range it keeps."
  @CHN-ACK-7 @CHN-ACK-5 @must
  Scenario: With 300 gaps to report, the IUT keeps the NACK ranges nearest largest_observed
    Given a tester peer with a channel to the IUT
    When the peer sends 300 PINGs, each after skipping 1 packet number
    Then the IUT's ACK of the last PING has at most 255 NACK ranges, all of them for skipped packet numbers nearest largest_observed

  # CHN-ACK-4: "A receiver MUST NOT send a packet whose only purpose is to acknowledge packets that
  # contained no ack-eliciting frame."
  @CHN-ACK-4 @must-not
  Scenario: Packets that carry only an ACK are not acknowledged
    Given a tester peer with a channel to the IUT
    When the peer sends a PING that the IUT acknowledges
    And the peer sends 5 packets that carry only an ACK frame
    Then the IUT sends no packet in answer while the peer listens for silence

  # CHN-ACK-8: "The ack_delay_us field MUST be the time in microseconds from the receipt of the packet
  # numbered largest_observed to the sending of the ACK". Both instants lie between the peer's sending of
  # that packet and the ACK's arrival, so that interval bounds the field.
  @CHN-ACK-8 @must
  Scenario: No ACK delay exceeds the round trip the peer observed
    Given a tester peer with a channel to the IUT
    When the peer sends 5 PINGs 30 ms apart
    Then no ACK delay the IUT reports exceeds the time from the peer's sending of largest_observed to the ACK's arrival

  # CHN-LOSS-4: "When the PTO expires, a sender MUST send one or two ack-eliciting packets, carrying new or
  # unacknowledged data when it has any". CHN-PN-2: "... MUST send retransmitted data in new packets rather
  # than resending earlier packets."
  @CHN-LOSS-4 @CHN-LOSS-5 @CHN-PN-2 @must
  Scenario: Data the peer does not acknowledge is sent again, in a new packet, at the same offsets
    Given a tester peer with a channel to the IUT
    When the peer stops acknowledging and asks the source service for 3000 bytes
    Then the IUT sends the unacknowledged data again in a packet with a higher packet number, at the same offsets

  # CHN-LOSS-1: "A sender MUST declare an unacknowledged packet lost when a packet with a number at least 3
  # greater ... has been acknowledged." CHN-LOSS-5: "A sender MUST retransmit the content of a lost packet,
  # frame by frame, ..., in new packets". CHN-PN-2: "A sender MUST NOT reuse a packet number".
  @CHN-LOSS-1 @CHN-LOSS-5 @CHN-PN-2 @must @must-not
  Scenario: Data lost on the way from the IUT is sent again in new packets, with the same bytes at the same offsets
    Given a tester peer with a channel to the IUT over a link with "none" towards the IUT and "loss=8%" from it
    When the peer asks the source service for 200000 bytes
    Then the IUT delivers the whole source pattern and FIN
    And every STREAM frame the link lost was sent again in packets with higher packet numbers, with the same bytes at the same offsets
    And no two different datagrams from the IUT carry the same packet number

  # CHN-CC-3: "A sender ... MUST NOT let bytes in flight exceed the congestion window except for PTO
  # probes." CHN-CC-2: any algorithm MUST "respect the initial and minimum windows of CHN-CC-1" (initial
  # window 12320 bytes). With no ACK at all, the window cannot grow.
  @CHN-CC-3 @CHN-CC-2 @must @must-not
  Scenario: Without acknowledgements the IUT sends no more than its initial window and its probes
    Given a tester peer with a channel to the IUT
    When the peer stops acknowledging and asks the source service for 200000 bytes
    Then within 1200 ms the IUT sends no more ack-eliciting bytes than its initial window plus two datagrams per probe timeout
