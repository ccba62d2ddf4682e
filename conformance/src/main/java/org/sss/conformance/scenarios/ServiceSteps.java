package org.sss.conformance.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.sss.conformance.peer.StreamInbox;
import org.sss.conformance.peer.TesterPeer;
import org.sss.conformance.peer.wire.ServiceMessages;
import org.sss.spec.kaitai.Sss;

/** Steps of SPEC.md section 9 (service requests): connect, list services, list protocols. */
public class ServiceSteps {
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
}
