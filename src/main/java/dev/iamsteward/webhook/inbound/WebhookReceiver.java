package dev.iamsteward.webhook.inbound;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.webhook.WebhookConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

/**
 * Takes deliveries from ticketing systems: authenticates the raw body first, then stores it once in the inbox
 * and answers at once; the inbox worker processes it. Every refusal is counted in
 * {@code steward_webhook_rejected_total}.
 */
@ApplicationScoped
public class WebhookReceiver {

    private static final int DELIVERY_ID_MAX = 255;

    private final WebhookConfig config;
    private final Inbox inbox;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final DeliveryVerifier verifier;

    WebhookReceiver(WebhookConfig config, Inbox inbox, Clock clock, MeterRegistry metrics) {
        this.config = config;
        this.inbox = inbox;
        this.clock = clock;
        this.metrics = metrics;
        this.verifier = new DeliveryVerifier(config.tolerance());
    }

    /** Verifies and stores a delivery; returns its id and whether it was a duplicate. */
    public DeliveryReceipt receive(String sourceId, Function<String, String> headers, byte[] body) {
        WebhookConfig.Source source = config.sources().get(sourceId);
        if (source == null) {
            count("unknown", "unknown-source");
            throw StewardException.notFound("Webhook source", sourceId);
        }
        String deliveryId;
        try {
            deliveryId = verifier.verify(source, headers, body, clock.instant());
        } catch (Rejection e) {
            count(sourceId, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Log.infof("Refused a delivery to webhook source %s: %s", sourceId, e.reason());
            throw e;
        }
        if (deliveryId.length() > DELIVERY_ID_MAX) {
            throw StewardException.invalid("the delivery id is longer than " + DELIVERY_ID_MAX + " characters");
        }
        Inbox.Receipt receipt = inbox.accept(sourceId, deliveryId, body);
        metrics.counter("steward.webhook.received", "source", sourceId, "receipt",
                receipt.name().toLowerCase(Locale.ROOT)).increment();
        if (receipt == Inbox.Receipt.ID_REUSED) {
            count(sourceId, "delivery-id-reused");
            throw new StewardException(ErrorKind.DELIVERY_ID_REUSED, "delivery '" + deliveryId
                    + "' was already received with another body");
        }
        return new DeliveryReceipt(deliveryId, receipt == Inbox.Receipt.DUPLICATE);
    }

    private void count(String source, String reason) {
        metrics.counter("steward.webhook.rejected", "source", source, "reason", reason).increment();
    }
}
