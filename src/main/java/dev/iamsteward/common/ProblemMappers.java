package dev.iamsteward.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The one mapping from exceptions to problem details (IAM's errors have theirs beside the IAM port, in
 * {@code IamProblems}). Details are written for people and never carry a stack trace, a class name or a secret;
 * only server errors are logged as errors.
 */
public class ProblemMappers {

    private static final String DUPLICATE_FIELD = "Duplicate field '";

    @ServerExceptionMapper
    public Response steward(StewardException e) {
        return Problem.of(e.kind(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(Problem.Violation::message).collect(Collectors.joining("; "));
        ErrorKind kind = ErrorKind.INVALID_INPUT;
        return new Problem(kind.type(), kind.title(), kind.status(), detail, violations).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.of(ErrorKind.INVALID_INPUT, "unknown field '" + e.getPropertyName() + "'").toResponse();
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        if (e instanceof StrictJson.RefusedValue refused) {
            return Problem.of(ErrorKind.INVALID_INPUT, "field '" + path(e) + "' " + refused.reason()).toResponse();
        }
        return Problem.of(ErrorKind.INVALID_INPUT, "field '" + path(e) + "' has a value of the wrong type or "
                + "one that is not allowed").toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith(DUPLICATE_FIELD)) {
            // Jackson's message is "Duplicate field 'name'": the name is the caller's own text, nothing internal.
            String field = message.substring(DUPLICATE_FIELD.length(), message.indexOf('\'', DUPLICATE_FIELD.length()));
            return Problem.of(ErrorKind.INVALID_INPUT, "field '" + field + "' appears more than once").toResponse();
        }
        return Problem.of(ErrorKind.INVALID_INPUT, "the body is not valid JSON").toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(Exception e) {
        if (expired(e)) {
            return Response.fromResponse(Problem.of(ErrorKind.UNAUTHENTICATED,
                            "the bearer token has expired; sign in again for a new one").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, null)
                    .header(HttpHeaders.WWW_AUTHENTICATE,
                            "Bearer error=\"invalid_token\", error_description=\"The access token expired\"")
                    .build();
        }
        return Problem.of(ErrorKind.UNAUTHENTICATED, "a valid bearer token is required").toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(ErrorKind.FORBIDDEN, "the caller's roles do not allow this").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return malformed((JsonProcessingException) e.getCause());
        }
        if (e instanceof NotFoundException && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            // The framework could not convert a path or query parameter (e.g. limit=abc): the caller's mistake.
            return Problem.of(ErrorKind.INVALID_INPUT, "a path or query parameter has a value of the wrong type; "
                    + "see the parameter's schema in /q/openapi").toResponse();
        }
        int status = e.getResponse().getStatus();
        ErrorKind kind = ErrorKind.forStatus(status);
        if (status >= ErrorKind.INTERNAL.status()) {
            return unexpected(e);
        }
        Response problem = new Problem(kind.type(), kind.title(), status, detail(status), null).toResponse();
        String allow = e instanceof NotAllowedException ? AllowedMethods.at(uri.getPath()) : null;
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response io(java.io.IOException e) {
        // The body stopped arriving or grew past the size limit (the HTTP layer then answered 413 itself):
        // the client's doing, not a fault of the service.
        Log.debugf("Reading a request body failed: %s", e.getMessage());
        if ("Request too large".equals(e.getMessage())) {
            return Problem.of(ErrorKind.PAYLOAD_TOO_LARGE, "the body is too large").toResponse();
        }
        return Problem.of(ErrorKind.INVALID_INPUT, "the body could not be read whole").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.causedBy(e)) {
            // Not a fault of the service or of the request: the caller is told to come back (RetryAfter).
            Log.warnf("An API call could not reach the database: %s", e.getMessage());
            return Problem.of(ErrorKind.DATABASE_UNAVAILABLE, "the service's database could not be reached; "
                    + "retry later").toResponse();
        }
        Log.error("Unexpected error while serving an API call", e);
        return Problem.of(ErrorKind.INTERNAL, "an unexpected error occurred; it has been logged").toResponse();
    }

    private static String detail(int status) {
        if (status == ErrorKind.UNSUPPORTED_MEDIA_TYPE.status()) {
            return "send the body as application/json in UTF-8";
        }
        if (status == ErrorKind.NOT_FOUND.status()) {
            return "no such resource; the operations are listed in /q/openapi";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? null : known.getReasonPhrase();
    }

    private static boolean expired(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
