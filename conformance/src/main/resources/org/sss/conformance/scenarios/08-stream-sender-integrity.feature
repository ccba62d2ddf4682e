Feature: 8 Stream sender integrity
  What the IUT's STREAM frames must be as a sender: within the peer's flow-control limit, with RECORD
  exactly where a record ends, and substreams opened only under live parents (SPEC.md sections 6.7,
  7.2 and 8.3). Each STREAM frame the IUT sends is examined, not only the bytes reassembled from them.

  @CHN-FLOW-1 @must-not
  Scenario: The IUT sends no stream data beyond the peer's INITIAL_MAX_STREAM_DATA
    # CHN-FLOW-1: "A sender MUST NOT send stream data beyond the stream's limit, which is the peer's
    # INITIAL_MAX_STREAM_DATA (section 7.9) for a new stream until a MAX_STREAM_DATA frame raises it."
    # The peer acknowledges nothing, so it never raises the limit.
    Given a tester peer with a channel to the IUT, declaring INITIAL_MAX_STREAM_DATA 4096 and acknowledging nothing
    And the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 20000 bytes in records of 0 bytes
    Then the IUT sends data on the stream, and none beyond offset 4096

  @FRM-STREAM-9 @must
  Scenario: The IUT sets RECORD on a STREAM frame exactly when the frame ends a record
    # FRM-STREAM-9: "A sender MUST set RECORD on a frame exactly when the frame's last data byte ends a
    # record, or, for a frame with FIN and no data, when the stream's final byte ends a record."
    # Records of 3000 bytes span several frames: most frames end inside a record.
    Given a tester peer with a channel to the IUT
    And the peer connects to service "source" with protocol "sss-test/1"
    When the peer sends the source command for 9000 bytes in records of 3000 bytes
    Then the IUT sends exactly 9000 bytes where the byte at offset i is i mod 251, then FIN at 9000
    And every STREAM frame of the IUT on the stream carries RECORD exactly when it ends a record of 3000 bytes

  @STR-OPEN-3 @STR-RESET-3 @must
  Scenario: The IUT opens no substream under a stream the peer has reset
    # STR-OPEN-3: "A parent MUST be the root or a stream that is live on the channel at the opener."
    # A stream is closed once a RESET for it was received (STR-FIN-3); its substreams live on
    # (STR-RESET-3: "A RESET of a stream MUST NOT affect its substreams."), so the datagram completed on
    # one after the RESET cannot be echoed as a new child of the reset stream (TST-DGE-1).
    Given a tester peer with a channel to the IUT
    And the peer connects to service "datagram-echo" with protocol "sss-test/1"
    When the peer opens a substream under the stream and sends 300 random bytes on it without FIN
    And the peer resets the stream with CANCELLED and the IUT acknowledges the RESET
    And the peer sends 200 more random bytes on the substream, then FIN
    Then the IUT finishes its direction of the substream
    And the IUT opens no stream under the reset stream after it acknowledged the RESET
