package dev.iamsteward.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamsteward.common.DatabaseOutage;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Claims the {@code Idempotency-Key} of a request to an {@link Idempotent} method before the method runs, and
 * records or releases its outcome afterwards.
 *
 * <p>Quarkus REST authenticates the caller and checks the method's roles as soon as the method is matched, before
 * any filter, so a key is only ever claimed for a caller allowed to make the request. As blocking filters of
 * blocking endpoints, both run on the request's worker thread, where the database may be used.
 */
public class IdempotencyFilters {

    private final IdempotencyKeys keys;
    private final PendingReleases releases;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final IdempotencyConfig config;

    IdempotencyFilters(IdempotencyKeys keys, PendingReleases releases, SecurityIdentity identity, ObjectMapper json,
            IdempotencyConfig config) {
        this.keys = keys;
        this.releases = releases;
        this.identity = identity;
        this.json = json;
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> claim(ContainerRequestContext request, ResourceInfo resource) throws IOException {
        if (!idempotent(resource.getResourceMethod()) || identity.isAnonymous()) {
            return Optional.empty();
        }
        Optional<IdempotencyKey> key = IdempotencyKey.from(request.getHeaders().get(Idempotent.HEADER));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        // The body is hashed as sent, before JSON reading, and handed on unchanged to the resource method.
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        // A key this replica could not release during an outage is released first: it may be this very retry's.
        releases.retry();
        Claim claim = keys.claim(identity.getPrincipal().getName(), key.get(),
                Fingerprint.of(request.getMethod(), request.getUriInfo().getPath(), body));
        if (claim instanceof Claim.Granted granted) {
            granted.holdFor(request);
            return Optional.empty();
        }
        if (claim instanceof Claim.Replay replay) {
            return Optional.of(replay.response().replay());
        }
        return Optional.of(inFlight());
    }

    /**
     * Runs for every response; only a request still holding an unsettled key has anything to do here: its method
     * failed or was refused, so nothing was done, and the outcome is recorded in a transaction of its own. When the
     * database cannot be reached, the key is released as soon as it can be, never left "in progress".
     */
    @ServerResponseFilter
    public void settle(ContainerRequestContext request, ContainerResponseContext response) {
        Claim.Granted.heldBy(request).ifPresent(held -> {
            Claim.Granted.settled(request);
            if (StoredResponse.isOutcome(response.getStatus())) {
                try {
                    keys.settle(held, StoredResponse.ofResponse(response, json));
                } catch (RuntimeException e) {
                    if (!DatabaseOutage.causedBy(e)) {
                        throw e;
                    }
                    releases.release(held);
                }
            } else {
                releases.release(held);
            }
        });
    }

    private Response inFlight() {
        Response problem = Problem.of(ErrorKind.IDEMPOTENCY_IN_FLIGHT, "the first request with this "
                + Idempotent.HEADER + " is still being processed; retry shortly").toResponse();
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, config.retryAfter().toSeconds())).build();
    }

    private static boolean idempotent(Method method) {
        return method != null && (method.isAnnotationPresent(Idempotent.class)
                || method.getDeclaringClass().isAnnotationPresent(Idempotent.class));
    }
}
