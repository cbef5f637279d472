package dev.iamsteward.webhook;

import dev.iamsteward.common.Traces;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The spans of the inbox and outbox workers, each a child of the trace stored with its row: a delivery's
 * processing continues the HTTP call that received it (and so the request it files or approves does), a
 * notification's sending continues the change it tells of. Names are fixed; attributes are ids and names.
 */
@ApplicationScoped
public class WebhookSpans {

    static final AttributeKey<String> SOURCE = AttributeKey.stringKey("steward.webhook.source");
    static final AttributeKey<String> TARGET = AttributeKey.stringKey("steward.notification.target");

    private final Tracer tracer;

    WebhookSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The span of processing one inbox delivery from {@code sourceId}, continuing the trace stored with it. */
    public Span processing(String traceparent, String sourceId, int attempt) {
        return tracer.spanBuilder("process webhook delivery").setSpanKind(SpanKind.CONSUMER)
                .setParent(Traces.parent(traceparent))
                .setAttribute(SOURCE, sourceId)
                .setAttribute("steward.webhook.attempt", attempt)
                .startSpan();
    }

    /** The span of sending one notification to {@code target}, continuing the trace stored with it. */
    public Span sending(String traceparent, String target, int attempt) {
        return tracer.spanBuilder("send notification").setSpanKind(SpanKind.PRODUCER)
                .setParent(Traces.parent(traceparent))
                .setAttribute(TARGET, target)
                .setAttribute("steward.notification.attempt", attempt)
                .startSpan();
    }
}
