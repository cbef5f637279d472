package dev.iamsteward.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.interceptor.InterceptorBinding;

/**
 * Makes a POST that creates something safe to retry: a request carrying an {@code Idempotency-Key} header
 * runs once per caller and key, and a retry with the same key and body gets the first response again.
 *
 * <p>Put it on blocking resource methods that answer JSON and whose response holds no secret, since the
 * response is kept for {@code steward.idempotency.retention}. Without the header a request runs as before.
 * It drives both {@link IdempotencyFilters}, which look for it on the matched method, and
 * {@link IdempotencyInterceptor}. It is a CDI interceptor binding rather than a JAX-RS name binding: a
 * name-bound filter must carry the annotation itself, and CDI would then intercept the filter too.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** The request header that carries the key. */
    String HEADER = "Idempotency-Key";

    /** What a key may be: 1 to 255 visible ASCII characters, as a regular expression for the OpenAPI document. */
    String PATTERN = "^[!-~]{1,255}$";

    /** The response header that marks a replayed response. */
    String REPLAYED = "Idempotent-Replayed";

    /** What {@link #REPLAYED} means, for the OpenAPI document. */
    String REPLAYED_DESCRIPTION = "true when this is the stored response to an earlier request with the same "
            + "Idempotency-Key";

    /** How the header is documented on each operation that takes it. */
    String HEADER_DESCRIPTION = "Optional, 1 to 255 visible ASCII characters chosen by the caller. A retry "
            + "with the same key and body gets the first response again, with Idempotent-Replayed: true; the "
            + "same key with another body is 422, and while the first request is still running, 409 with "
            + "Retry-After. Keys are the caller's own and are forgotten after 24 hours by default.";
}
