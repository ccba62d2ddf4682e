Feature: 9 Service requests
  Connect and list requests on top-level streams (SPEC.md section 9).

  Background:
    Given a tester peer with a channel to the IUT

  @SVC-CONN-3 @TST-GEN-1 @must
  Scenario Outline: Every test service accepts sss-test/1
    # TST-GEN-1: the IUT "MUST reply OK to a connect request for any of them"
    When the peer connects to service "<service>" with protocol "sss-test/1"
    Then the IUT replies with status OK

    Examples:
      | service       |
      | echo          |
      | discard       |
      | source        |
      | datagram-echo |

  @SVC-CONN-4 @must
  Scenario: An unknown service is refused with SERVICE_NOT_FOUND and FIN
    When the peer connects to service "no-such-service" with protocol "sss-test/1"
    Then the IUT replies with status SERVICE_NOT_FOUND
    # SVC-CONN-4: "After a reply other than OK, the acceptor MUST send FIN right after the reply record"
    And the IUT sends FIN right after the reply record

  @SVC-STATUS-2 @SVC-CONN-4 @must
  Scenario: A known service with an unknown protocol is refused with PROTOCOL_NOT_FOUND
    # SVC-STATUS-2: "An acceptor MUST reply PROTOCOL_NOT_FOUND, not SERVICE_NOT_FOUND, when it offers the
    # service but not the protocol."
    When the peer connects to service "echo" with protocol "sss-test/999"
    Then the IUT replies with status PROTOCOL_NOT_FOUND
    And the IUT sends FIN right after the reply record

  @SVC-LIST-2 @SVC-LIST-4 @TST-GEN-2 @must
  Scenario: The IUT lists the four test services in byte order of name
    When the peer lists the services
    # SVC-LIST-2: "An acceptor MUST answer a list request with one reply record followed by FIN."
    Then the IUT answers with one reply record followed by FIN
    # TST-GEN-2: the four services "with the descriptions in the table above"
    # SVC-LIST-4: "An acceptor MUST list entries in ascending byte order of name"
    And the services listed are, in ascending byte order of name:
      | datagram-echo | echoes each datagram as a new datagram     |
      | discard       | reads and discards everything              |
      | echo          | echoes bytes, records and substreams       |
      | source        | sends a requested amount of patterned data |

  @TST-GEN-2 @SVC-LIST-2 @must
  Scenario Outline: Each test service lists sss-test/1 among its protocols
    When the peer lists the protocols of service "<service>"
    Then the protocols listed for "<service>" include "sss-test/1"

    Examples:
      | service       |
      | echo          |
      | discard       |
      | source        |
      | datagram-echo |

  @SVC-LIST-3 @must
  Scenario: Listing the protocols of an unknown service answers SERVICE_NOT_FOUND
    # SVC-LIST-3: "An acceptor MUST answer a list-protocols request for a service it does not offer with
    # status SERVICE_NOT_FOUND."
    When the peer lists the protocols of service "no-such-service"
    Then the list reply has status SERVICE_NOT_FOUND
