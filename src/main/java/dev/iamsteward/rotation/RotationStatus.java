package dev.iamsteward.rotation;

import java.util.List;

/**
 * Where one key's rotation is. Each step waits for the request it filed: CLEARING (an inactive second key is
 * deleted to make room) → CREATING → WAITING (for the new key's first use or the grace period) → DEACTIVATING
 * → DEACTIVATED (the old key can still be reactivated) → DELETING → DONE. BLOCKED: the user's other key is
 * active, so there is no room for a new one; the sweep looks again each time. FAILED: a step's request did not succeed. ROLLED_BACK: the old key
 * was reactivated.
 */
public enum RotationStatus {
    CLEARING, CREATING, WAITING, DEACTIVATING, DEACTIVATED, DELETING, DONE, BLOCKED, FAILED, ROLLED_BACK;

    /** The ended states, for queries; the partial unique index of migration V15 names the same ones. */
    static final List<RotationStatus> SETTLED = List.of(DONE, FAILED, ROLLED_BACK);

    /** States the sweep no longer moves. */
    public boolean settled() {
        return SETTLED.contains(this);
    }
}
