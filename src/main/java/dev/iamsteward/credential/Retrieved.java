package dev.iamsteward.credential;

import dev.iamsteward.common.Secret;
import java.util.UUID;

/** A secret just fetched by its recipient. */
public record Retrieved(UUID deliveryId, SecretDelivery.Kind kind, String userName, String label, Secret secret) {
}
