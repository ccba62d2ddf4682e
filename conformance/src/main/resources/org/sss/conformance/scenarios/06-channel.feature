Feature: 6 Channel
  How the IUT receives MESSAGEs on an established channel (SPEC.md section 6.1).

  Background:
    Given a tester peer with a channel to the IUT

  @CHN-RECV-1 @CHN-RECV-2 @must @must-not
  Scenario: A MESSAGE whose authentication tag is corrupted is ignored
    # Section 6.1 step 4: a box that does not open is dropped (verdict BOX_OPEN_FAILED).
    When the peer sends a MESSAGE carrying a PING whose authentication tag has one bit flipped
    Then the channel still works: echo returns a record of 500 random bytes
    # CHN-RECV-2: "A receiver MUST NOT acknowledge a packet that it dropped at any of steps 1 to 6."
    And the IUT never acknowledges that packet
