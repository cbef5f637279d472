package dev.iamsteward.rotation;

import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.credential.DeliveryService;
import dev.iamsteward.credential.DeliveryView;
import dev.iamsteward.credential.SecretDelivery;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.RequestPlanner;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestStatus;
import dev.iamsteward.request.RequestType;
import dev.iamsteward.request.Requests;
import dev.iamsteward.request.SubmitRequest;
import dev.iamsteward.request.KnownUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of one rotation, in the caller's transaction: each step is a request the service files and approves
 * under its {@value #RULE} rule, executed and audited like any other; the next step waits for it to succeed.
 */
@ApplicationScoped
class RotationSteps {

    static final String RULE = RequestService.KEY_ROTATION_RULE;

    private final TargetAccounts accounts;
    private final RequestService requests;
    private final DeliveryService deliveries;
    private final RotationPolicies policies;
    private final RotationMetrics metrics;
    private final Event<RotationNotice> notices;
    private final Clock clock;

    RotationSteps(TargetAccounts accounts, RequestService requests, DeliveryService deliveries,
            RotationPolicies policies, RotationMetrics metrics, Event<RotationNotice> notices, Clock clock) {
        this.notices = notices;
        this.accounts = accounts;
        this.requests = requests;
        this.deliveries = deliveries;
        this.policies = policies;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Starts the rotation of a key under {@code policy}: makes room for a new key if it can, and files its
     * creation; {@code orderedBy} is the ROTATE_ACCESS_KEY request behind it, if any. {@code keys} are the user's
     * keys as just listed, so that they are not listed again here; {@code known}, when the sweep has it, is the
     * user as the service knows it, so that filing reads nothing again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID start(String account, String userName, AccessKey old, List<AccessKey> keys, RotationPolicy policy,
            UUID orderedBy, KnownUser known) {
        KeyRotation rotation = KeyRotation.start(account, userName, old.accessKeyId(), old.createDate(), policy.name(),
                clock.instant());
        rotation.orderedBy = orderedBy;
        if (known != null) {
            rotation.owner = known.owner();
        }
        rotation.persist();
        KeyRotation.getEntityManager().flush();
        makeRoomAndCreate(rotation, keys, known);
        metrics.started(rotation.status);
        return rotation.id;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void advance(UUID id) {
        KeyRotation rotation = KeyRotation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        RotationStatus before = rotation.status;
        step(rotation);
        metrics.moved(before, rotation.status);
    }

    private void step(KeyRotation rotation) {
        Instant now = clock.instant();
        switch (rotation.status) {
            case BLOCKED -> makeRoomAndCreate(rotation, iam(rotation).listAccessKeys(rotation.userName), null);
            case CLEARING, CREATING, DEACTIVATING, DELETING -> stepDone(rotation).ifPresent(done -> next(rotation));
            case WAITING -> maybeDeactivate(rotation, now);
            case DEACTIVATED -> {
                if (!now.isBefore(rotation.deactivatedAt.plus(policyOf(rotation).graceUntilDelete()))) {
                    file(rotation, RotationStatus.DELETING, RequestType.DELETE_ACCESS_KEY, rotation.oldKeyId,
                            "the old key was deactivated at " + rotation.deactivatedAt + " and its grace has passed");
                }
            }
            default -> {
            }
        }
    }

    /** IAM allows two keys: an inactive other key is deleted first; an active one blocks the rotation. */
    private void makeRoomAndCreate(KeyRotation rotation, List<AccessKey> keys, KnownUser known) {
        List<AccessKey> others = keys.stream()
                .filter(k -> !k.accessKeyId().equals(rotation.oldKeyId)).toList();
        Optional<AccessKey> active = others.stream().filter(k -> k.status() == AccessKey.Status.ACTIVE).findFirst();
        if (active.isPresent()) {
            if (rotation.status != RotationStatus.BLOCKED) {
                rotation.move(RotationStatus.BLOCKED, clock.instant(), "the user's other key " + active.get()
                        .accessKeyId() + " is active too; IAM allows two keys, so there is no room for a new one");
                if (rotation.owner == null) {
                    // No step has been filed yet, so the owner tag has not been read on the way.
                    rotation.owner = iam(rotation).findUser(rotation.userName)
                            .map(u -> u.tags().get(RequestPlanner.OWNER_TAG)).orElse(null);
                }
                notices.fire(RotationNotice.of(RotationNotice.BLOCKED, rotation, null, clock.instant()));
            }
            return;
        }
        if (!others.isEmpty()) {
            file(rotation, RotationStatus.CLEARING, RequestType.DELETE_ACCESS_KEY, others.get(0).accessKeyId(),
                    "making room for the new key: the user's other key is inactive", known);
            return;
        }
        file(rotation, RotationStatus.CREATING, RequestType.CREATE_ACCESS_KEY, null,
                why(rotation), known);
    }

    private void next(KeyRotation rotation) {
        Instant now = clock.instant();
        switch (rotation.status) {
            case CLEARING -> file(rotation, RotationStatus.CREATING, RequestType.CREATE_ACCESS_KEY, null,
                    why(rotation));
            case CREATING -> {
                DeliveryView delivery = deliveries.forRequest(rotation.stepRequestId).stream()
                        .filter(d -> d.label() != null).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the creation request made no key"));
                if (delivery.keyProof() == null || delivery.keyProof().state() != SecretDelivery.KeyProof.PROVEN) {
                    // Never the case for a request that succeeded; the old key stays active whatever happens.
                    rotation.move(RotationStatus.FAILED, now, "the new key " + delivery.label()
                            + " was not proven to authenticate; the old key stays active");
                    return;
                }
                rotation.newKeyMade(delivery.label(), delivery.keyProof().provenAt(), delivery.keyProof().checks(),
                        now);
                notices.fire(RotationNotice.of(RotationNotice.KEY_READY, rotation,
                        "/v1/deliveries/" + delivery.id() + "/retrieve", now));
            }
            case DEACTIVATING -> {
                rotation.deactivated(now);
                notices.fire(RotationNotice.of(RotationNotice.DEACTIVATED, rotation, null, now));
            }
            case DELETING -> {
                rotation.move(RotationStatus.DONE, now, null);
                notices.fire(RotationNotice.of(RotationNotice.COMPLETED, rotation, null, now));
            }
            default -> throw new IllegalStateException("no step follows " + rotation.status);
        }
    }

    /**
     * Deactivates the old key once the policy's condition holds (the new key used, its grace passed, or either),
     * but never while the old one was used within the in-use window, unless the policy forces it. The usage of
     * a key is read only when it can change the outcome.
     */
    private void maybeDeactivate(KeyRotation rotation, Instant now) {
        RotationPolicy policy = policyOf(rotation);
        boolean newUsed = policy.deactivateWhen() != RotationConfig.DeactivateWhen.GRACE_ELAPSED
                && iam(rotation).accessKeyLastUsed(rotation.newKeyId).lastUsed() != null;
        if (!policy.mayDeactivate(newUsed, rotation.newKeyAt, now)) {
            rotation.note = switch (policy.deactivateWhen()) {
                case NEW_KEY_USED -> "waiting for the new key's first use";
                case GRACE_ELAPSED -> "waiting for the end of the grace period";
                case WHICHEVER_FIRST -> "waiting for the new key's first use or the end of the grace period";
            };
            return;
        }
        Instant oldUsed = policy.force() ? null : iam(rotation).accessKeyLastUsed(rotation.oldKeyId).lastUsed();
        if (oldUsed != null && oldUsed.isAfter(now.minus(policy.inUseWindow()))) {
            rotation.note = "the old key was used at " + oldUsed + ", within the in-use window";
            return;
        }
        file(rotation, RotationStatus.DEACTIVATING, RequestType.DEACTIVATE_ACCESS_KEY, rotation.oldKeyId,
                newUsed ? "the new key " + rotation.newKeyId + " is in use" : "the grace period has passed");
    }

    /** The IAM of the rotation's account. */
    private IamDirectory iam(KeyRotation rotation) {
        return accounts.get(rotation.account).directory();
    }

    private RotationPolicy policyOf(KeyRotation rotation) {
        return policies.named(rotation.policy);
    }

    private String why(KeyRotation rotation) {
        return rotation.orderedBy != null ? "ordered by request " + rotation.orderedBy
                : "key " + rotation.oldKeyId + " is older than " + policyOf(rotation).maxAge() + " (policy '"
                        + rotation.policy + "')";
    }

    /** The step's request if it succeeded; a request that ended otherwise fails the rotation. */
    private Optional<AccessRequest> stepDone(KeyRotation rotation) {
        AccessRequest step = Requests.get(rotation.stepRequestId);
        if (!step.status.terminal()) {
            return Optional.empty();
        }
        if (step.status == RequestStatus.SUCCEEDED) {
            return Optional.of(step);
        }
        rotation.move(RotationStatus.FAILED, clock.instant(), "request " + step.id + " ended " + step.status
                + (step.failureReason == null ? "" : ": " + step.failureReason));
        if (rotation.newKeyId == null) {
            deliveries.forRequest(step.id).stream().map(DeliveryView::keyProof)
                    .filter(p -> p != null && p.state() != SecretDelivery.KeyProof.PROVEN).findFirst()
                    .ifPresent(p -> rotation.newKeyProofFailure = p.failure());
        }
        return Optional.empty();
    }

    private void file(KeyRotation rotation, RotationStatus status, RequestType type, String keyId, String why) {
        file(rotation, status, type, keyId, why, null);
    }

    private void file(KeyRotation rotation, RotationStatus status, RequestType type, String keyId, String why,
            KnownUser known) {
        String reason = "rotation of key " + rotation.oldKeyId + ": " + why;
        AccessRequest filed = requests.submitForSystem(new SubmitRequest(rotation.account, type, rotation.userName,
                null, null, null, keyId, null, null, reason), RULE, reason, clock.instant(), known);
        rotation.stepFiled(status, filed.id, clock.instant());
        if (filed.owner != null) {
            rotation.owner = filed.owner;
        }
    }
}
