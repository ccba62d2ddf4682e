Feature: 7.5, 7.14 to 7.16 Channel control frames
  How the IUT receives DECONGESTION, GOAWAY, PING, PATH_CHALLENGE and PATH_RESPONSE (SPEC.md
  sections 7.5 and 7.14 to 7.16).

  Background:
    Given a tester peer with a channel to the IUT

  @FRM-DECONG-1 @must @negative
  Scenario Outline: A DECONGESTION frame with <fault> closes the channel with FRAME_ENCODING_ERROR
    # FRM-DECONG-1: "A receiver MUST treat a DECONGESTION frame whose subtype is not 1 to 4, or whose
    # num_samples or num_received is 0, as verdict UNKNOWN_CONGESTION_FEEDBACK and close the channel
    # with FRAME_ENCODING_ERROR."
    When the peer sends a DECONGESTION frame with <fault>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | fault                                      |
      | subtype 0                                  |
      | subtype 5                                  |
      | LEDBAT feedback with num_samples 0         |
      | INTER_ARRIVAL feedback with num_received 0 |

  @FRM-DECONG-3 @must
  Scenario Outline: A well-formed <subtype> DECONGESTION frame about packets the IUT never sent is ignored
    # FRM-DECONG-3: "A receiver MUST ignore samples that name packets it did not send, and MAY ignore
    # the content of any well-formed DECONGESTION frame." The IUT asked for no feedback (CHN-CC-5).
    When the peer sends a well-formed <subtype> DECONGESTION frame with random content naming packets the IUT never sent
    Then the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

    Examples:
      | subtype       |
      | CUBIC         |
      | CHICAGO       |
      | LEDBAT        |
      | INTER_ARRIVAL |

  @FRM-GOAWAY-1 @must @negative
  Scenario Outline: A GOAWAY whose last_peer_lsid <lsid> has the peer's own parity closes the channel with PROTOCOL_VIOLATION
    # FRM-GOAWAY-1: "A receiver MUST close the channel with PROTOCOL_VIOLATION when last_peer_lsid is
    # neither 0 nor of the receiver's own parity (section 8.2)." The IUT, as responder, has even LSIDs.
    When the peer sends a GOAWAY with last_peer_lsid <lsid> and error code 0x00000000
    Then the IUT closes the channel with PROTOCOL_VIOLATION

    Examples:
      | lsid       |
      | 1          |
      | 4294967295 |

  @FRM-GOAWAY-1 @FRM-GOAWAY-3 @FRM-CLOSE-5 @must
  Scenario: GOAWAYs naming 0 or an LSID of the IUT's parity, repeated, decreasing and with an unknown error code, are accepted
    # FRM-GOAWAY-1 allows 0 and the receiver's parity; FRM-GOAWAY-2: a sender "may send GOAWAY more
    # than once"; FRM-GOAWAY-3 closes only on an increase; FRM-CLOSE-5: "A receiver MUST accept any
    # error code in CLOSE, RESET or GOAWAY". The peer that sent GOAWAY may still open streams itself.
    When the peer sends a GOAWAY with last_peer_lsid 4 and error code 0xFFFFFFFF
    And the peer sends a GOAWAY with last_peer_lsid 4 and error code 0x00000000
    And the peer sends a GOAWAY with last_peer_lsid 0 and error code 0x00000000
    Then the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

  @FRM-GOAWAY-3 @must @negative
  Scenario: A GOAWAY with a greater last_peer_lsid than an earlier GOAWAY closes the channel with PROTOCOL_VIOLATION
    # FRM-GOAWAY-3: "A receiver MUST close the channel with PROTOCOL_VIOLATION when a GOAWAY has a
    # greater last_peer_lsid than an earlier GOAWAY on the channel."
    When the peer sends a GOAWAY with last_peer_lsid 2 and error code 0x00000000
    And the peer sends a GOAWAY with last_peer_lsid 4 and error code 0x00000000
    Then the IUT closes the channel with PROTOCOL_VIOLATION

  @FRM-PING-1 @must
  Scenario: A packet that carries only a PING is acknowledged, and the PING has no other effect
    # FRM-PING-1: "A receiver MUST treat a packet containing PING as ack-eliciting and take no other
    # action on the PING."
    When the peer sends a packet that carries only a PING
    Then the IUT acknowledges that packet
    And the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes

  @FRM-PATH-1 @FRM-PATH-3 @must @must-not
  Scenario: A PATH_CHALLENGE is answered at once with exactly one PATH_RESPONSE carrying the same data
    # FRM-PATH-1: "A receiver of PATH_CHALLENGE MUST send, in its next packet and to the address from
    # which the challenge came, a PATH_RESPONSE with the same data."
    # FRM-PATH-3: "An endpoint MUST NOT send more than one PATH_RESPONSE for one PATH_CHALLENGE frame."
    When the peer sends a PATH_CHALLENGE with 8 random bytes
    Then the IUT answers it with a PATH_RESPONSE carrying the same 8 bytes, before any other packet that acknowledges the challenge
    And the IUT sends no second PATH_RESPONSE for that challenge

  @FRM-PATH-2 @must
  Scenario: A PATH_RESPONSE that matches no PATH_CHALLENGE is ignored
    # FRM-PATH-2: "A receiver MUST ignore a PATH_RESPONSE whose data matches no PATH_CHALLENGE it sent
    # that is still outstanding."
    When the peer sends a PATH_RESPONSE with 8 random bytes that answer no challenge
    Then the IUT keeps the channel open: a new echo stream returns a record of 100 random bytes
