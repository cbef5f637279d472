package dev.iamsteward.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** A response kept to be replayed: its status, the headers that matter and the body bytes the client got. */
public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {

    /** What Quarkus REST sends for an entity written as JSON, which is always UTF-8. */
    private static final String JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8").toString();

    /** Refusals that depend on the moment rather than on the request: a retry may well succeed. */
    private static final Set<Integer> TRANSIENT_REFUSALS = Set.of(401, 408, 425, 429);

    /**
     * Whether a status is the request's outcome, to be replayed: a success, or a refusal that the same request
     * would meet again. Server errors are not; after one, a retry runs again.
     */
    public static boolean isOutcome(int status) {
        return status >= 200 && status < 300 || status >= 400 && status < 500 && !TRANSIENT_REFUSALS.contains(status);
    }

    /** What a resource method returned: a {@link Response}, or an entity that Quarkus REST writes as JSON. */
    static StoredResponse ofResult(Object result, ObjectMapper json) {
        if (result instanceof Response response) {
            return of(response.getStatus(), response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG),
                    response.getEntity(), json);
        }
        int status = result == null ? Response.Status.NO_CONTENT.getStatusCode() : Response.Status.OK.getStatusCode();
        return of(status, null, null, null, result, json);
    }

    /** A response about to be sent, after any exception was mapped to it. */
    static StoredResponse ofResponse(ContainerResponseContext response, ObjectMapper json) {
        return of(response.getStatus(), response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG),
                response.getEntity(), json);
    }

    /** The stored response as it is sent again, marked as a replay. */
    Response replay() {
        Response.ResponseBuilder replay = Response.status(status).header(Idempotent.REPLAYED, "true");
        if (body != null) {
            replay.entity(body).type(contentType);
        }
        if (location != null) {
            replay.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            replay.header(HttpHeaders.ETAG, etag);
        }
        return replay.build();
    }

    /**
     * Entities are serialised with the application's own object mapper, the one Quarkus REST writes them with,
     * so that the replay carries the very JSON the first response did.
     */
    private static StoredResponse of(int status, String contentType, String location, String etag, Object entity,
            ObjectMapper json) {
        if (entity == null) {
            return new StoredResponse(status, null, location, etag, null);
        }
        String type = contentType != null ? contentType : JSON_UTF8;
        if (entity instanceof byte[] raw) {
            return new StoredResponse(status, type, location, etag, raw);
        }
        if (entity instanceof String text) {
            return new StoredResponse(status, type, location, etag, text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new StoredResponse(status, type, location, etag, json.writeValueAsBytes(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response entity could not be written as JSON", e);
        }
    }
}
