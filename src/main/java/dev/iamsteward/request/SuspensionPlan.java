package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static List<PlannedCall> suspend(IamDirectory iam, AccessRequest request, IamUser user) {
        if (currentSuspension(user).isPresent()) {
            throw conflict("'" + request.userName + "' is already suspended");
        }
        List<String> attached = iam.listAttachedUserPolicies(request.userName);
        if (!attached.contains(DENY_ALL) && attached.size() >= RequestPlanner.MANAGED_POLICIES_PER_USER) {
            throw new StewardException(ErrorKind.QUOTA_EXCEEDED, "'" + request.userName + "' has "
                    + attached.size() + " managed policies; AWSDenyAll cannot be attached to suspend it");
        }
        List<PlannedCall> calls = new ArrayList<>();
        if (!attached.contains(DENY_ALL)) {
            calls.add(call(request, "iam:AttachUserPolicy", Map.of("PolicyArn", DENY_ALL)));
        }
        iam.listAccessKeys(request.userName).stream().filter(k -> k.status() == AccessKey.Status.ACTIVE)
                .forEach(k -> calls.add(call(request, "iam:UpdateAccessKey", Map.of("AccessKeyId", k.accessKeyId(),
                        "Status", AccessKey.Status.INACTIVE.name()))));
        if (iam.findLoginProfile(request.userName).isPresent()) {
            calls.add(call(request, "iam:DeleteLoginProfile", Map.of()));
        }
        if (calls.isEmpty()) {
            throw conflict("'" + request.userName + "' is already denied everything, with no active key and no "
                    + "console access to suspend");
        }
        return calls;
    }

    static List<PlannedCall> restore(IamDirectory iam, AccessRequest request, IamUser user) {
        AccessRequest suspension = currentSuspension(user)
                .orElseThrow(() -> conflict("'" + request.userName + "' is not suspended"));
        List<String> keysNow = iam.listAccessKeys(request.userName).stream().map(AccessKey::accessKeyId).toList();
        List<PlannedCall> calls = new ArrayList<>();
        for (PlannedCall taken : suspension.plan) {
            if (taken.action().equals("iam:UpdateAccessKey") && keysNow.contains(taken.parameters().get("AccessKeyId"))) {
                calls.add(call(request, "iam:UpdateAccessKey", Map.of("AccessKeyId",
                        taken.parameters().get("AccessKeyId"), "Status", AccessKey.Status.ACTIVE.name())));
            }
            if (taken.action().equals("iam:DeleteLoginProfile") && iam.findLoginProfile(request.userName).isEmpty()) {
                if (request.owner == null) {
                    throw conflict("'" + request.userName + "' has no owner to hand a new console password to");
                }
                calls.add(call(request, "iam:CreateLoginProfile", Map.of("PasswordResetRequired", "true")));
            }
        }
        boolean deniedBySuspension = suspension.plan.stream()
                .anyMatch(c -> c.action().equals("iam:AttachUserPolicy"));
        if (deniedBySuspension && iam.listAttachedUserPolicies(request.userName).contains(DENY_ALL)) {
            calls.add(call(request, "iam:DetachUserPolicy", Map.of("PolicyArn", DENY_ALL)));
        }
        if (calls.isEmpty()) {
            throw conflict("nothing that suspension " + suspension.id + " took away can be given back");
        }
        return calls;
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

    private static PlannedCall call(AccessRequest request, String action, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("UserName", request.userName);
        parameters.putAll(extra);
        return new PlannedCall(action, parameters);
    }

    private static StewardException conflict(String detail) {
        return new StewardException(ErrorKind.STATE_CONFLICT, detail);
    }
}
