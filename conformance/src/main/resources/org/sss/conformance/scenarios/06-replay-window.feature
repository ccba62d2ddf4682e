Feature: 6.4 Packet numbers and the replay window
  The IUT keeps a replay window of at least 128 packet numbers (SPEC.md 6.4): it accepts packets out
  of order within the window, drops a packet it has accepted before or one that lies below the
  window, and moves the window only for packets that authenticated.

  Background:
    Given a tester peer with a channel to the IUT

  # CHN-REPLAY-2: "A receiver MUST drop, with verdict PACKET_REPLAYED and before opening the box, a packet
  # whose number is not greater than H and either is at least W below H or has already been accepted."
  # Accepting the copy would make it ack-eliciting again (CHN-ACK-1), and CHN-RECV-2 forbids acknowledging it.
  @CHN-REPLAY-2 @CHN-RECV-2 @must @must-not @negative
  Scenario: A replayed PING draws no acknowledgement
    When the peer sends a PING that the IUT acknowledges
    And the peer replays that packet exactly as it was sent
    Then the IUT sends no packet in answer while the peer listens for silence
    And the channel still works: echo returns a record of 100 random bytes

  # CHN-REPLAY-2, as above: the replayed packet carries INIT and a connect request for a stream that
  # has finished in both directions; processing it again would answer with a second reply.
  @CHN-REPLAY-2 @must @negative
  Scenario: Replaying the packet that opened a finished echo stream draws nothing on that stream
    When the peer completes an echo exchange of a record of 64 random bytes
    And the peer replays that packet exactly as it was sent
    Then the IUT sends nothing more on that echo stream while the peer listens for silence
    And the channel still works: echo returns a record of 100 random bytes

  # CHN-REPLAY-1: "A receiver MUST keep a replay window of at least W = 128 packet numbers for each
  # channel." Packet n is 127 below H = n + 127, inside any window of 128, and was never accepted.
  @CHN-REPLAY-1 @CHN-REPLAY-2 @must
  Scenario: A packet 127 numbers below the highest one accepted is still accepted
    When the peer sends a PING with packet number n + 127 and then a PING with the unused packet number n
    Then the IUT acknowledges both PINGs

  # CHN-REPLAY-2: only packets already accepted or below the window are dropped: reordering inside the
  # window loses nothing.
  @CHN-REPLAY-2 @CHN-REPLAY-1 @must
  Scenario: Records sent in packets that arrive in shuffled order are all delivered, once and in order
    When the peer sends 12 records of 300 random bytes on a new echo stream, one per packet, the packets in shuffled order, the last record with FIN
    Then the IUT echoes every record once, in order, and FIN

  # CHN-REPLAY-2: a packet "at least W below H" is dropped "even if it was never seen" (the example of
  # section 6.4). No window can hold 2^32 packet numbers.
  @CHN-REPLAY-2 @CHN-RECV-2 @must @must-not @negative
  Scenario: A never-used packet number 2^32 below the highest one accepted is dropped
    When the peer sends a PING with packet number n + 4294967296 and then a PING with the unused packet number n
    Then the IUT never acknowledges that packet
    And the channel still works: echo returns a record of 100 random bytes

  # CHN-REPLAY-3: "A receiver MUST record a packet number in the window only after the box has opened and
  # the header's packet number has matched (steps 4 to 6 of section 6.1)." Had the dropped packet moved
  # H to n + 2^32, packet n would fall below the window.
  @CHN-REPLAY-3 @CHN-RECV-2 @must @negative
  Scenario Outline: A dropped packet 2^32 ahead, whose <fault>, does not move the window
    When the peer sends a PING with packet number n + 4294967296 whose <fault>
    Then a PING with packet number n is still acknowledged

    Examples:
      | fault                        |
      | box-does-not-open            |
      | header-packet-number-differs |
