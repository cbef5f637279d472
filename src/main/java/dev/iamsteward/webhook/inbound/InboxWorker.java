package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.StewardException;
import dev.iamsteward.queue.QueueWorker;
import dev.iamsteward.queue.WorkerLeases;
import dev.iamsteward.webhook.WebhookConfig;
import dev.iamsteward.webhook.WebhookSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Processes the inbox: each delivery once, in the transaction of its effect. What the service refuses is done
 * with its reason; anything else (a database or IAM failure) is retried with backoff until attempts run out.
 */
@ApplicationScoped
public class InboxWorker implements QueueWorker {

    private final Inbox inbox;
    private final TicketProcessor processor;
    private final WebhookConfig config;
    private final WebhookSpans spans;
    private final WorkerLeases<Inbox.Claim> leases;

    InboxWorker(Inbox inbox, TicketProcessor processor, WebhookConfig config, WebhookSpans spans) {
        this.inbox = inbox;
        this.spans = spans;
        this.processor = processor;
        this.config = config;
        this.leases = new WorkerLeases<>("inbox", inbox);
    }

    /** Processes the deliveries that are due now, at most a batch of them; returns how many. */
    public int runDue() {
        return runUpTo(config.batchSize());
    }

    @Override
    public boolean runOne() {
        return runUpTo(1) > 0;
    }

    @Override
    public void renewLeases() {
        leases.renewLeases();
    }

    private int runUpTo(int most) {
        return leases.runBatch(most, this::run);
    }

    /** Claims nothing more, lets the delivery in progress finish within {@code grace}, and hands back the rest. */
    @Override
    public void stop(Duration grace) {
        leases.stop(grace);
    }

    private void run(Inbox.Claim claim) {
        Span span = spans.processing(claim.traceparent(), claim.sourceId(), claim.attempt());
        try (Scope scope = span.makeCurrent()) {
            process(claim);
        } finally {
            span.end();
        }
    }

    private void process(Inbox.Claim claim) {
        try {
            try {
                processor.process(claim, leases.workerId(), null);
            } catch (ApprovalRefused e) {
                processor.process(claim, leases.workerId(), e.getMessage());
            }
        } catch (StewardException e) {
            Log.infof("Delivery %d from source %s refused: %s", claim.id(), claim.sourceId(), e.getMessage());
            processor.refuse(claim, leases.workerId(), e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf(e, "Delivery %d from source %s failed on attempt %d", claim.id(), claim.sourceId(),
                    claim.attempt());
            Span.current().setStatus(StatusCode.ERROR, "internal error");
            inbox.retryLater(claim, leases.workerId(), "internal error",
                    "internal error; see the service log for delivery " + claim.id());
        }
    }
}
