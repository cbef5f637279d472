package dev.iamsteward.credential;

import dev.iamsteward.audit.AuditEntry;
import dev.iamsteward.audit.AuditLog;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.Secret;
import dev.iamsteward.common.StewardException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Keeps secrets sealed until their recipient fetches them once, and destroys them after that or at expiry. */
@ApplicationScoped
public class DeliveryService {

    /** A secret to hand to {@code recipient}, from step {@code step} of a request. */
    public record Parcel(UUID requestId, int step, String userName, String userArn, String recipient,
            SecretDelivery.Kind kind, String label, Secret secret) {
    }

    private final Envelope envelope;
    private final SecretSink sink;
    private final AuditLog audit;
    private final Clock clock;
    private final CredentialConfig config;

    DeliveryService(Envelope envelope, SecretSink sink, AuditLog audit, Clock clock, CredentialConfig config) {
        this.envelope = envelope;
        this.sink = sink;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** Seals and stores a secret, in its own transaction; a step delivers once, however often it runs. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID deliver(Parcel parcel) {
        return seal(parcel, SecretDelivery.KeyProof.NOT_NEEDED);
    }

    /**
     * Seals a new access key's secret, labelled with the key's id, and keeps it from its recipient (and from the
     * secret sink) until {@link #proven} says the key authenticates.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID sealUnproven(Parcel parcel) {
        return seal(parcel, SecretDelivery.KeyProof.PENDING);
    }

    private UUID seal(Parcel parcel, SecretDelivery.KeyProof proof) {
        Optional<SecretDelivery> existing = forStep(parcel.requestId(), parcel.step());
        if (existing.isPresent()) {
            return existing.get().id;
        }
        Instant now = clock.instant();
        SecretDelivery delivery = new SecretDelivery();
        delivery.id = UUID.randomUUID();
        delivery.requestId = parcel.requestId();
        delivery.step = parcel.step();
        delivery.userName = parcel.userName();
        delivery.recipient = parcel.recipient();
        delivery.kind = parcel.kind();
        delivery.label = parcel.label();
        delivery.keyProof = proof;
        Envelope.Sealed sealed = envelope.seal(parcel.secret(), delivery.associatedData());
        delivery.ciphertext = sealed.ciphertext();
        delivery.wrappedKey = sealed.wrappedKey();
        delivery.keyId = sealed.keyId();
        delivery.createdAt = now;
        delivery.expiresAt = now.plus(config.deliveryTtl());
        delivery.persist();
        record("secret.sealed", delivery, "system", now);
        if (delivery.ready()) {
            copyToSink(parcel, delivery, now);
        }
        return delivery.id;
    }

    /** The secret a step sealed earlier, while it is still unread: lets a resumed step reuse it. */
    @Transactional
    public Optional<Secret> unread(UUID requestId, int step) {
        return forStep(requestId, step).filter(d -> !d.destroyed())
                .map(d -> envelope.open(d.sealed(), d.associatedData()));
    }

    /** Destroys a secret the service kept for itself (an MFA verifier) once it has served. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(UUID requestId, int step) {
        forStep(requestId, step).filter(d -> !d.destroyed()).ifPresent(d -> {
            d.destroy(SecretDelivery.Destroyed.RETRIEVED, clock.instant());
            record("secret.destroyed", d, "system", clock.instant());
        });
    }

    /** Whether a step's secret is still there to be used: sealed, not destroyed and within its time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean waiting(UUID requestId, int step) {
        Instant now = clock.instant();
        return forStep(requestId, step).filter(d -> !d.destroyed() && !now.isAfter(d.expiresAt)).isPresent();
    }

    /** Whether a step has sealed a secret, fetched or not. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delivered(UUID requestId, int step) {
        return forStep(requestId, step).isPresent();
    }

    /**
     * Hands the secret to its recipient and destroys it: the first call gets it, every later one is told 410.
     * A secret found expired is destroyed even though the call fails.
     */
    @Transactional(dontRollbackOn = StewardException.class)
    public Retrieved retrieve(UUID id, Caller caller) {
        SecretDelivery delivery = SecretDelivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.kind == SecretDelivery.Kind.MFA_VERIFIER) {
            throw StewardException.notFound("Secret delivery", id);
        }
        if (!delivery.recipient.equals(caller.name())) {
            Log.warnf("%s tried to fetch secret delivery %s meant for %s", caller.name(), id, delivery.recipient);
            throw new StewardException(ErrorKind.NOT_RECIPIENT, "this secret is for the owner of user '"
                    + delivery.userName + "'");
        }
        Instant now = clock.instant();
        if (!delivery.destroyed() && now.isAfter(delivery.expiresAt)) {
            expire(delivery, now);
        }
        if (delivery.destroyed()) {
            throw new StewardException(ErrorKind.SECRET_GONE, "this secret was "
                    + delivery.destroyedWhy.name().toLowerCase(Locale.ROOT) + " and is gone");
        }
        if (!delivery.ready()) {
            throw new StewardException(ErrorKind.SECRET_NOT_READY, delivery.keyProof == SecretDelivery.KeyProof.FAILED
                    ? "access key " + delivery.label + " never authenticated as '" + delivery.userName
                            + "', so its secret is not handed out"
                    : "access key " + delivery.label + " does not authenticate yet; fetch its secret once the "
                            + "request has succeeded");
        }
        Secret secret = envelope.open(delivery.sealed(), delivery.associatedData());
        delivery.destroy(SecretDelivery.Destroyed.RETRIEVED, now);
        record("secret.retrieved", delivery, caller.name(), now);
        return new Retrieved(delivery.id, delivery.kind, delivery.userName, delivery.label, secret);
    }

    /** Destroys every secret whose time ran out unread; returns how many. */
    @Transactional
    public int destroyExpired() {
        Instant now = clock.instant();
        List<SecretDelivery> expired = SecretDelivery.list("destroyedAt is null and expiresAt < ?1", now);
        expired.forEach(d -> expire(d, now));
        return expired.size();
    }

    /** The deliveries a request made, without their secrets. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> forRequest(UUID requestId) {
        return SecretDelivery.<SecretDelivery>list("requestId = ?1 and kind <> ?2 order by step", requestId,
                        SecretDelivery.Kind.MFA_VERIFIER).stream()
                .map(DeliveryView::of).toList();
    }

    /**
     * The one-time delivery is the way a secret reaches its owner; the sink is a convenience beside it, so a
     * failure to write there is logged and audited rather than undoing the delivery. Only access key secrets
     * go there: an MFA seed readable with the user's own key would not be a second factor, and a first
     * console password is of no use to someone who must already be signed in to read it.
     */
    void copyToSink(Parcel parcel, SecretDelivery delivery, Instant now) {
        if (parcel.kind() != SecretDelivery.Kind.ACCESS_KEY_SECRET) {
            return;
        }
        try {
            sink.write(parcel, parcel.userArn());
        } catch (RuntimeException e) {
            Log.warnf("Secret %s for %s was not written to the secret sink: %s", delivery.id, delivery.userName,
                    e.getMessage());
            record("secret.sink-failed", delivery, "system", now);
        }
    }

    private void expire(SecretDelivery delivery, Instant now) {
        delivery.destroy(SecretDelivery.Destroyed.EXPIRED, now);
        record("secret.expired", delivery, "system", now);
    }

    static Optional<SecretDelivery> forStep(UUID requestId, int step) {
        return SecretDelivery.find("requestId = ?1 and step = ?2", requestId, step).firstResultOptional();
    }

    void record(String action, SecretDelivery delivery, String actor, Instant at) {
        audit.record(new AuditEntry(action, delivery.requestId, actor, null, null, at,
                delivery.kind + " for user " + delivery.userName + " (delivery " + delivery.id + ")",
                accountOf(delivery)));
    }

    /**
     * The target account of the delivery's request. Read with SQL because requests know their deliveries and
     * not the reverse; without flushing, since nothing this transaction has yet to write changes it.
     */
    private static String accountOf(SecretDelivery delivery) {
        List<?> accounts = SecretDelivery.getEntityManager()
                .createNativeQuery("select account from access_request where id = :id")
                .setParameter("id", delivery.requestId).setFlushMode(FlushModeType.COMMIT).getResultList();
        return accounts.isEmpty() ? null : (String) accounts.get(0);
    }
}
