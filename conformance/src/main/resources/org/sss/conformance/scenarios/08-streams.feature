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
