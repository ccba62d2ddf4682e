package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.Hex;
import org.sss.conformance.peer.wire.ServiceMessages;
import org.sss.spec.kaitai.Sss;

/**
 * Steps of SPEC.md section 9 (service requests): connect, list services, list protocols, byte-exact
 * names, the well-formed reply (SVC-GEN-2, SVC-GEN-3) and malformed first records, which reset one
 * stream and leave the channel open (SVC-GEN-5, SVC-GEN-6).
 */
public class ServiceSteps {
    /** The request sent by {@link #sendOnNewStream}: its operation, for SVC-GEN-2. */
    private int requestOperation;

    private ScenarioContext context() {
        return ScenarioContext.current();
    }

    @When("the peer connects to service {string} with protocol {string}")
    public void connect(String service, String protocol) {
        context().stream = context().peer().openStream(service, protocol);
        context().sent.reset();
        context().sentBoundaries.clear();
    }

    @Then("the IUT replies with status {status}")
    public void repliesWith(Sss.ServiceStatus status) {
        StreamInbox inbox = context().awaitReply(context().stream);
        long actual = ServiceMessages.connectReplyStatus(inbox.records().get(0));
        assertThat(Sss.ServiceStatus.byId(actual)).as("connect reply status %d", actual).isEqualTo(status);
    }

    @Then("the IUT sends FIN right after the reply record")
    public void finAfterReply() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(inbox.finalSize()).as("SVC-CONN-4: final size %s", inbox)
                .isEqualTo(inbox.recordBoundaries().first());
    }

    @When("the peer lists the services")
    public void listServices() {
        sendListRequest(ServiceMessages.listServicesRequest());
    }

    @When("the peer lists the protocols of service {string}")
    public void listProtocols(String service) {
        sendListRequest(ServiceMessages.listProtocolsRequest(service));
    }

    private void sendListRequest(byte[] request) {
        TesterPeer peer = context().peer();
        long lsid = peer.openSubstream(0);
        peer.sendStreamData(lsid, request, true, true); // SVC-LIST-1: the only record, then FIN
        context().stream = lsid;
    }

    private Sss.ServiceReply listReply() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        List<byte[]> records = inbox.records();
        assertThat(records).as("SVC-LIST-2: one reply record followed by FIN, %s", inbox).hasSize(1);
        Sss.ServiceMessage message = ServiceMessages.parse(records.get(0));
        assertThat(message.kind()).isEqualTo(Sss.ServiceMessageKind.REPLY);
        return (Sss.ServiceReply) message.body();
    }

    @Then("the IUT answers with one reply record followed by FIN")
    public void oneReplyThenFin() {
        listReply();
    }

    @Then("the list reply has status {status}")
    public void listStatus(Sss.ServiceStatus status) {
        Object body = listReply().body();
        long actual = body instanceof Sss.ListServicesReply s ? s.status() : ((Sss.ListProtocolsReply) body).status();
        assertThat(Sss.ServiceStatus.byId(actual)).as("list reply status %d", actual).isEqualTo(status);
    }

    @Then("the services listed are, in ascending byte order of name:")
    public void servicesListed(DataTable expected) {
        Sss.ListServicesReply reply = (Sss.ListServicesReply) listReply().body();
        assertThat(reply.status()).isEqualTo(Sss.ServiceStatus.OK.id());
        List<List<String>> listed = reply.entries().stream()
                .map(e -> List.of(e.name().value(), e.description().value())).toList();
        assertThat(listed).as("TST-GEN-2, SVC-LIST-4").isEqualTo(expected.asLists());
        for (int i = 1; i < listed.size(); i++) {
            byte[] a = listed.get(i - 1).get(0).getBytes(StandardCharsets.UTF_8);
            byte[] b = listed.get(i).get(0).getBytes(StandardCharsets.UTF_8);
            assertThat(Arrays.compareUnsigned(a, b)).as("SVC-LIST-4: byte order").isNegative();
        }
    }

    @Then("the protocols listed for {string} include {string}")
    public void protocolsInclude(String service, String protocol) {
        Sss.ListProtocolsReply reply = (Sss.ListProtocolsReply) listReply().body();
        assertThat(reply.status()).isEqualTo(Sss.ServiceStatus.OK.id());
        assertThat(reply.service().value()).isEqualTo(service);
        assertThat(reply.entries()).extracting(e -> e.name().value()).as("TST-GEN-2").contains(protocol);
    }

    // ---------------------------------------------------------------- malformed messages, byte-exact names, replies

    @When("the peer opens a top-level stream whose first record is {}")
    public void malformedFirstRecord(String which) {
        StreamScenario streams = StreamScenario.current();
        StreamScenario.Opened s = streams.allocateTopLevel("M");
        if (which.endsWith("cut short by FIN")) {
            // SVC-GEN-5 "is cut short by FIN": part of a request and FIN, no record boundary
            byte[] request = ServiceMessages.connectRequest("echo", "sss-test/1");
            StreamScenario.sendEach(s.peer, streams.frames(s, Arrays.copyOf(request, request.length - 3), false, true));
            return;
        }
        StreamScenario.sendEach(s.peer, streams.requestFrames(s, malformed(which)));
    }

    /** The first records of SVC-GEN-5's malformed cases, written big-endian (PKT-ENC-1). */
    private static byte[] malformed(String which) {
        byte[] echo = ServiceMessages.connectRequest("echo", "sss-test/1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream w = new DataOutputStream(bytes);
        try {
            switch (which) {
                case "a connect request to echo padded to 1025 bytes" -> {
                    w.write(echo);
                    w.write(new byte[1025 - echo.length]);
                }
                case "a message of unknown kind 3" -> head(w, 3, ServiceMessages.CONNECT).write(names("echo", "sss-test/1"));
                case "a request of unknown operation 9" -> head(w, ServiceMessages.REQUEST, 9).write(names("echo",
                        "sss-test/1"));
                case "a connect reply, the wrong kind for the opener" -> w.write(ServiceMessages.connectReply(0, ""));
                case "a connect request to echo with one byte after its body" -> {
                    w.write(echo);
                    w.writeByte(0);
                }
                case "a connect request whose service name is not UTF-8" -> {
                    head(w, ServiceMessages.REQUEST, ServiceMessages.CONNECT).writeShort(4);
                    w.write(new byte[] {'e', (byte) 0xC3, 0x28, 'o'}); // 0xC3 0x28: a lead byte without its continuation
                    w.write(names("sss-test/1"));
                }
                case "a connect request with an empty service name" -> head(w, ServiceMessages.REQUEST,
                        ServiceMessages.CONNECT).write(names("", "sss-test/1"));
                case "a connect request with a protocol name of 256 bytes" -> head(w, ServiceMessages.REQUEST,
                        ServiceMessages.CONNECT).write(names("echo", "p".repeat(256)));
                case "a connect request whose protocol string is cut off" -> {
                    head(w, ServiceMessages.REQUEST, ServiceMessages.CONNECT).write(names("echo"));
                    w.writeShort(10);
                    w.write("sss".getBytes(StandardCharsets.UTF_8));
                }
                case "a list-services request with one byte after its body" -> {
                    w.write(ServiceMessages.listServicesRequest());
                    w.writeByte(0);
                }
                default -> throw new IllegalArgumentException("no malformed case '" + which + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static DataOutputStream head(DataOutputStream w, int kind, int operation) throws IOException {
        w.writeByte(kind);
        w.writeByte(operation);
        return w;
    }

    /** Strings as section 2.2 encodes them: a u2 length, then the UTF-8 bytes. */
    private static byte[] names(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream w = new DataOutputStream(bytes);
        for (String name : names) {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            w.writeShort(b.length);
            w.write(b);
        }
        return bytes.toByteArray();
    }

    @When("the peer connects to service {string} with protocol {string} and sends a record of {int} random bytes and FIN at once")
    public void connectWithData(String service, String protocol, int size) {
        connect(service, protocol);
        context().peer().sendRecord(context().stream, context().randomBytes(size));
        context().peer().finish(context().stream);
    }

    @Then("the IUT sent nothing on that stream but the reply")
    public void onlyReply() {
        StreamInbox inbox = context().awaitFinished(context().stream);
        assertThat(inbox.highestOffset()).as("SVC-CONN-4: bytes after the reply record, %s", inbox)
                .isEqualTo(inbox.recordBoundaries().first());
    }

    @When("the peer sends {} on a new top-level stream")
    public void sendOnNewStream(String request) {
        byte[] message;
        switch (request) {
            case "a connect request to echo" -> message = ServiceMessages.connectRequest("echo", "sss-test/1");
            case "a connect request to a missing service" -> message = ServiceMessages.connectRequest("no-such-service",
                    "sss-test/1");
            case "a list-services request" -> message = ServiceMessages.listServicesRequest();
            case "a list-protocols request for source" -> message = ServiceMessages.listProtocolsRequest("source");
            default -> throw new IllegalArgumentException("no request '" + request + "'");
        }
        requestOperation = message[1];
        TesterPeer peer = context().peer();
        long lsid = peer.openSubstream(0);
        // SVC-LIST-1: a list request is the only record, followed by FIN
        peer.sendStreamData(lsid, message, true, requestOperation != ServiceMessages.CONNECT);
        context().stream = lsid;
    }

    @Then("the IUT's first record there is a reply of operation {string}, of at most 1024 bytes, that parses with nothing after its body")
    public void wellFormedReply(String operation) {
        int expected = switch (operation) {
            case "connect" -> ServiceMessages.CONNECT;
            case "list services" -> ServiceMessages.LIST_SERVICES;
            case "list protocols" -> ServiceMessages.LIST_PROTOCOLS;
            default -> throw new IllegalArgumentException("no operation '" + operation + "'");
        };
        assertThat(expected).isEqualTo(requestOperation);
        StreamInbox inbox = context().awaitReply(context().stream);
        byte[] reply = inbox.records().get(0);
        assertThat(reply.length).as("SVC-GEN-3: the reply record's length").isLessThanOrEqualTo(1024);
        Sss.ServiceMessage message;
        try {
            message = ServiceMessages.parse(reply);
        } catch (RuntimeException e) {
            throw new AssertionError("SVC-GEN-3: the IUT's reply record does not parse as one service message: " + e
                    + "; record " + Hex.of(reply), e);
        }
        assertThat(message.kind()).as("SVC-GEN-2: kind of the first record").isEqualTo(Sss.ServiceMessageKind.REPLY);
        assertThat(message.operation().id()).as("SVC-GEN-2: operation of the reply").isEqualTo(expected);
    }
}
