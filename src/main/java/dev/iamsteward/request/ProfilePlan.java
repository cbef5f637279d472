package dev.iamsteward.request;

import dev.iamsteward.account.AccessProfile;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans for granting or taking away an access profile: only the memberships and attachments that would
 * change, and never past IAM's quotas of ten groups and ten managed policies per user.
 */
final class ProfilePlan {

    static final int GROUPS_PER_USER = 10;

    private ProfilePlan() {
    }

    static List<PlannedCall> of(IamDirectory iam, AccessRequest request, AccessProfile profile) {
        return switch (request.type) {
            case ADD_TO_GROUP -> grant(request, profile.groups(), iam.listGroupsForUser(request.userName),
                    GROUPS_PER_USER, "iam:AddUserToGroup", "GroupName", "groups");
            case REMOVE_FROM_GROUP -> revoke(request, profile.groups(), iam.listGroupsForUser(request.userName),
                    "iam:RemoveUserFromGroup", "GroupName", "groups");
            case ATTACH_POLICY -> grant(request, profile.policyArns(), iam.listAttachedUserPolicies(request.userName),
                    RequestPlanner.MANAGED_POLICIES_PER_USER, "iam:AttachUserPolicy", "PolicyArn", "managed policies");
            case DETACH_POLICY -> revoke(request, profile.policyArns(),
                    iam.listAttachedUserPolicies(request.userName), "iam:DetachUserPolicy", "PolicyArn",
                    "managed policies");
            default -> throw new IllegalArgumentException(request.type + " does not concern a profile");
        };
    }

    private static List<PlannedCall> grant(AccessRequest request, List<String> wanted, List<String> current,
            int quota, String action, String parameter, String what) {
        requireSome(request, wanted, what);
        List<String> missing = wanted.stream().filter(w -> !current.contains(w)).toList();
        if (missing.isEmpty()) {
            throw conflict("'" + request.userName + "' already has every " + what + " of profile " + request.profile);
        }
        if (current.size() + missing.size() > quota) {
            throw new StewardException(ErrorKind.QUOTA_EXCEEDED, "'" + request.userName + "' has " + current.size()
                    + " " + what + "; adding " + missing.size() + " would pass IAM's limit of " + quota);
        }
        return calls(request, missing, action, parameter);
    }

    private static List<PlannedCall> revoke(AccessRequest request, List<String> wanted, List<String> current,
            String action, String parameter, String what) {
        requireSome(request, wanted, what);
        List<String> present = wanted.stream().filter(current::contains).toList();
        if (present.isEmpty()) {
            throw conflict("'" + request.userName + "' has none of the " + what + " of profile " + request.profile);
        }
        return calls(request, present, action, parameter);
    }

    private static void requireSome(AccessRequest request, List<String> wanted, String what) {
        if (wanted.isEmpty()) {
            throw new StewardException(ErrorKind.UNKNOWN_PROFILE, "profile " + request.profile + " has no " + what
                    + "; " + request.type + " does not apply to it");
        }
    }

    private static List<PlannedCall> calls(AccessRequest request, List<String> values, String action,
            String parameter) {
        List<PlannedCall> calls = new ArrayList<>();
        for (String value : values) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("UserName", request.userName);
            parameters.put(parameter, value);
            calls.add(new PlannedCall(action, parameters));
        }
        return calls;
    }

    private static StewardException conflict(String detail) {
        return new StewardException(ErrorKind.STATE_CONFLICT, detail);
    }
}
