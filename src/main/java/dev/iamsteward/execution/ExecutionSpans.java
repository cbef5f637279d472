package dev.iamsteward.execution;

import dev.iamsteward.common.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The span of one attempt at a job. It is a child of the approval that queued the job, since the approval is what
 * causes execution (and its sampling decision carries over), and it links to the request's submission when that
 * was another trace. The IAM calls of the attempt are its children.
 */
@ApplicationScoped
class ExecutionSpans {

    static final String NAME = "execute request";

    private final Tracer tracer;

    ExecutionSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the attempt's span; the caller makes it current and ends it. */
    Span start(ExecutionOrder order) {
        SpanContext approval = Traces.spanContext(order.approvalTrace());
        SpanBuilder span = tracer.spanBuilder(NAME)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(Traces.parent(order.approvalTrace()))
                .setAttribute(Traces.REQUEST_ID, order.requestId().toString())
                .setAttribute(Traces.REQUEST_TYPE, order.type().name())
                .setAttribute(Traces.ACCOUNT, order.account())
                .setAttribute("steward.execution.attempt", order.attempt());
        SpanContext submission = Traces.spanContext(order.submissionTrace());
        if (submission.isValid() && !submission.getTraceId().equals(approval.getTraceId())) {
            span.addLink(submission);
        }
        return span.startSpan();
    }
}
