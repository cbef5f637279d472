package dev.iamsteward.webhook.inbound;

/** The answer to a delivery: its id, and whether it had come before (and so has no new effect). */
public record DeliveryReceipt(String deliveryId, boolean duplicate) {
}
