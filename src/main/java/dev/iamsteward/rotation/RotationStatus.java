package dev.iamsteward.rotation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where one key's rotation is, and where it may go from there, all in one place. Each step waits for the request
 * it filed: CLEARING (an inactive second key is deleted to make room) → CREATING → WAITING (for the new key's first
 * use or the grace period) → DEACTIVATING → DEACTIVATED (the old key can still be reactivated) → DELETING → DONE.
 * BLOCKED: the user's other key is active, so there is no room for a new one; the sweep looks again each time.
 * FAILED: a step's request did not succeed. ROLLED_BACK: the old key was reactivated. A rotation starts in
 * CREATING and, before filing anything, may find it must clear room first or is blocked.
 */
public enum RotationStatus {
    CLEARING, CREATING, WAITING, DEACTIVATING, DEACTIVATED, DELETING, DONE, BLOCKED, FAILED, ROLLED_BACK;

    /** The ended states, for queries; the partial unique index of migration V15 names the same ones. */
    static final List<RotationStatus> SETTLED = List.of(DONE, FAILED, ROLLED_BACK);

    /** The states a rotation in this one may move to. */
    public Set<RotationStatus> next() {
        return switch (this) {
            case CREATING -> EnumSet.of(CREATING, CLEARING, BLOCKED, WAITING, FAILED);
            case BLOCKED -> EnumSet.of(CLEARING, CREATING);
            case CLEARING -> EnumSet.of(CREATING, FAILED);
            case WAITING -> EnumSet.of(DEACTIVATING);
            case DEACTIVATING -> EnumSet.of(DEACTIVATED, FAILED);
            case DEACTIVATED -> EnumSet.of(DELETING, ROLLED_BACK);
            case DELETING -> EnumSet.of(DONE, FAILED);
            case DONE, FAILED, ROLLED_BACK -> EnumSet.noneOf(RotationStatus.class);
        };
    }

    public boolean canMoveTo(RotationStatus target) {
        return next().contains(target);
    }

    /** States the sweep no longer moves. */
    public boolean settled() {
        return SETTLED.contains(this);
    }
}
