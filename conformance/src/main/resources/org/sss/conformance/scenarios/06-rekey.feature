Feature: 6.9 Rekeying
  The tester peer is the channel's initiator, so it is the one that rekeys (SPEC.md 6.9): it
  negotiates a replacement channel under the same long-term identity and closes the old one with
  CHANNEL_REPLACED. The IUT, as responder, must move its streams to the replacement.

  # CHN-REKEY-3: "Once the replacement channel is established, an endpoint MUST send all further data and
  # FINs of its streams, retransmissions of data unacknowledged on the old channel included, on the
  # replacement channel, attaching each stream there when it first sends on it (INIT+USID, section 8.9)".
  # STR-ATTACH-8: "When a channel closes with CHANNEL_REPLACED, its streams MUST become unattached and not
  # be reset".
  @CHN-REKEY-3 @STR-ATTACH-8 @must
  Scenario: A source stream blocked on the old channel continues on the replacement, at the same offsets
    Given a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA 4096 and INITIAL_MAX_DATA 1048576 and grants no more credit until told
    When the peer asks the source service for 30000 bytes and receives what the credit allows
    And the peer negotiates a replacement channel under the same identity and closes the old one with CHANNEL_REPLACED
    Then the IUT attaches the source stream to the replacement channel and sends there the rest of the pattern at the same offsets, then FIN

  # CHN-REKEY-4: "An endpoint MUST open new streams on the replacement channel once it is established."
  # The old channel stays open, so a new stream the IUT opens could go on either; the echo of a datagram
  # (A.4, TST-DGE-1) is such a new stream. The peer does what 6.9 asks of it: it attaches the service
  # stream to the replacement (INIT+USID, parent 0, section 8.9), sends DETACH for it on the old channel
  # (CHN-REKEY-3) and opens the datagram on the replacement (CHN-REKEY-4).
  @CHN-REKEY-4 @must
  Scenario: A stream the IUT opens after a rekey (the echo of a datagram) goes on the replacement channel
    Given a tester peer with a channel to the IUT
    And the peer opens stream D to service "datagram-echo"
    And the IUT has replied on D
    When the peer negotiates a replacement channel under the same identity and leaves the old one open
    And the peer attaches D to the replacement channel with a record of 16 random bytes and sends DETACH for it on the old channel
    And the peer sends on the replacement channel a best-effort datagram of 300 random bytes under D
    Then the IUT echoes the datagram on a new stream it opens on the replacement channel, and opens no stream on the old channel
