package dev.iamsteward.rotation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One access key's rotation, kept in the database so that it survives restarts: which key is replaced, by
 * which, and the request each step filed. At most one rotation of an old key is under way at a time (a partial
 * unique index); the sweep does not start a key again by itself once it had one, but a ROTATE_ACCESS_KEY request
 * may once the earlier one has ended.
 */
@Entity
@Table(name = "key_rotation")
public class KeyRotation extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The target account the key is in. */
    public String account;

    @Column(name = "user_name")
    public String userName;

    @Column(name = "old_key_id")
    public String oldKeyId;

    @Column(name = "old_key_made_at")
    public Instant oldKeyMadeAt;

    @Column(name = "new_key_id")
    public String newKeyId;

    @Enumerated(EnumType.STRING)
    public RotationStatus status;

    /** The request of the step in progress; the sweep moves on when it has succeeded. */
    @Column(name = "step_request_id")
    public UUID stepRequestId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "new_key_at")
    public Instant newKeyAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the new key was proven to authenticate as the user; the old key is deactivated only after that. */
    @Column(name = "new_key_proven_at")
    public Instant newKeyProvenAt;

    /** The GetCallerIdentity checks the new key's proof took. */
    @Column(name = "new_key_proof_checks")
    public Integer newKeyProofChecks;

    /** Why the new key was not proven, when its creation failed for that. */
    @Column(name = "new_key_proof_failure")
    public String newKeyProofFailure;

    /** Why it is blocked, failed or rolled back. */
    public String note;

    /** The rotation policy it follows, by name ({@value RotationPolicy#DEFAULT} for the top-level values). */
    public String policy;

    /** The user's owner, who is told how the rotation goes; read from the user's owner tag. */
    public String owner;

    /** The ROTATE_ACCESS_KEY request that ordered this rotation; null for one the sweep started. */
    @Column(name = "ordered_by")
    public UUID orderedBy;

    static KeyRotation start(String account, String userName, String oldKeyId, Instant oldKeyMadeAt,
            String policy, Instant at) {
        KeyRotation rotation = new KeyRotation();
        rotation.policy = policy;
        rotation.id = UUID.randomUUID();
        rotation.account = account;
        rotation.userName = userName;
        rotation.oldKeyId = oldKeyId;
        rotation.oldKeyMadeAt = oldKeyMadeAt.truncatedTo(ChronoUnit.SECONDS);
        rotation.startedAt = micros(at);
        rotation.status = RotationStatus.CREATING;
        rotation.updatedAt = rotation.startedAt;
        return rotation;
    }

    /** The step's request was filed; the rotation waits for it in {@code status}. */
    void stepFiled(RotationStatus status, UUID requestId, Instant at) {
        move(status, at, null);
        stepRequestId = requestId;
    }

    /** The new key exists and was proven at {@code provenAt} after {@code checks} checks; the rotation waits. */
    void newKeyMade(String keyId, Instant provenAt, int checks, Instant at) {
        move(RotationStatus.WAITING, at, null);
        newKeyId = keyId;
        newKeyProvenAt = micros(provenAt);
        newKeyProofChecks = checks;
        newKeyAt = micros(at);
        stepRequestId = null;
    }

    void deactivated(Instant at) {
        move(RotationStatus.DEACTIVATED, at, null);
        deactivatedAt = micros(at);
        stepRequestId = null;
    }

    /** Moves to {@code to} if {@link RotationStatus#next()} allows it; a settled rotation never moves again. */
    void move(RotationStatus to, Instant at, String why) {
        if (!status.canMoveTo(to)) {
            throw new IllegalStateException("rotation " + id + " is " + status + " and cannot become " + to);
        }
        status = to;
        updatedAt = micros(at);
        note = why;
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
