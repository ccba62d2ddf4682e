package org.sss.core.wire.vectors;

import static java.util.List.of;

import org.sss.core.wire.ConnectReply;
import org.sss.core.wire.ConnectRequest;
import org.sss.core.wire.ListProtocolsReply;
import org.sss.core.wire.ListProtocolsRequest;
import org.sss.core.wire.ListServicesReply;
import org.sss.core.wire.ListServicesRequest;
import org.sss.core.wire.ServiceEntry;
import org.sss.core.wire.ServiceStatus;
import org.sss.core.wire.WireUnit;

/** service-messages.json: every request and reply, both reply branches. */
final class ServiceVectors {
    private ServiceVectors() {
    }

    static VectorFileBuilder build() {
        VectorFileBuilder file = new VectorFileBuilder("service-messages", "SPEC.md section 9 (Service requests)")
                .note("Typical", "An ordinary request or reply.")
                .note("EdgeValue", "Names of the shortest or longest length, empty messages or lists.")
                .note("UnknownCode", "A status version 1 does not name; it takes the error branch.");
        VectorFileBuilder.Group g = file.group(WireUnit.SERVICE_MESSAGE);
        g.valid("connect request", of("Typical"), new ConnectRequest("echo", "sss-echo/1"));
        g.valid("connect request with names of 1 and 255 bytes", of("EdgeValue"),
                new ConnectRequest("e", "p".repeat(255)));
        g.valid("connect reply OK", of("Typical"), new ConnectReply(ServiceStatus.OK.code(), ""));
        g.valid("connect reply SERVICE_NOT_FOUND", of("Typical"),
                new ConnectReply(ServiceStatus.SERVICE_NOT_FOUND.code(), "no service \"www\""));
        g.valid("connect reply BUSY", of("Typical"), new ConnectReply(ServiceStatus.BUSY.code(), "try later"));
        g.valid("list services request", of("Typical"), new ListServicesRequest());
        g.valid("list services reply OK with two entries", of("Typical"), ListServicesReply.ok(of(
                new ServiceEntry("echo", "returns what it receives"), new ServiceEntry("discard", "drops everything"))));
        g.valid("list services reply OK with no entries", of("EdgeValue"), ListServicesReply.ok(of()));
        g.valid("list services reply REFUSED", of("Typical"), ListServicesReply.error(ServiceStatus.REFUSED.code(), "not allowed"));
        g.valid("list protocols request", of("Typical"), new ListProtocolsRequest("echo"));
        g.valid("list protocols reply OK", of("Typical"), ListProtocolsReply.ok("echo",
                of(new ServiceEntry("sss-echo/1", "stream echo"), new ServiceEntry("sss-echo-dgram/1", "datagram echo"))));
        g.valid("list protocols reply PROTOCOL_NOT_FOUND", of("Typical"),
                ListProtocolsReply.error(ServiceStatus.PROTOCOL_NOT_FOUND.code(), "none"));
        g.valid("list protocols reply with status 7, unknown to version 1", of("UnknownCode"),
                ListProtocolsReply.error(7, "future status"));
        g.valid("connect request with UTF-8 names", of("Typical"), new ConnectRequest("\u00e9cho", "\u6f22\u5b57/1"));
        return file;
    }
}
