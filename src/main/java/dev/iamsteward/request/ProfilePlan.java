package dev.iamsteward.request;

import dev.iamsteward.account.AccessProfile;
import dev.iamsteward.common.ErrorKind;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.request.PlanStep.AddUserToGroup;
import dev.iamsteward.request.PlanStep.AttachUserPolicy;
import dev.iamsteward.request.PlanStep.DetachUserPolicy;
import dev.iamsteward.request.PlanStep.RemoveUserFromGroup;
import java.util.List;
import java.util.function.Function;

/**
 * Plans for granting or taking away an access profile: only the memberships and attachments that would
 * change, and never past IAM's quotas of ten groups and ten managed policies per user.
 */
final class ProfilePlan {

    static final int GROUPS_PER_USER = 10;

    private ProfilePlan() {
    }

    static List<PlanStep> of(IamDirectory iam, AccessRequest request, AccessProfile profile) {
        String user = request.userName;
        return switch (request.type) {
            case ADD_TO_GROUP -> grant(request, profile.groups(), iam.listGroupsForUser(user), GROUPS_PER_USER,
                    group -> new AddUserToGroup(user, group), "groups");
            case REMOVE_FROM_GROUP -> revoke(request, profile.groups(), iam.listGroupsForUser(user),
                    group -> new RemoveUserFromGroup(user, group), "groups");
            case ATTACH_POLICY -> grant(request, profile.policyArns(), iam.listAttachedUserPolicies(user),
                    RequestPlanner.MANAGED_POLICIES_PER_USER, arn -> new AttachUserPolicy(user, arn),
                    "managed policies");
            case DETACH_POLICY -> revoke(request, profile.policyArns(), iam.listAttachedUserPolicies(user),
                    arn -> new DetachUserPolicy(user, arn), "managed policies");
            default -> throw new IllegalArgumentException(request.type + " does not concern a profile");
        };
    }

    private static List<PlanStep> grant(AccessRequest request, List<String> wanted, List<String> current,
            int quota, Function<String, PlanStep> step, String what) {
        requireSome(request, wanted, what);
        List<String> missing = wanted.stream().filter(w -> !current.contains(w)).toList();
        if (missing.isEmpty()) {
            throw StewardException.conflict("'" + request.userName + "' already has every " + what + " of profile "
                    + request.profile);
        }
        if (current.size() + missing.size() > quota) {
            throw new StewardException(ErrorKind.QUOTA_EXCEEDED, "'" + request.userName + "' has " + current.size()
                    + " " + what + "; adding " + missing.size() + " would pass IAM's limit of " + quota);
        }
        return missing.stream().map(step).toList();
    }

    private static List<PlanStep> revoke(AccessRequest request, List<String> wanted, List<String> current,
            Function<String, PlanStep> step, String what) {
        requireSome(request, wanted, what);
        List<String> present = wanted.stream().filter(current::contains).toList();
        if (present.isEmpty()) {
            throw StewardException.conflict("'" + request.userName + "' has none of the " + what + " of profile "
                    + request.profile);
        }
        return present.stream().map(step).toList();
    }

    private static void requireSome(AccessRequest request, List<String> wanted, String what) {
        if (wanted.isEmpty()) {
            throw new StewardException(ErrorKind.UNKNOWN_PROFILE, "profile " + request.profile + " has no " + what
                    + "; " + request.type + " does not apply to it");
        }
    }
}
