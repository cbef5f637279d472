package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.request.PlanStep.AttachUserPolicy;
import dev.iamsteward.request.PlanStep.CreateLoginProfile;
import dev.iamsteward.request.PlanStep.DeleteLoginProfile;
import dev.iamsteward.request.PlanStep.DetachUserPolicy;
import dev.iamsteward.request.PlanStep.UpdateAccessKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Suspension and its undoing. Suspending attaches AWS's deny-all policy first (which also stops sessions
 * already issued, SSH keys and service-specific credentials), then deactivates every active key and removes
 * console access. The suspension's own plan is the memory of what it took away, and restoring gives back
 * exactly that: the same keys reactivated, console access with a new one-time password, and the deny lifted.
 */
final class SuspensionPlan {

    private SuspensionPlan() {
    }

    /** AWS's managed policy that denies every action. */
    static final String DENY_ALL = "arn:aws:iam::aws:policy/AWSDenyAll";

    static List<PlanStep> suspend(IamDirectory iam, AccessRequest request, IamUser user) {
        String name = request.userName;
        if (currentSuspension(user).isPresent()) {
            throw StewardException.conflict("'" + name + "' is already suspended");
        }
        List<String> attached = iam.listAttachedUserPolicies(name);
        if (!attached.contains(DENY_ALL) && attached.size() >= RequestPlanner.MANAGED_POLICIES_PER_USER) {
            throw new StewardException(ErrorKind.QUOTA_EXCEEDED, "'" + name + "' has "
                    + attached.size() + " managed policies; AWSDenyAll cannot be attached to suspend it");
        }
        List<PlanStep> steps = new ArrayList<>();
        if (!attached.contains(DENY_ALL)) {
            steps.add(new AttachUserPolicy(name, DENY_ALL));
        }
        iam.listAccessKeys(name).stream().filter(k -> k.status() == AccessKey.Status.ACTIVE)
                .forEach(k -> steps.add(new UpdateAccessKey(name, k.accessKeyId(), AccessKey.Status.INACTIVE)));
        if (iam.findLoginProfile(name).isPresent()) {
            steps.add(new DeleteLoginProfile(name));
        }
        if (steps.isEmpty()) {
            throw StewardException.conflict("'" + name + "' is already denied everything, with no active key and "
                    + "no console access to suspend");
        }
        return steps;
    }

    static List<PlanStep> restore(IamDirectory iam, AccessRequest request, IamUser user) {
        String name = request.userName;
        AccessRequest suspension = currentSuspension(user)
                .orElseThrow(() -> StewardException.conflict("'" + name + "' is not suspended"));
        List<String> keysNow = iam.listAccessKeys(name).stream().map(AccessKey::accessKeyId).toList();
        List<PlanStep> steps = new ArrayList<>();
        boolean deniedBySuspension = false;
        for (PlannedCall stored : suspension.plan) {
            PlanStep taken = PlanStep.of(stored);
            if (taken instanceof UpdateAccessKey update && keysNow.contains(update.accessKeyId())) {
                steps.add(new UpdateAccessKey(name, update.accessKeyId(), AccessKey.Status.ACTIVE));
            }
            if (taken instanceof DeleteLoginProfile && iam.findLoginProfile(name).isEmpty()) {
                if (request.owner == null) {
                    throw StewardException.conflict("'" + name + "' has no owner to hand a new console password to");
                }
                steps.add(new CreateLoginProfile(name, true));
            }
            deniedBySuspension |= taken instanceof AttachUserPolicy;
        }
        if (deniedBySuspension && iam.listAttachedUserPolicies(name).contains(DENY_ALL)) {
            steps.add(new DetachUserPolicy(name, DENY_ALL));
        }
        if (steps.isEmpty()) {
            throw StewardException.conflict("nothing that suspension " + suspension.id + " took away can be given "
                    + "back");
        }
        return steps;
    }

    /**
     * The suspension in force on this user: a succeeded SUSPEND_USER with no succeeded RESTORE_USER after it,
     * since the user was created (an earlier user of the same name is another user).
     */
    static Optional<AccessRequest> currentSuspension(IamUser user) {
        return AccessRequest.<AccessRequest>find("lower(userName) = lower(?1) and status = ?2 and type in (?3, ?4) "
                        + "and completedAt >= ?5 order by completedAt desc", user.userName(), RequestStatus.SUCCEEDED,
                        RequestType.SUSPEND_USER, RequestType.RESTORE_USER, user.createDate())
                .firstResultOptional().filter(r -> r.type == RequestType.SUSPEND_USER);
    }
}
