package dev.iamsteward.credential;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery as a request shows it: where to fetch the secret, for whom, and whether it is still there. An access
 * key's secret has {@code keyProof}: the secret can be fetched only once the key is {@code PROVEN} to authenticate.
 */
public record DeliveryView(UUID id, SecretDelivery.Kind kind, String userName, String label, String recipient,
        Instant expiresAt, String state, KeyProofView keyProof) {

    /** How the access key was proven: state, when, after how many GetCallerIdentity checks, or why not. */
    public record KeyProofView(SecretDelivery.KeyProof state, Instant provenAt, int checks, String failure) {
    }

    static DeliveryView of(SecretDelivery d) {
        KeyProofView proof = d.keyProof == SecretDelivery.KeyProof.NOT_NEEDED ? null
                : new KeyProofView(d.keyProof, d.provenAt, d.proofChecks, d.proofFailure);
        return new DeliveryView(d.id, d.kind, d.userName, d.label, d.recipient, d.expiresAt,
                d.destroyed() ? d.destroyedWhy.name() : "WAITING", proof);
    }
}
