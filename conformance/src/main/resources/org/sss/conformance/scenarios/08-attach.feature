Feature: 8.9 Detach, attach and migration
  Attaching a stream to another channel by its USID (SPEC.md 8.2, 8.9). The tester peer negotiates a
  second channel, under its own identity or another, and attaches with INIT and USID.

  Background:
    Given a tester peer with a channel to the IUT

  @STR-ATTACH-2 @must
  Scenario: An attach with an unknown USID is answered with RESET(UNKNOWN_STREAM)
    # STR-ATTACH-2: "A receiver ... MUST answer an unknown USID with RESET(UNKNOWN_STREAM) for the new LSID."
    When the peer attaches a stream with a random USID and a record of 40 random bytes
    Then the IUT resets the attached LSID with UNKNOWN_STREAM
    And the channel still works: echo returns a record of 64 random bytes

  @STR-ID-6 @STR-ATTACH-2 @must
  Scenario: A USID is looked up only among the streams shared with the channel's peer
    # STR-ID-6: "... an endpoint MUST look USIDs up only among the streams it shares with the authenticated
    # peer EID of the channel on which the USID arrived."
    Given the peer opens stream A to service "echo"
    And the peer sends a record of 100 random bytes on A
    And the IUT has echoed 100 bytes on A
    When another tester peer, under another identity, attaches A by its USID with a record of 40 random bytes
    Then the IUT resets the attached LSID with UNKNOWN_STREAM on that other channel
    When the peer sends a record of 200 random bytes on A, then FIN
    Then the IUT echoes A

  @STR-ID-6 @STR-ATTACH-2 @STR-ATTACH-6 @CRY-KDF-1 @CRY-KDF-2 @must
  Scenario: A stream attached to a second channel of the same peer continues there, merged by offset
    # CRY-KDF-1: "Both endpoints MUST compute the channel ID as channel_id = SHA-512("SSS channel id" ‖ K ‖ I' ‖ R')[0..16)"
    # CRY-KDF-2: "The USID of a stream MUST be channel_id ‖ be64(L)": the peer computes the USID this way with
    # its own KDF, so the IUT finds the stream only if it derived the same channel ID and USID.
    # STR-ATTACH-2: "A receiver MUST find an attached stream by its USID among the streams it shares with
    # the channel's peer EID"
    # STR-ATTACH-6: "A receiver MUST merge the data of one stream received over several attachments by
    # offset, as if it had arrived on one."
    Given the peer opens stream A to service "echo"
    And the peer sends a record of 1500 random bytes on A
    And the IUT has echoed 1500 bytes on A
    When the peer negotiates a second channel under the same identity
    And the peer attaches A to the second channel and sends there a record of 2000 random bytes, overlapping the last 300 bytes sent on the first
    And the peer sends the next record of 700 random bytes on A and FIN on the first channel
    Then the IUT echoes A, merged over both channels

  @STR-ATTACH-8 @STR-ATTACH-9 @must
  Scenario: A stream survives the close of its channel with CHANNEL_REPLACED and continues on the new one
    # STR-ATTACH-8: "When a channel closes with CHANNEL_REPLACED, its streams MUST become unattached and not
    # be reset"
    # STR-ATTACH-9: "An endpoint that sends on an unattached stream MUST first attach it to a channel to
    # the peer"
    Given the peer opens stream A to service "echo"
    And the peer sends a record of 500 random bytes on A
    And the IUT has echoed 500 bytes on A
    When the peer negotiates a second channel under the same identity
    And the peer closes the first channel with CHANNEL_REPLACED
    And the peer attaches A to the second channel and sends there a record of 800 random bytes and FIN
    Then the IUT echoes A, merged over both channels

  @CHN-FLOW-10 @must
  Scenario: An attached stream keeps the stream limit it had on its first channel
    # CHN-FLOW-10: "The stream limit of an attached stream MUST be carried over from the channel it came from
    # (the highest MAX_STREAM_DATA advertised for the stream on any channel, or its initial limit)"
    Given the peer sends on a new discard stream until the IUT has raised that stream's limit above its initial value
    When the peer attaches the stream to a second channel of the same identity and sends there, from the stream's next offset, data up to the stream's current limit and FIN
    Then the IUT accepts the attached data without FLOW_CONTROL_ERROR and finishes the stream

  @CHN-FLOW-9 @CHN-FLOW-3 @must
  Scenario: An attachment counts toward the new channel's limit from its first offset, not from 0
    # CHN-FLOW-9: "For a stream attached to a channel by INIT+USID (section 8.9), the sender MUST use as base
    # offset the offset of the first STREAM frame it sent on the attachment, and the receiver MUST use the
    # lowest offset it has received on the attachment."
    Given the peer sends on a new discard stream until the stream's offset exceeds the IUT's initial channel limit
    When the peer attaches the stream to a second channel of the same identity and sends there, from the stream's next offset, 5000 random bytes and FIN
    Then the IUT accepts the attached data without FLOW_CONTROL_ERROR and finishes the stream

  @FRM-STREAM-11 @STR-ATTACH-6 @must
  Scenario: The parent LSID of an attaching frame is ignored
    # FRM-STREAM-11: "A sender attaching a stream (INIT and USID) MUST set the parent LSID to 0, and the
    # receiver MUST ignore that field."
    Given the peer sends on a new echo stream a record of 600 random bytes and the IUT echoes it
    When the peer attaches the stream to a second channel of the same identity with a random non-zero parent LSID and sends there a record of 900 random bytes and FIN
    Then the IUT echoes everything the peer sent on the stream, over both channels
