package dev.iamsteward.webhook;

import dev.iamsteward.common.Traces;
import dev.iamsteward.webhook.inbound.Inbox;
import dev.iamsteward.webhook.outbound.NotificationQueue;
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

    public Span processing(Inbox.Claim claim) {
        return tracer.spanBuilder("process webhook delivery").setSpanKind(SpanKind.CONSUMER)
                .setParent(Traces.parent(claim.traceparent()))
                .setAttribute(SOURCE, claim.sourceId())
                .setAttribute("steward.webhook.attempt", claim.attempt())
                .startSpan();
    }

    public Span sending(NotificationQueue.Claim claim) {
        return tracer.spanBuilder("send notification").setSpanKind(SpanKind.PRODUCER)
                .setParent(Traces.parent(claim.traceparent()))
                .setAttribute(TARGET, claim.target())
                .setAttribute("steward.notification.attempt", claim.attempt())
                .startSpan();
    }
}
