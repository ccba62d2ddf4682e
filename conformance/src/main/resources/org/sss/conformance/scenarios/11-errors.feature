Feature: 11 Error codes
  Error codes the IUT receives (SPEC.md section 11). The codes it sends are judged by the packet
  checker (FRM-ERR-1) in every scenario, and asserted in 00-every-packet.feature.

  # FRM-CLOSE-5: "A receiver MUST accept any error code in CLOSE, RESET or GOAWAY, and SHOULD present an unknown
  # code below 0x10000 as INTERNAL_ERROR." Section 11: "Receivers accept every code". The tester breaks
  # FRM-ERR-1 on purpose for the reserved codes.
  @FRM-CLOSE-5 @must @negative
  Scenario Outline: A RESET with the code <code> (<range>) is accepted and the channel keeps working
    Given a tester peer with a channel to the IUT
    And the peer connects to service "echo" with protocol "sss-test/1"
    When the peer resets the stream with the unassigned error code <code>
    Then the channel still works: echo returns a record of 100 random bytes

    Examples:
      | code     | range                    |
      | 10       | reserved, lowest         |
      | ffff     | reserved, highest        |
      | 10000    | application, lowest      |
      | ffffffff | application, highest     |
