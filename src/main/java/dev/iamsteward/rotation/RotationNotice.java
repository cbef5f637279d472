package dev.iamsteward.rotation;

import java.time.Instant;
import java.util.UUID;

/**
 * A moment of a rotation its user's owner is told about, fired in the transaction of the change so that the
 * notification commits or rolls back with it. Key ids only, never a secret; {@code deliveryLink} is where the
 * owner fetches the new key's secret, once; {@code account} is the target account the key is in.
 */
public record RotationNotice(String type, UUID rotationId, String account, String owner, String userName,
        String oldKeyId, String newKeyId, String deliveryLink, String note, Instant at) {

    public static final String KEY_READY = "rotation.key-ready";
    public static final String DEACTIVATED = "rotation.old-key-deactivated";
    public static final String BLOCKED = "rotation.blocked";
    public static final String COMPLETED = "rotation.completed";

    static RotationNotice of(String type, KeyRotation r, String deliveryLink, Instant at) {
        return new RotationNotice(type, r.id, r.account, r.owner, r.userName, r.oldKeyId, r.newKeyId, deliveryLink,
                r.note, at);
    }
}
