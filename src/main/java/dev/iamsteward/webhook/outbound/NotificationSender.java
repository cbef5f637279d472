package dev.iamsteward.webhook.outbound;

import dev.iamsteward.common.Secret;
import dev.iamsteward.webhook.Signatures;
import dev.iamsteward.webhook.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * Sends one notification: to a subscriber as a Standard Webhook, signed once per secret with a timestamp of
 * now; to Jira as a comment. Answers the HTTP status, or throws when nothing was answered in time.
 */
@ApplicationScoped
class NotificationSender {

    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;

    NotificationSender(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    int send(NotificationQueue.Claim claim) throws IOException, InterruptedException {
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = claim.target().startsWith("subscriber:")
                ? subscriber(claim, body) : jira(claim);
        return http.send(request.timeout(config.sendTimeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpRequest.Builder subscriber(NotificationQueue.Claim claim, byte[] body) {
        WebhookConfig.Subscriber subscriber = config.subscribers().get(claim.target().substring(
                "subscriber:".length()));
        if (subscriber == null) {
            throw new IllegalStateException("subscriber " + claim.target() + " is no longer configured");
        }
        long timestamp = clock.instant().getEpochSecond();
        String signatures = subscriber.secretList().stream()
                .map((Secret s) -> Signatures.standard(s, claim.messageId(), timestamp, body))
                .collect(Collectors.joining(" "));
        return HttpRequest.newBuilder(subscriber.url())
                .header(Signatures.WEBHOOK_ID, claim.messageId())
                .header(Signatures.WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                .header(Signatures.WEBHOOK_SIGNATURE, signatures);
    }

    private HttpRequest.Builder jira(NotificationQueue.Claim claim) {
        String[] parts = claim.target().split(":", 3);
        WebhookConfig.Source source = config.sources().get(parts[1]);
        if (source == null || source.commentBack().isEmpty()) {
            throw new IllegalStateException("source " + parts[1] + " no longer comments back");
        }
        return JiraComments.request(source.commentBack().get(), parts[2]);
    }
}
