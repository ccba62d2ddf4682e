Feature: 8.8 Priorities
  The order in which the IUT sends new data of several streams once flow control lets them go. The
  tester peer declares a small stream limit and holds its credit, so that every source stream is
  blocked with data pending; then it changes priorities and raises all limits in one packet, and reads
  the order off the packets the IUT sends (no timing is asserted).

  Background:
    Given a tester peer with a channel to the IUT, granting 1024 bytes of credit per stream and raising it only when told

  @STR-PRIO-2 @STR-PRIO-3 @must @must-not
  Scenario: A PRIORITY frame makes a stream's pending data go before a lower-priority stream's
    # STR-PRIO-2: "An endpoint MUST use for its own sending on a stream the priority most recently set
    # locally or received in a PRIORITY frame, whichever came last."
    # STR-PRIO-3: "A sender MUST NOT send new data of a stream while a stream of strictly higher priority
    # (a smaller value) has new data that flow control and congestion control would let it send."
    Given source streams A and B, each blocked by flow control with 30000 bytes to send
    When the peer sets the priority of B to 1000 and gives A and B 20000 more bytes of credit, in one packet
    Then the IUT sends all 20000 bytes of the new credit of B before any new data of A

  @STR-PRIO-1 @STR-PRIO-3 @must @must-not
  Scenario: A top-level stream's default priority is 2^31
    # STR-PRIO-1: "An endpoint MUST give ... a top-level stream the priority 2^31 (0x80000000), until a
    # PRIORITY frame or the application changes it."
    Given source streams A, B and C, each blocked by flow control with 30000 bytes to send
    When the peer sets the priority of B to 2147483649 and of C to 2147483647 and gives A, B and C 20000 more bytes of credit, in one packet
    Then the IUT sends all 20000 bytes of the new credit of C before any new data of A
    And the IUT sends all 20000 bytes of the new credit of A before any new data of B

  @STR-PRIO-4 @should
  Scenario: Streams of equal priority share the sending capacity
    # STR-PRIO-4: "A sender SHOULD share the sending capacity among streams of equal priority fairly,
    # round-robin by bytes."
    Given source streams A and B, each blocked by flow control with 30000 bytes to send
    When the peer gives A and B 20000 more bytes of credit, in one packet
    Then neither A nor B gets more than three quarters of the first 20000 new bytes the IUT sends
