Feature: 6.7 Flow control
  The IUT as sender never exceeds the limits the tester peer declares in its SETTINGS until the peer
  raises them (SPEC.md 6.7); as receiver it enforces its own limits, ignores limit frames that raise
  nothing, and does not count best-effort (NOACK) data toward the channel-wide limit. The source
  service gives the IUT more to send than the peer's limits allow.

  # CHN-FLOW-1: "A sender MUST NOT send stream data beyond the stream's limit, which is the peer's
  # INITIAL_MAX_STREAM_DATA (section 7.9) for a new stream until a MAX_STREAM_DATA frame raises it."
  @CHN-FLOW-1 @must-not
  Scenario: The IUT sends nothing beyond the peer's INITIAL_MAX_STREAM_DATA until the peer raises it
    Given a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA 4096 and INITIAL_MAX_DATA 1048576 and grants no more credit until told
    When the peer asks the source service for 20000 bytes on 1 stream
    Then the IUT sends no stream data beyond offset 4096 on those streams while the peer listens for silence
    When the peer raises its limits with MAX_STREAM_DATA and MAX_DATA
    Then every source stream delivers the whole pattern and FIN

  # CHN-FLOW-2: "A sender MUST NOT send stream data that would bring the channel-wide data above the
  # channel limit, which is the peer's INITIAL_MAX_DATA until a MAX_DATA frame raises it."
  @CHN-FLOW-2 @must-not
  Scenario: Over three streams, the IUT sends nothing beyond the peer's INITIAL_MAX_DATA until the peer raises it
    Given a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA 262144 and INITIAL_MAX_DATA 6000 and grants no more credit until told
    When the peer asks the source service for 10000 bytes on 3 streams
    Then the IUT sends no more than 6000 bytes of stream data over those streams while the peer listens for silence
    When the peer raises its limits with MAX_STREAM_DATA and MAX_DATA
    Then every source stream delivers the whole pattern and FIN

  # CHN-FLOW-4: "A receiver MUST ignore a MAX_DATA or MAX_STREAM_DATA frame that does not raise the
  # current limit." (Taken as a new limit, as an increment, or as an error, it would show.)
  @CHN-FLOW-4 @must
  Scenario: MAX_STREAM_DATA and MAX_DATA frames that raise nothing are ignored
    Given a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA 4096 and INITIAL_MAX_DATA 1048576 and grants no more credit until told
    When the peer asks the source service for 20000 bytes on 1 stream
    And the peer sends MAX_STREAM_DATA 2048 for those streams and MAX_DATA 3000, neither raising a limit
    Then the IUT stays within offset 4096 on those streams and keeps the channel open while the peer listens for silence
    When the peer raises its limits with MAX_STREAM_DATA and MAX_DATA
    Then every source stream delivers the whole pattern and FIN

  # CHN-FLOW-3: "A receiver MUST close the channel with FLOW_CONTROL_ERROR when it receives stream data
  # beyond a stream's limit or beyond the channel limit it has advertised."
  @CHN-FLOW-3 @must @negative
  Scenario: One byte beyond the IUT's limit for a stream closes the channel with FLOW_CONTROL_ERROR
    Given a tester peer with a channel to the IUT
    When the peer sends on a new discard stream one byte just beyond the IUT's limit for that stream
    Then the IUT closes the channel with FLOW_CONTROL_ERROR

  # CHN-FLOW-11: "A sender and a receiver MUST NOT count the data of STREAM frames that have NOACK set
  # toward the channel-wide data (CHN-FLOW-2, CHN-FLOW-3)" - receiver side.
  @CHN-FLOW-11 @must-not
  Scenario: Best-effort data whose offsets add up to more than the IUT's channel limit is no flow-control error
    Given a tester peer with a channel to the IUT
    When the peer sends NOACK bytes at the end of the stream limit of new substreams of a discard stream until their offsets add up to more than the IUT's channel limit
    Then the channel still works: echo returns a record of 100 random bytes

  # CHN-FLOW-11, sender side: the IUT's echoed datagrams (best effort, TST-DGE-1) are not held back by a
  # channel limit they do not count toward.
  @CHN-FLOW-11 @must-not
  Scenario: The IUT's best-effort datagrams are not held back by the peer's channel limit
    Given a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA 262144 and INITIAL_MAX_DATA 3000 and grants no more credit until told
    When the peer sends 16 best-effort datagrams of 500 random bytes on a new datagram-echo stream
    Then the IUT echoes all 16 datagrams as best-effort datagrams

  # CHN-FLOW-8: "A sender MUST count, for a stream it resets, all data it sent on that stream toward the
  # channel-wide data, whether or not that data was received." The IUT resets a source stream whose
  # first record is not a 12-byte command (TST-SRC-3) after sending its reply record there; the peer
  # acknowledges none of those replies before the RESET. The replies stay charged to the channel, so the
  # last stream gets only what remains of the peer's INITIAL_MAX_DATA.
  @CHN-FLOW-8 @must
  Scenario: Data on streams the IUT reset itself stays charged to the channel limit
    Given a tester peer with a channel to the IUT that declares INITIAL_MAX_STREAM_DATA 262144 and INITIAL_MAX_DATA 3000 and grants no more credit until told
    When the peer opens 24 source streams with a command record of 1 byte each, acknowledging nothing until the IUT has reset them all
    And the peer asks the source service for 10000 bytes on one more stream
    Then the IUT sends no more than 3000 bytes of stream data over all those streams, the reset ones included, while the peer listens for silence
