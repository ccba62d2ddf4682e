Feature: 7 Frames
  Malformed frames close the channel with the error section 13 names.

  Background:
    Given a tester peer with a channel to the IUT

  @FRM-STREAM-2 @FRM-CLOSE-1 @CHN-CLOSE-1 @must
  Scenario: A STREAM frame on LSID 0 closes the channel with FRAME_ENCODING_ERROR
    # FRM-STREAM-2: "A receiver MUST treat a STREAM frame whose LSID is 0 as verdict STREAM_LSID_ZERO
    # and close the channel with FRAME_ENCODING_ERROR."
    When the peer sends a STREAM frame with LSID 0 carrying a record of 40 bytes
    Then the IUT closes the channel with FRAME_ENCODING_ERROR
    # FRM-CLOSE-1: "A sender MUST make CLOSE the last frame of its packet, apart from trailing zero bytes."
    And the CLOSE is the last frame of its packet
