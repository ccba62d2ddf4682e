Feature: 6.7 Flow control: the credit of reset streams
  Streams that the peer resets after sending data with a gap: the gap never reaches the IUT's in-order
  buffer, so the IUT gets that channel credit back only by counting the discarded stream's highest
  offset as consumed (SPEC.md 6.7).

  Background:
    Given a tester peer with a channel to the IUT

  # CHN-FLOW-7: "A receiver that discards a stream that was reset MUST count the highest offset it
  # received on that stream as consumed, so that the credit it granted is released."
  @CHN-FLOW-7 @CHN-FLOW-3 @must
  Scenario: The highest offsets of reset streams are released as channel credit
    When the peer opens discard streams, sends on each its connect request and a last frame ending at the stream's limit, and resets it, until the streams add up to twice the IUT's initial channel limit
    And the peer sends on a new discard stream a record of 20000 random bytes and FIN
    Then the IUT finishes the new stream and raised MAX_DATA beyond everything the reset streams charged
