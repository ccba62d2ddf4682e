Feature: 7.6, 7.7, 7.10 to 7.13 Frames that name a stream
  How the IUT receives DETACH, RESET, PRIORITY, MAX_DATA, MAX_STREAM_DATA and BLOCKED (SPEC.md
  sections 7.6 to 7.13): LSID 0 is a PROTOCOL_VIOLATION where the spec says so, an LSID that is not
  live is ignored, and an ignored frame leaves the channel serving.

  Background:
    Given a tester peer with a channel to the IUT

  @must @negative
  Scenario Outline: A <frame> frame for LSID 0 closes the channel with PROTOCOL_VIOLATION
    # LSID 0 is the root stream, which never carries data and cannot be reset, prioritised or detached.
    When the peer sends a <frame> frame for LSID 0
    Then the IUT closes the channel with PROTOCOL_VIOLATION

    # FRM-PRIO-1: "A receiver MUST close the channel with PROTOCOL_VIOLATION on a PRIORITY frame for LSID 0."
    @FRM-PRIO-1
    Examples: PRIORITY
      | frame    |
      | PRIORITY |

    # FRM-DETACH-3: "A receiver MUST close the channel with PROTOCOL_VIOLATION on a DETACH for LSID 0, ..."
    @FRM-DETACH-3
    Examples: DETACH
      | frame  |
      | DETACH |

    # FRM-RESET-3: "A receiver MUST close the channel with PROTOCOL_VIOLATION on a RESET for LSID 0."
    @FRM-RESET-3
    Examples: RESET
      | frame |
      | RESET |

    # FRM-MAXSD-1: "A receiver MUST close the channel with PROTOCOL_VIOLATION on a MAX_STREAM_DATA
    # frame for LSID 0."
    @FRM-MAXSD-1
    Examples: MAX_STREAM_DATA
      | frame           |
      | MAX_STREAM_DATA |

  @negative
  Scenario Outline: A <frame> frame for LSID <lsid>, <which>, is ignored
    When the peer sends a <frame> frame for LSID <lsid>
    Then the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

    # FRM-PRIO-2: "A receiver MUST ignore a PRIORITY frame for an LSID that is not live on the channel."
    # STR-ID-5 closes only for STREAM, RESET and MAX_STREAM_DATA naming an unchosen LSID of the
    # receiver's parity, so an even LSID is ignored here too.
    @FRM-PRIO-2 @must
    Examples: PRIORITY
      | frame    | lsid | which                                      |
      | PRIORITY | 1001 | which the peer never opened                |
      | PRIORITY | 1000 | of the IUT's parity, which it never chose  |

    # FRM-DETACH-3: "... and MUST ignore a DETACH for an LSID that is not live on the channel."
    @FRM-DETACH-3 @must
    Examples: DETACH
      | frame  | lsid | which                                     |
      | DETACH | 1001 | which the peer never opened               |
      | DETACH | 1000 | of the IUT's parity, which it never chose |

    # FRM-MAXSD-2: "A receiver MUST ignore a MAX_STREAM_DATA frame for a stream that is not live or
    # whose sending side has finished."
    @FRM-MAXSD-2 @must
    Examples: MAX_STREAM_DATA
      | frame           | lsid | which                       |
      | MAX_STREAM_DATA | 1001 | which the peer never opened |

    # FRM-BLOCKED-1: "A receiver MUST NOT treat a BLOCKED frame as an error, whatever stream it names."
    @FRM-BLOCKED-1 @must-not
    Examples: BLOCKED
      | frame   | lsid       | which                                     |
      | BLOCKED | 0          | the channel-wide limit                    |
      | BLOCKED | 1001       | which the peer never opened               |
      | BLOCKED | 1000       | of the IUT's parity, which it never chose |
      | BLOCKED | 4294967295 | the largest LSID                          |

  @FRM-MAXSD-2 @must
  Scenario: A MAX_STREAM_DATA frame for a stream whose sending side has finished is ignored
    # FRM-MAXSD-2: "A receiver MUST ignore a MAX_STREAM_DATA frame for a stream that is not live or
    # whose sending side has finished."
    Given the peer has opened an echo stream frame by frame
    And the peer sends FIN on that stream and receives the IUT's FIN
    When the peer sends a MAX_STREAM_DATA frame for that stream
    Then the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

  @CHN-FLOW-4 @must
  Scenario: A MAX_DATA frame that does not raise the limit is ignored
    # CHN-FLOW-4: "A receiver MUST ignore a MAX_DATA or MAX_STREAM_DATA frame that does not raise the
    # current limit." (section 7.11: "A MAX_DATA that does not raise the limit is ignored")
    When the peer sends MAX_DATA 1000, below the limit it advertised at first
    Then the IUT keeps the channel open: a new echo stream returns a record of 2000 random bytes

  @FRM-DETACH-2 @must @negative
  Scenario: A STREAM frame in a packet numbered above the peer's DETACH closes the channel with STREAM_STATE_ERROR
    # FRM-DETACH-2: "A receiver MUST close the channel with STREAM_STATE_ERROR when it receives a
    # STREAM frame for an LSID in a packet whose number is greater than that of the packet that
    # carried the peer's DETACH for that LSID."
    Given the peer has opened an echo stream frame by frame
    When the peer sends DETACH for that stream
    And the peer then sends 50 random bytes on that stream in a later packet
    Then the IUT closes the channel with STREAM_STATE_ERROR

  @FRM-DETACH-2 @must
  Scenario: A STREAM frame in a packet numbered below the DETACH's packet is processed normally, even when it arrives after it
    # Section 7.6: "STREAM frames in packets numbered below the DETACH's packet were sent before it and
    # may simply arrive late; they are processed normally."
    Given the peer has opened an echo stream frame by frame
    When the peer sends DETACH for that stream in one packet and then 50 random bytes on that stream in a packet with a lower number
    Then the IUT acknowledges both packets
    And the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

  @FRM-RESET-4 @FRM-RESET-5 @must @must-not
  Scenario: A RESET for a stream that is already closed is ignored, and not answered with RESET
    # FRM-RESET-4: "A receiver MUST ignore a RESET for a stream that is already closed."
    # FRM-RESET-5: "A receiver MUST NOT answer a RESET with a RESET."
    Given the peer has opened an echo stream frame by frame
    And the peer sends FIN on that stream and receives the IUT's FIN
    When the peer sends a RESET frame for that stream
    Then the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes
    And the IUT sent no RESET for that stream

  @FRM-RESET-2 @FRM-RESET-5 @must @must-not
  Scenario Outline: A RESET with error code <code> stops the IUT sending on the stream, and is not answered with RESET
    # FRM-RESET-2: "A receiver of RESET MUST discard the stream's undelivered received data, stop
    # sending on the stream, and report the error code to the application."
    # FRM-RESET-5: "A receiver MUST NOT answer a RESET with a RESET."
    Given the peer has asked the source service for 2000000 bytes and received the first data
    When the peer resets that stream with error code <code>
    Then once the IUT has acknowledged the RESET, it sends no more STREAM frames on that stream, and no RESET
    And the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

    Examples:
      | code      |
      | CANCELLED |

    # FRM-CLOSE-5: "A receiver MUST accept any error code in CLOSE, RESET or GOAWAY, ..."
    @FRM-CLOSE-5
    Examples: an error code the IUT does not know
      | code       |
      | 0xFFFFFFFF |
