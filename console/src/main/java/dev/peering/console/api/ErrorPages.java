package dev.peering.console.api;

import dev.peering.console.service.ArmFailure;
import dev.peering.console.service.ServiceUnavailable;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A failure becomes a page with a clear banner and a way back, never a stack trace. */
public class ErrorPages {

    private final Template error;

    public ErrorPages(@Location("error") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        return page(503, "A service is not answering", e.getMessage());
    }

    @ServerExceptionMapper
    public Response failed(ArmFailure e) {
        int status = e.result().status() >= 400 ? e.result().status() : 502;
        return page(status, e.result().errorCode(), e.result().errorMessage());
    }

    @ServerExceptionMapper
    public Response operatorOnly(Sessions.OperatorOnly e) {
        return page(403, "Operator only", e.getMessage());
    }

    private Response page(int status, String heading, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("heading", heading).data("message", message).render())
                .build();
    }
}
