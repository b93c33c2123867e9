package dev.peering.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.peering.core.ArmError;
import dev.peering.core.ArmException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves a service as the ARM error body with a stable code: never a stack trace, and
 * never a 500 for something the caller sent.
 */
public class ArmExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ArmExceptionMappers.class);

    @ServerExceptionMapper
    public Response arm(ArmException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    // Jackson's own exception types are named one by one: the REST layer has built-in mappers for some
    // of them that would otherwise answer without the ARM body.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        com.fasterxml.jackson.core.JsonParseException.class,
        com.fasterxml.jackson.core.exc.StreamReadException.class,
        com.fasterxml.jackson.core.exc.InputCoercionException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        com.fasterxml.jackson.databind.exc.ValueInstantiationException.class
    })
    public Response json(JsonProcessingException e) {
        return error(400, "InvalidRequestContent", "The request body is not valid: " + describe(e));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .map(v -> "'" + lastNode(v.getPropertyPath().toString()) + "' " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return error(400, "InvalidRequestContent", message);
    }

    /** Two writers raced on one resource: the loser is told to read it again and retry. */
    @ServerExceptionMapper({OptimisticLockException.class, LockAcquisitionException.class})
    public Response concurrentChange(RuntimeException e) {
        return error(
                409,
                "ConcurrentModification",
                "The resource was changed by another request at the same time; read it again and retry.");
    }

    /** No token, or one that is not valid: signature, issuer, audience or expiry. */
    @ServerExceptionMapper({
        io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class,
        io.quarkus.security.AuthenticationCompletionException.class
    })
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(error(
                        401,
                        "AuthenticationFailed",
                        "Authentication failed: send a valid bearer token (Authorization: Bearer <token>)."))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(RuntimeException e) {
        return error(
                403,
                "AuthorizationFailed",
                "This action is for the peering operator; contact the peering operator to have it done.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        if (e instanceof NotFoundException) {
            return error(404, "NotFound", "No resource or operation exists at this path.");
        }
        if (e instanceof NotAllowedException) {
            return error(405, "MethodNotAllowed", "This operation does not support the HTTP method used.");
        }
        if (e instanceof NotSupportedException) {
            return error(415, "UnsupportedMediaType", "Send the request body as application/json.");
        }
        if (e instanceof NotAcceptableException) {
            return error(406, "NotAcceptable", "This operation answers in application/json.");
        }
        if (status == 413) {
            return error(413, "RequestEntityTooLarge", "The request body is larger than this service accepts.");
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return error(500, "InternalServerError", "The service failed to handle the request; try again.");
        }
        if (status == 400) {
            return error(400, "InvalidRequestContent", "The request body is not valid JSON of the expected shape.");
        }
        return error(status, "BadRequest", e.getMessage());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            // a restart of the database is a moment to wait, not a failure of the request
            LOG.warnf("database unavailable: %s", e.toString());
            return Response.fromResponse(error(
                            503,
                            "ServiceUnavailable",
                            "The service cannot reach its database right now; nothing was changed. Retry shortly."))
                    .header("Retry-After", "2")
                    .build();
        }
        if (clientWentAway(e)) {
            // The client closed the connection while its body was read (it gave up waiting): nobody will read
            // an answer, nothing was changed, and it is no failure of the service.
            LOG.infof("the client closed the connection before its request body was read: %s", e.toString());
            return error(400, "InvalidRequestContent", "The request body ended before it was complete.");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // two requests created the same resource at the same instant: the unique key kept one
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return concurrentChange(null);
            }
            if (cause instanceof OptimisticLockException || cause instanceof LockAcquisitionException) {
                return concurrentChange(null);
            }
        }
        LOG.error("request failed", e);
        return error(500, "InternalServerError", "The service failed to handle the request; try again.");
    }

    static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    public static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(ArmError.of(code, message))
                .build();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown property '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + path(f) + "' has a value of the wrong type or format";
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            return path.isEmpty() ? "the body does not have the expected shape" : "'" + path + "' has the wrong type";
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "'" + path(m) + "' is not valid";
        }
        return "malformed JSON at line "
                + (e.getLocation() == null ? "?" : e.getLocation().getLineNr());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        // "put.arg2.properties.peerName" -> "properties.peerName": drop the method and parameter nodes
        String[] parts = propertyPath.split("\\.");
        int start = parts.length > 2 && parts[1].startsWith("arg") ? 2 : (parts.length > 1 ? 1 : 0);
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }
}
