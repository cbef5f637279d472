package dev.iamsteward.common;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace context as it is stored with work done later (a queued job, a webhook delivery, a notification), and
 * the span attributes the service sets. Attributes carry ids and names only, never a secret.
 */
public final class Traces {

    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("steward.request.id");
    public static final AttributeKey<String> REQUEST_TYPE = AttributeKey.stringKey("steward.request.type");
    public static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("steward.account");

    private static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private Traces() {
    }

    /** The W3C {@code traceparent} of the current span, or null outside a trace. */
    public static String currentParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context to start a span in as a child of a stored {@code traceparent}; the root context without one. */
    public static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, STORED);
    }

    /** The span a stored {@code traceparent} names, to link to; invalid when there is none. */
    public static SpanContext spanContext(String traceparent) {
        return Span.fromContext(parent(traceparent)).getSpanContext();
    }
}
