package dev.iamsteward.webhook.inbound;

import dev.iamsteward.webhook.Signatures;
import dev.iamsteward.webhook.WebhookConfig;
import dev.iamsteward.webhook.inbound.Rejection.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Authenticates a delivery from its headers and raw body, before anything reads the body, and names it: the
 * delivery id the source gave it, or the body's hash when the source gives none.
 */
public final class DeliveryVerifier {

    static final String HUB_SIGNATURE = "X-Hub-Signature";
    static final String JIRA_DELIVERY_ID = "X-Atlassian-Webhook-Identifier";
    static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private final Duration tolerance;

    public DeliveryVerifier(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** The delivery's id once its signature or token holds; a {@link Rejection} otherwise. */
    public String verify(WebhookConfig.Source source, Function<String, String> headers, byte[] body, Instant now) {
        return switch (source.type()) {
            case STANDARD, SERVICENOW -> standard(source, headers, body, now);
            case JIRA -> jira(source, headers, body);
            case BEARER -> bearer(source, headers, body);
        };
    }

    private String standard(WebhookConfig.Source source, Function<String, String> headers, byte[] body,
            Instant now) {
        String id = headers.apply(Signatures.WEBHOOK_ID);
        String timestamp = headers.apply(Signatures.WEBHOOK_TIMESTAMP);
        String signature = headers.apply(Signatures.WEBHOOK_SIGNATURE);
        if (id == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            throw new Rejection(Reason.MISSING_HEADERS);
        }
        long seconds = Long.parseLong(timestamp);
        if (!Signatures.standardMatches(source.secretList(), id, seconds, body, signature)) {
            throw new Rejection(Reason.BAD_SIGNATURE);
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            throw new Rejection(Reason.STALE_TIMESTAMP);
        }
        return id;
    }

    private static String jira(WebhookConfig.Source source, Function<String, String> headers, byte[] body) {
        String signature = headers.apply(HUB_SIGNATURE);
        if (signature == null) {
            throw new Rejection(Reason.MISSING_HEADERS);
        }
        if (!Signatures.hubMatches(source.secretList(), body, signature)) {
            throw new Rejection(Reason.BAD_SIGNATURE);
        }
        return idOr(headers.apply(JIRA_DELIVERY_ID), body);
    }

    private static String bearer(WebhookConfig.Source source, Function<String, String> headers, byte[] body) {
        String authorization = headers.apply(AUTHORIZATION);
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new Rejection(Reason.MISSING_HEADERS);
        }
        if (!Signatures.tokenMatches(source.secretList(), authorization.substring(BEARER.length()))) {
            throw new Rejection(Reason.BAD_TOKEN);
        }
        return idOr(headers.apply(Signatures.WEBHOOK_ID), body);
    }

    private static String idOr(String id, byte[] body) {
        return id != null && !id.isBlank() ? id : "sha256:" + Signatures.sha256Hex(body);
    }
}
