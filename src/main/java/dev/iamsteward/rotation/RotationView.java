package dev.iamsteward.rotation;

import java.time.Instant;
import java.util.UUID;

/**
 * A key's rotation as the API shows it; {@code stepRequestId} is the request of the step in progress, {@code policy}
 * the rotation policy it follows and {@code orderedBy} the ROTATE_ACCESS_KEY request behind it. {@code newKeyProvenAt}
 * and {@code newKeyProofChecks} say when and after how many GetCallerIdentity checks the new key authenticated;
 * {@code newKeyProofFailure} why it did not, when the rotation failed for that.
 */
public record RotationView(UUID id, String account, String userName, String oldKeyId, Instant oldKeyMadeAt,
        String newKeyId, RotationStatus status, UUID stepRequestId, Instant startedAt, Instant newKeyAt,
        Instant deactivatedAt, Instant updatedAt, String note, String policy, UUID orderedBy, Instant newKeyProvenAt,
        Integer newKeyProofChecks, String newKeyProofFailure) {

    static RotationView of(KeyRotation r) {
        return new RotationView(r.id, r.account, r.userName, r.oldKeyId, r.oldKeyMadeAt, r.newKeyId, r.status,
                r.stepRequestId, r.startedAt, r.newKeyAt, r.deactivatedAt, r.updatedAt, r.note, r.policy, r.orderedBy,
                r.newKeyProvenAt, r.newKeyProofChecks, r.newKeyProofFailure);
    }
}
