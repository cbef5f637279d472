package dev.iamsteward.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body: a stable type, a title, the status and a detail for people. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request, for validation problems. */
    public record Violation(String field, String message) {
    }

    public static Problem of(ErrorKind kind, String detail) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, null);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == ErrorKind.UNAUTHENTICATED.status()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
