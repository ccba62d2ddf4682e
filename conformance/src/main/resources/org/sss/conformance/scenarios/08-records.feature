Feature: 8.6 Records
  Record boundaries at the offsets where the sender placed them, whatever the framing (SPEC.md 8.6,
  A.1).

  Background:
    Given a tester peer with a channel to the IUT
    And the peer opens stream A to service "echo"

  @STR-REC-1 @TST-ECHO-2 @must
  Scenario: A record split across many frames that arrive out of order is delivered whole at its offset
    # STR-REC-1: "A receiver MUST report each record boundary to the application at the stream offset at
    # which the sender placed it, and MUST deliver a record ... only when all of its bytes have arrived."
    When the peer sends records of 7000, 3 and 4500 random bytes on A, each split into frames sent in random order, then FIN
    Then the IUT echoes A

  @STR-REC-1 @TST-ECHO-2 @must
  Scenario: Many records in one packet keep their boundaries
    When the peer sends 10 records of 1 to 50 random bytes on A, all in one packet, then FIN
    Then the IUT echoes A

  @STR-REC-1 @TST-ECHO-2 @must
  Scenario: Records mixed with plain bytes keep exactly their boundaries, and the bytes after the last one stay unbounded
    # 8.6: "bytes after the last record boundary and before FIN are delivered as a final partial record"
    When the peer sends on A a record of 400 random bytes, 900 plain bytes, a record of 20 random bytes and 333 plain bytes, then FIN
    Then the IUT echoes A

  @STR-REC-1 @STR-REC-3 @FRM-STREAM-9 @TST-ECHO-2 @must
  Scenario: A record boundary carried by a FIN frame with no data ends the record at the final size
    # FRM-STREAM-9: RECORD is set "for a frame with FIN and no data, when the stream's final byte ends a record."
    When the peer sends 800 plain bytes on A and then a FIN frame with RECORD and no data
    Then the IUT echoes A

  @STR-REC-1 @TST-ECHO-2 @must
  Scenario: One hundred one-byte records, each in its own frame, keep every boundary
    When the peer sends 100 records of 1 random byte on A, then FIN
    Then the IUT echoes A
