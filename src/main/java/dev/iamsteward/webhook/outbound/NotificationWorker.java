package dev.iamsteward.webhook.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import dev.iamsteward.queue.QueueWorker;
import dev.iamsteward.queue.WorkerGate;
import dev.iamsteward.webhook.WebhookConfig;
import dev.iamsteward.webhook.WebhookSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

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
    private final String workerId = "notify-" + UUID.randomUUID().toString().substring(0, 8);
    private final WorkerGate gate = new WorkerGate();

    NotificationWorker(NotificationQueue queue, NotificationSender sender, WebhookConfig config,
            MeterRegistry metrics, WebhookSpans spans) {
        this.queue = queue;
        this.spans = spans;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
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
        queue.renewLeases(workerId);
    }

    private int runUpTo(int most) {
        // A claim made as the worker was told to stop is handed back by stop().
        return gate.runBatch(most, () -> queue.claimNext(workerId), claim -> {
            Span span = spans.sending(claim);
            try (Scope scope = span.makeCurrent()) {
                send(claim);
            } finally {
                span.end();
            }
        }, claim -> { });
    }

    /** Claims nothing more, lets the notification in progress finish within {@code grace}, and hands back the rest. */
    @Override
    public void stop(Duration grace) {
        if (gate.close(grace)) {
            queue.releaseAll(workerId);
        }
    }

    private void send(NotificationQueue.Claim claim) {
        String error;
        try {
            int status = sender.send(claim);
            if (status / 100 == 2) {
                queue.delivered(claim, workerId);
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
        count(queue.retryLater(claim, workerId, error) ? "retry" : "failed");
    }

    private void count(String result) {
        metrics.counter("steward.webhook.notifications", "result", result).increment();
    }
}
