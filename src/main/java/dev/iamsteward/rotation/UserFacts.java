package dev.iamsteward.rotation;

import dev.iamsteward.account.TargetAccount;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamUser;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What policies match on, for one candidate user: the path comes with the credential report; tags, groups and
 * attached policies are read from IAM only when a policy asks, and at most once each.
 */
final class UserFacts {

    private final TargetAccount account;
    private final IamDirectory iam;
    private final String userName;
    private final String path;
    private IamUser user;
    private Set<String> groups;
    private Set<String> policyArns;

    UserFacts(TargetAccount account, String userName, String path) {
        this.account = account;
        this.iam = account.directory();
        this.userName = userName;
        this.path = path;
    }

    String userName() {
        return userName;
    }

    String path() {
        return path;
    }

    /** The user's tags (GetUser); empty for a user deleted since the report. */
    Map<String, String> tags() {
        if (user == null) {
            user = iam.findUser(userName).orElse(new IamUser(userName, null, null, path, null, null, Map.of()));
        }
        return user.tags();
    }

    /**
     * Whether the user is in all these groups (ListGroupsForUser) and has all these policies attached, the
     * catalog's policy ARNs read in the user's account.
     */
    boolean holds(List<String> profileGroups, List<String> profilePolicyArns) {
        if (!profileGroups.isEmpty() && groups == null) {
            groups = Set.copyOf(iam.listGroupsForUser(userName));
        }
        if (!profilePolicyArns.isEmpty() && policyArns == null) {
            policyArns = Set.copyOf(iam.listAttachedUserPolicies(userName));
        }
        return (profileGroups.isEmpty() || groups.containsAll(profileGroups))
                && (profilePolicyArns.isEmpty() || policyArns.containsAll(profilePolicyArns.stream()
                        .map(account.settings()::inAccount).toList()));
    }
}
