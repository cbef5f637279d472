package dev.iamsteward.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Runs an {@link Idempotent} resource method and records its response in one transaction, which the services'
 * transactions join: the effect and the record of it commit together or not at all, so a retry either gets the
 * response or finds that nothing was done. Resources stay free of transactions of their own; this one belongs to
 * the key, and exists only for requests that hold one.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class IdempotencyInterceptor {

    private final IdempotencyKeys keys;
    private final ContainerRequestContext request;
    private final ObjectMapper json;

    IdempotencyInterceptor(IdempotencyKeys keys, ContainerRequestContext request, ObjectMapper json) {
        this.keys = keys;
        this.request = request;
        this.json = json;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        Optional<Claim.Granted> held = Claim.Granted.heldBy(request);
        if (held.isEmpty()) {
            return invocation.proceed();
        }
        Object result = QuarkusTransaction.requiringNew().call(() -> {
            Object answer = invocation.proceed();
            keys.complete(held.get(), StoredResponse.ofResult(answer, json));
            return answer;
        });
        Claim.Granted.settled(request);
        return result;
    }
}
