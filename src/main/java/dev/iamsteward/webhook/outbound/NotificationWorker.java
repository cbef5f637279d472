package dev.iamsteward.webhook.outbound;

import dev.iamsteward.queue.QueueWorker;
import dev.iamsteward.queue.WorkerLeases;
import dev.iamsteward.webhook.WebhookConfig;
import dev.iamsteward.webhook.WebhookSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;

/**
 * Sends due notifications; a failure (no answer in time, or a status other than 2xx) is retried with backoff,
 * and a notification that runs out of attempts is FAILED, for an admin to redeliver.
 */
@ApplicationScoped
public class NotificationWorker implements QueueWorker {

    private final NotificationQueue queue;
    private final NotificationSender sender;
    private final WebhookConfig config;
    private final MeterRegistry metrics;
    private final WebhookSpans spans;
    private final WorkerLeases<NotificationQueue.Claim> leases;

    NotificationWorker(NotificationQueue queue, NotificationSender sender, WebhookConfig config,
            MeterRegistry metrics, WebhookSpans spans) {
        this.queue = queue;
        this.spans = spans;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        this.leases = new WorkerLeases<>("notify", queue);
    }

    /** Sends the notifications that are due now, at most a batch of them; returns how many it tried. */
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
        return leases.runBatch(most, claim -> {
            Span span = spans.sending(claim.traceparent(), claim.target(), claim.attempt());
            try (Scope scope = span.makeCurrent()) {
                send(claim);
            } finally {
                span.end();
            }
        });
    }

    /** Claims nothing more, lets the notification in progress finish within {@code grace}, and hands back the rest. */
    @Override
    public void stop(Duration grace) {
        leases.stop(grace);
    }

    private void send(NotificationQueue.Claim claim) {
        String error;
        try {
            int status = sender.send(claim);
            if (status / 100 == 2) {
                queue.delivered(claim, leases.workerId());
                count("delivered");
                return;
            }
            error = "answered " + status;
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        Log.infof("Notification %s to %s, attempt %d: %s", claim.id(), claim.target(), claim.attempt(), error);
        // The span shows that it failed; the error, which may name the receiver's address, stays in the log.
        Span.current().setStatus(StatusCode.ERROR);
        count(queue.retryLater(claim, leases.workerId(), error) ? "retry" : "failed");
    }

    private void count(String result) {
        metrics.counter("steward.webhook.notifications", "result", result).increment();
    }
}
