package dev.iamsteward.request;

import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suspension and its undoing. Suspending deactivates every active key and removes console access; the
 * suspension's own plan is the memory of what it took away, and restoring gives back exactly that: the same
 * keys reactivated, and console access with a new one-time password.
 */
final class SuspensionPlan {

    private SuspensionPlan() {
    }

    static List<PlannedCall> suspend(IamDirectory iam, AccessRequest request) {
        if (currentSuspension(request.userName).isPresent()) {
            throw conflict("'" + request.userName + "' is already suspended");
        }
        List<PlannedCall> calls = new ArrayList<>();
        iam.listAccessKeys(request.userName).stream().filter(k -> k.status() == AccessKey.Status.ACTIVE)
                .forEach(k -> calls.add(call(request, "iam:UpdateAccessKey", Map.of("AccessKeyId", k.accessKeyId(),
                        "Status", AccessKey.Status.INACTIVE.name()))));
        if (iam.findLoginProfile(request.userName).isPresent()) {
            calls.add(call(request, "iam:DeleteLoginProfile", Map.of()));
        }
        if (calls.isEmpty()) {
            throw conflict("'" + request.userName + "' has no active key and no console access to suspend");
        }
        return calls;
    }

    static List<PlannedCall> restore(IamDirectory iam, AccessRequest request) {
        AccessRequest suspension = currentSuspension(request.userName)
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
        if (calls.isEmpty()) {
            throw conflict("nothing that suspension " + suspension.id + " took away can be given back");
        }
        return calls;
    }

    /** The suspension in force: a succeeded SUSPEND_USER with no succeeded RESTORE_USER after it. */
    static Optional<AccessRequest> currentSuspension(String userName) {
        return AccessRequest.<AccessRequest>find("lower(userName) = lower(?1) and status = ?2 and type in (?3, ?4) "
                        + "order by completedAt desc", userName, RequestStatus.SUCCEEDED, RequestType.SUSPEND_USER,
                        RequestType.RESTORE_USER)
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
