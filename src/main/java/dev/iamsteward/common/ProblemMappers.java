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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one mapping from exceptions to problem details (IAM's errors have theirs beside the IAM port, in
 * {@code IamProblems}). Details are written for people and never carry a stack trace, a class name or a secret;
 * only server errors are logged as errors.
 */
public class ProblemMappers {

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
        return Problem.of(ErrorKind.INVALID_INPUT, "field '" + path(e) + "' has a value of the wrong type or "
                + "one that is not allowed").toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.of(ErrorKind.INVALID_INPUT, "the body is not valid JSON").toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated() {
        return Problem.of(ErrorKind.UNAUTHENTICATED, "a valid bearer token is required").toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(ErrorKind.FORBIDDEN, "the caller's roles do not allow this").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return malformed((JsonProcessingException) e.getCause());
        }
        int status = e.getResponse().getStatus();
        ErrorKind kind = ErrorKind.forStatus(status);
        if (status >= ErrorKind.INTERNAL.status()) {
            return unexpected(e);
        }
        return new Problem(kind.type(), kind.title(), status,
                Response.Status.fromStatusCode(status) == null ? null
                        : Response.Status.fromStatusCode(status).getReasonPhrase(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Log.error("Unexpected error while serving an API call", e);
        return Problem.of(ErrorKind.INTERNAL, "an unexpected error occurred; it has been logged").toResponse();
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
