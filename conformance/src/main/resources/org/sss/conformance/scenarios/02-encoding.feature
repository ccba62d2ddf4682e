Feature: 2 Encoding
  Strings and reserved bits as a receiver must judge them (SPEC.md section 2.2). Each scenario sends
  one fault and expects the action that section 13 names for its verdict.

  # PKT-ENC-3: "A receiver MUST treat a string that is not well-formed UTF-8 (including overlong forms,
  # surrogate code points and truncated sequences) in a frame as verdict STRING_NOT_UTF8 and close the
  # channel with FRAME_ENCODING_ERROR."
  @PKT-ENC-3 @must @negative
  Scenario Outline: A RESET reason that is not UTF-8 (<form>) closes the channel with FRAME_ENCODING_ERROR
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer sends a RESET for the stream whose reason is the bytes <bytes>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | form                         | bytes    |
      | overlong encoding of "/"     | 61c0af62 |
      | surrogate code point D800    | eda080   |
      | sequence cut after 2 of 3    | 41e282   |

  @PKT-ENC-3 @must @negative
  Scenario: A GOAWAY reason that is not UTF-8 closes the channel with FRAME_ENCODING_ERROR
    Given a tester peer with a channel to the IUT
    When the peer sends a GOAWAY whose reason is the bytes 6f6bff
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

  # A service name is not in a frame but in a service message: there SVC-GEN-5 names the verdict
  # SERVICE_MESSAGE_MALFORMED ("holds a string that is not well-formed UTF-8") and SVC-GEN-6 the action:
  # "resetting the stream with PROTOCOL_VIOLATION, and MUST NOT close the channel for it."
  @PKT-ENC-3 @SVC-GEN-5 @SVC-GEN-6 @must @negative
  Scenario: A service name that is not UTF-8 resets its stream with PROTOCOL_VIOLATION, not the channel
    Given a tester peer with a channel to the IUT
    When the peer opens a stream whose connect request names the service by the bytes 6563c3 and the protocol "sss-test/1"
    Then the IUT resets the stream with PROTOCOL_VIOLATION
    And the channel still works: echo returns a record of 64 random bytes

  # PKT-ENC-5: "A receiver MUST reject a reserved bit or field that is not zero in a message plaintext, with
  # the verdict and error that the section defining the field names." (CHN-HDR-2: HEADER_RESERVED_BITS;
  # FRM-STREAM-5: FRAME_RESERVED_BITS; both close with FRAME_ENCODING_ERROR.)
  @PKT-ENC-5 @must @negative
  Scenario Outline: A reserved header bit (<bit>) closes the channel with FRAME_ENCODING_ERROR
    Given a tester peer with a channel to the IUT
    When the peer sends a PING in a packet whose header flags byte is <flags>
    Then the IUT closes the channel with FRAME_ENCODING_ERROR

    Examples:
      | bit  | flags |
      | 0x20 | 20    |
      | 0x80 | 80    |

  @PKT-ENC-5 @must @negative
  Scenario: A reserved STREAM flag closes the channel with FRAME_ENCODING_ERROR
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer opens a substream under the stream with a record of 30 random bytes whose STREAM flags also carry the reserved bit 0002
    Then the IUT closes the channel with FRAME_ENCODING_ERROR
