package dev.iamsteward.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every 503 of the API says when to try again, as RFC 9110 has it, unless its producer already did. */
public class RetryAfter {

    private static final int SERVICE_UNAVAILABLE = 503;

    private final OutageConfig config;

    RetryAfter(OutageConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void addRetryAfter(ContainerResponseContext response) {
        if (response.getStatus() == SERVICE_UNAVAILABLE
                && !response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, Math.max(1, config.retryAfter().toSeconds()));
        }
    }
}
