package dev.iamsteward.credential;

import dev.iamsteward.common.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The proof of new access keys, as their deliveries keep it: a key's secret is sealed unready (see
 * {@link DeliveryService#sealUnproven}) and becomes fetchable, and goes to the secret sink, only once the key is proven
 * to authenticate; each proof run's checks and STS's last answer are kept, and a key given up on never is.
 */
@ApplicationScoped
public class KeyProofs {

    /** An access key a step sealed whose proof is still to come: its id and its secret. */
    public record Unproven(String accessKeyId, Secret secret) {
    }

    private final DeliveryService deliveries;
    private final Envelope envelope;
    private final Clock clock;

    KeyProofs(DeliveryService deliveries, Envelope envelope, Clock clock) {
        this.deliveries = deliveries;
        this.envelope = envelope;
        this.clock = clock;
    }

    /** The access key of a step sealed unproven and still pending, with its secret, for the proof to go on. */
    @Transactional
    public Optional<Unproven> unproven(UUID requestId, int step) {
        return DeliveryService.forStep(requestId, step)
                .filter(d -> d.keyProof == SecretDelivery.KeyProof.PENDING && !d.destroyed())
                .map(d -> new Unproven(d.label, envelope.open(d.sealed(), d.associatedData())));
    }

    /** Counts a proof run that did not prove the key yet, with what STS last answered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void proofPending(UUID requestId, int step, int checks, String why) {
        DeliveryService.forStep(requestId, step).ifPresent(d -> {
            d.proofChecks += checks;
            d.proofFailure = why;
        });
    }

    /** The key authenticates as its user: the secret may now be fetched, and is copied to the secret sink. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void proven(DeliveryService.Parcel parcel, int checks) {
        SecretDelivery delivery = DeliveryService.forStep(parcel.requestId(), parcel.step()).orElseThrow();
        if (delivery.keyProof != SecretDelivery.KeyProof.PENDING) {
            return;
        }
        Instant now = clock.instant();
        delivery.keyProof = SecretDelivery.KeyProof.PROVEN;
        delivery.provenAt = now;
        delivery.proofChecks += checks;
        delivery.proofFailure = null;
        deliveries.record("secret.key-proven", delivery, "system", now);
        deliveries.copyToSink(parcel, delivery, now);
    }

    /** The key was given up on: its secret is never handed out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void proofFailed(UUID requestId, int step, int checks, String why) {
        DeliveryService.forStep(requestId, step).ifPresent(d -> {
            Instant now = clock.instant();
            d.keyProof = SecretDelivery.KeyProof.FAILED;
            d.proofChecks += checks;
            d.proofFailure = why;
            deliveries.record("secret.key-unproven", d, "system", now);
        });
    }
}
