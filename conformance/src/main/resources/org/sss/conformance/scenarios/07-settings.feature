Feature: 7.9 SETTINGS
  How the IUT reads the peer's SETTINGS (SPEC.md section 7.9). The peer's first SETTINGS travels in
  its INITIAL, so faults in it are judged there; the limits it declares, or leaves at their defaults,
  are observed through flow control on a source stream (Appendix A.3) that the peer acknowledges by
  hand, granting no credit of its own.

  @FRM-SET-2 @must @negative
  Scenario Outline: SETTINGS entries whose tags are not strictly ascending (<first> then <second>) close the channel with FRAME_ENCODING_ERROR
    # FRM-SET-2: "... a receiver MUST treat a SETTINGS frame whose tags are not strictly ascending as
    # verdict SETTINGS_NOT_ASCENDING and close the channel with FRAME_ENCODING_ERROR."
    When a tester peer negotiates a channel whose INITIATE declares the SETTINGS entries:
      | tag      | value                 |
      | <first>  | 0000000000100000      |
      | <second> | 0000000000040000      |
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | first | second |
      | 4     | 3      |
      | 3     | 3      |

  @FRM-SET-3 @must
  Scenario: Entries with unknown tags are skipped by their length, and the entries after them apply
    # FRM-SET-3: "A receiver MUST skip an entry with a tag it does not know, using its length."
    # Tag 0's value looks like an INITIAL_MAX_STREAM_DATA entry of 65 536; the real one, after it, is 3000.
    When a tester peer negotiates a channel whose INITIATE declares the SETTINGS entries:
      | tag   | value                    |
      | 0     | 000400080000000000010000 |
      | 4     | 0000000000000bb8         |
      | 200   | 0102030405               |
      | 65535 |                          |
    Then the IUT sends no byte beyond stream offset 3000 on a source stream of 10000 bytes until the peer raises the stream's limit, and then the rest

  @FRM-SET-4 @must @negative
  Scenario Outline: A SETTINGS entry with <entry> closes the channel with SETTINGS_ERROR
    # FRM-SET-4: "A receiver MUST treat an entry with a known tag whose length differs from its value
    # type's size, or whose value is outside the valid values above, as verdict SETTINGS_BAD_VALUE and
    # close the channel with SETTINGS_ERROR."
    When a tester peer negotiates a channel whose INITIATE declares the SETTINGS entries:
      | tag   | value   |
      | <tag> | <value> |
    Then the IUT closes the channel with SETTINGS_ERROR

    Examples:
      | entry                              | tag | value            |
      | FEC = 1                            | 1   | 01               |
      | FEC in 2 bytes                     | 1   | 0000             |
      | INITIAL_MAX_DATA = 2^62            | 3   | 4000000000000000 |
      | INITIAL_MAX_STREAM_DATA in 4 bytes | 4   | 00040000         |
      | MAX_PLAINTEXT = 255                | 7   | 00ff             |
      | MAX_PLAINTEXT = 1169               | 7   | 0491             |
      | MAX_ACK_DELAY_MS = 16384           | 8   | 4000             |

  @FRM-SET-5 @CHN-FLOW-1 @must
  Scenario: A SETTINGS frame with no entries gives every stream the default limit of 262 144 bytes
    # FRM-SET-5: "A receiver MUST use the default of every tag that the peer's SETTINGS omits."
    # INITIAL_MAX_STREAM_DATA defaults to 262 144.
    When a tester peer negotiates a channel whose INITIATE declares a SETTINGS frame with no entries
    Then the IUT sends no byte beyond stream offset 262144 on a source stream of 300000 bytes until the peer raises the stream's limit, and then the rest

  @FRM-SET-5 @CHN-FLOW-1 @must
  Scenario: A SETTINGS frame that omits INITIAL_MAX_STREAM_DATA gives every stream the default limit of 262 144 bytes
    # FRM-SET-5: "A receiver MUST use the default of every tag that the peer's SETTINGS omits."
    When a tester peer negotiates a channel whose INITIATE declares the SETTINGS entries:
      | tag | value            |
      | 3   | 0000000000200000 |
      | 8   | 0019             |
    Then the IUT sends no byte beyond stream offset 262144 on a source stream of 300000 bytes until the peer raises the stream's limit, and then the rest

  @FRM-SET-7 @must @negative
  Scenario: A SETTINGS frame that is not the first frame of its packet closes the channel with PROTOCOL_VIOLATION
    # FRM-SET-7: "A receiver MUST close the channel with PROTOCOL_VIOLATION when a SETTINGS frame is not
    # the first frame of its packet, or differs from the first SETTINGS frame it accepted from the peer."
    Given a tester peer with a channel to the IUT
    When the peer sends a packet with a PING and then its SETTINGS frame again, byte for byte
    Then the IUT closes the channel with PROTOCOL_VIOLATION

  @FRM-SET-7 @must @negative
  Scenario: A SETTINGS frame that differs from the first one accepted closes the channel with PROTOCOL_VIOLATION
    # FRM-SET-7: "... or differs from the first SETTINGS frame it accepted from the peer."
    Given a tester peer with a channel to the IUT
    When the peer sends a packet that begins with a SETTINGS frame declaring MAX_ACK_DELAY_MS 26 instead of 25
    Then the IUT closes the channel with PROTOCOL_VIOLATION

  @FRM-SET-8 @must
  Scenario: A SETTINGS frame identical to the first one, as the first frame of a later packet, is ignored
    # FRM-SET-8: "A receiver MUST ignore a SETTINGS frame that is byte-for-byte identical to the first
    # one it accepted."
    Given a tester peer with a channel to the IUT
    When the peer sends a packet that begins with its SETTINGS frame again, byte for byte, followed by a PING
    Then the IUT keeps the channel open: a new echo stream returns a record of 200 random bytes
