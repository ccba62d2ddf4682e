Feature: 8.11 Stream limits and exhaustion
  The IUT's MAX_CONCURRENT_PEER_STREAMS (SPEC.md 8.11; default 100, FRM-SET-6).

  Background:
    Given a tester peer with a channel to the IUT

  @STR-LIMIT-1 @TST-GEN-3 @must
  Scenario: An INIT beyond MAX_CONCURRENT_PEER_STREAMS is refused with RESET(STREAM_LIMIT_ERROR) and retired
    # STR-LIMIT-1: "A receiver MUST answer an INIT that would raise the number of live peer-opened streams
    # above its MAX_CONCURRENT_PEER_STREAMS with RESET(STREAM_LIMIT_ERROR) for the new LSID, and MUST retire
    # that LSID."
    Given the peer holds as many echo streams open as the IUT's MAX_CONCURRENT_PEER_STREAMS allows
    When the peer opens one more echo stream X
    Then the IUT resets X with STREAM_LIMIT_ERROR
    And the IUT reset none of the streams it had accepted
    When the peer sends, in a packet of its own, a record of 30 random bytes with INIT on X
    Then the IUT acknowledges that packet but sends nothing more on X
    # a stream closed by the peer's RESET frees its place at once (STR-FIN-3, STR-FIN-4)
    When the peer resets E1 with CANCELLED and opens stream N to service "echo", in one packet
    And the peer sends a record of 64 random bytes on N, then FIN
    Then the IUT echoes N
