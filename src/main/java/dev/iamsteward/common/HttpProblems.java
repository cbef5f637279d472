package dev.iamsteward.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problem details for what the HTTP layer refuses before the REST layer sees a request (a body declared too
 * large, a request target too long) and for paths no resource serves, which would otherwise get empty bodies.
 */
@ApplicationScoped
public class HttpProblems {

    private final long maxBodySize;
    private final int maxUriLength;

    HttpProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            HttpLimitsConfig limits) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUriLength = limits.maxUriLength();
    }

    void install(@Observes Router router) {
        // Just before Quarkus' own upload limit, which answers 413 with no body.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversized);
        // After every other route: only requests nothing else served get here.
        router.route().order(Integer.MAX_VALUE).handler(context -> {
            if (!context.response().ended()) {
                write(context, ErrorKind.NOT_FOUND, "no such resource; the operations are listed in /q/openapi");
            }
        });
    }

    private void refuseOversized(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            write(context, ErrorKind.URI_TOO_LONG, "the request target is longer than " + maxUriLength
                    + " characters");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(context, ErrorKind.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBodySize + " bytes");
            return;
        }
        context.next();
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void write(RoutingContext context, ErrorKind kind, String detail) {
        JsonObject problem = new JsonObject().put("type", kind.type().toString()).put("title", kind.title())
                .put("status", kind.status()).put("detail", detail);
        context.response().setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.encode());
    }
}
