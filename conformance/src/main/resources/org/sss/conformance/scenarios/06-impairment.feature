Feature: 6 Channel over an impaired link
  The tester peer's seedable impairment layer loses (in bursts), duplicates, reorders, corrupts and
  delays datagrams in either direction; the decisions follow the scenario's seed, which every report
  prints. A reliable stream must come through whole and in order (SPEC.md 6.1, 6.4, 6.5, Appendix A):
  lost data is sent again in new packets, duplicates and replays are dropped, forged or corrupted
  packets are ignored while the channel keeps working. The tester peer recovers its own losses.

  # CHN-LOSS-5: "A sender MUST retransmit the content of a lost packet, frame by frame, ..., in new
  # packets". TST-ECHO-1: "The IUT MUST send back on the stream, in order, every byte it receives".
  @CHN-LOSS-5 @CHN-LOSS-1 @TST-ECHO-1 @TST-ECHO-2 @must
  Scenario: An echo of 300 KB over a link losing 5 % in bursts in both directions returns every byte in order
    Given a tester peer with a channel to the IUT over a link with "loss=5%,burst=3" in both directions
    When the peer sends 300 KB of random bytes to echo in records of 4000 bytes, as the IUT's credit allows, then FIN
    Then the IUT echoes every byte once and in order, with every record boundary, and FIN

  # CHN-REPLAY-2: a duplicated packet is "already accepted" and dropped; reordered ones inside the
  # window are accepted. Delivering a duplicate to the echo service would echo its record twice.
  @CHN-REPLAY-2 @TST-ECHO-1 @TST-ECHO-2 @must @negative
  Scenario: Duplicated and reordered packets are delivered once
    Given a tester peer with a channel to the IUT over a link with "dup=15%,reorder=15%,hold=5ms" in both directions
    When the peer sends 60 KB of random bytes to echo in records of 700 bytes, as the IUT's credit allows, then FIN
    Then the IUT echoes every byte once and in order, with every record boundary, and FIN

  # CHN-RECV-1: a box that does not open is dropped at step 4 (verdict BOX_OPEN_FAILED), and the channel
  # carries on; the lost data is sent again.
  @CHN-RECV-1 @CHN-LOSS-5 @must @negative
  Scenario: Corrupted packets in both directions are dropped and their data recovered
    Given a tester peer with a channel to the IUT over a link with "corrupt=5%" in both directions
    When the peer sends 60 KB of random bytes to echo in records of 1000 bytes, as the IUT's credit allows, then FIN
    Then the IUT echoes every byte once and in order, with every record boundary, and FIN

  # CHN-LOSS-5, CHN-PN-2 on a slower, reordering, lossy path from the IUT.
  @CHN-LOSS-5 @CHN-PN-2 @TST-SRC-1 @must @must-not
  Scenario: A source transfer of 200 KB over a delayed, reordering, lossy link arrives whole
    Given a tester peer with a channel to the IUT over a link with "delay=10ms" towards the IUT and "loss=3%,reorder=5%,delay=10ms" from it
    When the peer asks the source service for 200000 bytes
    Then the IUT delivers the whole source pattern and FIN
    And no two different datagrams from the IUT carry the same packet number
