package dev.iamsteward.request;

import java.util.Optional;
import java.util.UUID;

/**
 * Key rotations as a ROTATE_ACCESS_KEY request sees them: the planner asks whether a key may be rotated, and
 * execution starts the rotation through here, so that neither knows the rotation package.
 */
public interface KeyRotations {

    /** Why this key cannot be rotated on demand (a rotation of it is under way), or empty when it can. */
    Optional<String> whyNotRotatable(String accessKeyId);

    /**
     * Starts the rotation the request ordered; run again after a crash, it finds the rotation already there.
     * Throws a StewardException when the key is gone or a rotation of it began since the plan was checked.
     */
    void start(UUID requestId, String account, String userName, String accessKeyId);
}
