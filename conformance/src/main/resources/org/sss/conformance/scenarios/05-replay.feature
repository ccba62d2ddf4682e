Feature: 5 INITIATEs that arrive again: the retransmission path and the replay cache
  The IUT as responder takes an INITIATE whose I' names a live channel down the retransmission path
  (SPEC.md section 5.5, steps R1 to R4), which needs no cookie, and remembers the cookies that created
  channels so that an INITIATE replayed after its channel is gone creates nothing (section 4.6).

  @NEG-RPROC-3 @must
  Scenario: A retransmitted INITIATE for a live channel is processed without looking at its cookie
    # NEG-RPROC-3, step 2: "If a live channel exists whose peer short-term key equals the packet's I', the
    # packet is a retransmission for that channel and goes to step R1 below; steps 3 to 12 are skipped."
    # R4: its message is processed as a packet of the channel, so its PING is acknowledged.
    Given a tester peer with a channel to the IUT under a long-term key the scenario holds
    When the peer sends its live channel a new INITIATE carrying a PING and 96 random bytes in place of a cookie
    Then the IUT acknowledges that INITIATE's packet number

  @NEG-RPROC-3 @must @negative
  Scenario Outline: A retransmitted INITIATE that fails R2 or R3 is dropped
    # R2: "Open the box with the channel's key K and the prefix cUVVYcp-CLIENT-i (verdict BOX_OPEN_FAILED)."
    # R3: "Compare the I in the plaintext with the channel's peer identity (verdict VOUCH_INVALID when they differ)."
    Given a tester peer with a channel to the IUT under a long-term key the scenario holds
    When the peer sends its live channel a new INITIATE carrying a PING, with its cookie but <fault>
    Then the channel still works: echo returns a record of 200 random bytes
    And the IUT never acknowledges that INITIATE

    Examples:
      | fault                             |
      | naming another initiator identity |
      | a box that does not open          |

  @CRY-COOKIE-7 @NEG-ERR-1 @must @must-not @negative
  Scenario: An INITIATE replayed after its channel is gone creates no channel
    # CRY-COOKIE-7: "A responder MUST remember each cookie that created a channel (its 96 bytes, or a
    # collision-resistant digest of them) for 120 s after the INITIATE that carried it was accepted."
    # The replay comes while the cookie would still open (younger than the rotation period), once the
    # IUT has closed and discarded the channel (it no longer answers in the closing state).
    Given a tester peer with a channel to the IUT
    When the peer makes the IUT close the channel with a MESSAGE whose header has a reserved bit set
    And the peer waits until the IUT no longer answers on the channel
    And the peer sends the INITIATE that created its channel again, while its cookie is still within its lifetime
    Then the IUT sends no datagram in answer to the replayed INITIATE
