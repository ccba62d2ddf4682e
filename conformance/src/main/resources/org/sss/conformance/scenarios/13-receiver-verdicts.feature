Feature: 13 Receiver verdicts
  When several faults are present, the verdict is that of the first check that fails (SPEC.md
  section 13). The scenarios combine two faults whose verdicts close the channel with different
  error codes, so that the code shows which check came first.

  # FRM-GEN-8: "Within one frame, a receiver MUST check the fields in layout order and report the verdict of the
  # first field at fault ..." Section 13: "For SETTINGS, each entry is checked in turn: SETTINGS_NOT_ASCENDING on
  # its tag, FRAME_TRUNCATED on its value, then SETTINGS_BAD_VALUE." (SETTINGS_BAD_VALUE closes with
  # SETTINGS_ERROR, SETTINGS_NOT_ASCENDING with FRAME_ENCODING_ERROR.)
  @FRM-GEN-8 @must @negative
  Scenario Outline: In the INITIATE's SETTINGS the first faulty entry wins: <case>
    Given a tester peer whose SETTINGS entries are "<entries>"
    Then the IUT closes the channel with <error>

    Examples:
      | case                                                      | entries                             | error                |
      | a bad FEC value, then tags out of order                   | 1=01 3=0000000000100000 2=0000      | SETTINGS_ERROR       |
      | tags out of order on an entry whose value is also bad     | 3=0000000000100000 1=01             | FRAME_ENCODING_ERROR |

  # CHN-HDR-1: "A receiver MUST check a packet header in this order and stop at the first fault: (1) the plaintext
  # has at least 1 byte, (2) the bits 0xE0 are zero, (3) the bits 0x12 are zero, (4) the plaintext holds the fields
  # the flags announce, (5) the version, when present, is 1." Section 13: the header comes before the frames.
  @CHN-HDR-1 @FRM-GEN-8 @must @negative
  Scenario Outline: The header is judged before the frames, and its fields in order: <case>
    Given a tester peer with a channel to the IUT
    When the peer sends a packet whose header has flags <flags> and version <version>, then the frame bytes <frame>
    Then the IUT closes the channel with <error>

    Examples:
      | case                                            | flags | version | frame | error                |
      | reserved bit 0x20 and version 2                 | 21    | 2       | 0e    | FRAME_ENCODING_ERROR |
      | version 2, then an unknown frame type 0x11      | 01    | 2       | 11    | VERSION_MISMATCH     |
