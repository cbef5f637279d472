package dev.iamsteward.rotation;

import java.time.Instant;
import java.util.UUID;

/** An exemption from rotation as the API shows it; {@code active} is false once it has expired. */
public record ExemptionView(UUID id, String account, String userName, String accessKeyId, String owner, String reason,
        Instant expiresAt, String createdBy, Instant createdAt, boolean active) {

    static ExemptionView of(RotationExemption e, Instant now) {
        return new ExemptionView(e.id, e.account, e.userName, e.accessKeyId, e.owner, e.reason, e.expiresAt,
                e.createdBy, e.createdAt, e.activeAt(now));
    }
}
