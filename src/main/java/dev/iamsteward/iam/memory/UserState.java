package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamNames;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.LoginProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One IAM user and everything hanging off it, with IAM's per-user quotas. */
// Not thread-safe: the directory holds its lock around every use. Lists keep creation order.
final class UserState {

    static final int GROUPS_MAX = 10;
    static final int ATTACHED_POLICIES_MAX = 10;

    /** Credentials other than passwords and access keys, which only offboarding touches. */
    enum Credential {
        SIGNING_CERTIFICATE(2, "SigningCertificatesPerUser", "The Signing Certificate with id %s cannot be found."),
        SSH_PUBLIC_KEY(5, "SSHPublicKeysPerUser", "The Public Key with id %s cannot be found."),
        // IAM's quota is two per user and service; the fake models one service (CodeCommit).
        SERVICE_SPECIFIC(2, "ServiceSpecificCredentialsPerUserPerService", "No such credential %s exists.");

        final int max;
        final String quota;
        final String notFound;

        Credential(int max, String quota, String notFound) {
            this.max = max;
            this.quota = quota;
            this.notFound = notFound;
        }
    }

    private IamUser user;
    private LoginProfile loginProfile;
    private final AccessKeys accessKeys = new AccessKeys();
    /** Group names by lower-cased name, since group names are unique regardless of case. */
    private final Map<String, String> groups = new LinkedHashMap<>();
    private final Set<String> attachedPolicies = new LinkedHashSet<>();
    private final Set<String> inlinePolicies = new LinkedHashSet<>();
    private final Map<Credential, Set<String>> credentials = new EnumMap<>(Credential.class);

    UserState(IamUser user) {
        this.user = user;
        for (Credential kind : Credential.values()) {
            credentials.put(kind, new LinkedHashSet<>());
        }
    }

    IamUser user() {
        return user;
    }

    /** Merges {@code tags} over the existing ones; the request fails whole when the total passes the quota. */
    void tag(Map<String, String> tags) {
        Map<String, String> merged = new LinkedHashMap<>(user.tags());
        merged.putAll(tags);
        if (merged.size() > IamNames.TAGS_MAX) {
            throw new IamException.LimitExceeded("A user can have at most " + IamNames.TAGS_MAX + " tags");
        }
        replaceUser(merged, user.permissionsBoundaryArn());
    }

    void removePermissionsBoundary() {
        replaceUser(user.tags(), null);
    }

    Optional<LoginProfile> loginProfile() {
        return Optional.ofNullable(loginProfile);
    }

    void createLoginProfile(LoginProfile profile) {
        if (loginProfile != null) {
            throw new IamException.EntityAlreadyExists("Login Profile for user " + user.userName()
                    + " already exists.");
        }
        loginProfile = profile;
    }

    void deleteLoginProfile() {
        if (loginProfile == null) {
            throw new IamException.NoSuchEntity("Login Profile for User " + user.userName() + " cannot be found.");
        }
        loginProfile = null;
    }

    AccessKeys accessKeys() {
        return accessKeys;
    }

    List<String> groups() {
        return List.copyOf(groups.values());
    }

    /** Joining a group the user is already in changes nothing, as in IAM. */
    void joinGroup(String groupName) {
        String key = InMemoryIamDirectory.key(groupName);
        if (!groups.containsKey(key) && groups.size() >= GROUPS_MAX) {
            throw new IamException.LimitExceeded("Cannot exceed quota for GroupsPerUser: " + GROUPS_MAX);
        }
        groups.putIfAbsent(key, groupName);
    }

    void leaveGroup(String groupName) {
        if (groups.remove(InMemoryIamDirectory.key(groupName)) == null) {
            throw new IamException.NoSuchEntity("User " + user.userName() + " is not in group " + groupName + ".");
        }
    }

    List<String> attachedPolicies() {
        return List.copyOf(attachedPolicies);
    }

    /** Attaching a policy that is already attached changes nothing, as in IAM. */
    void attachPolicy(String policyArn) {
        if (!attachedPolicies.contains(policyArn) && attachedPolicies.size() >= ATTACHED_POLICIES_MAX) {
            throw new IamException.LimitExceeded("Cannot exceed quota for PoliciesPerUser: " + ATTACHED_POLICIES_MAX);
        }
        attachedPolicies.add(policyArn);
    }

    void detachPolicy(String policyArn) {
        remove(attachedPolicies, policyArn, "Policy " + policyArn + " was not found.");
    }

    List<String> inlinePolicies() {
        return List.copyOf(inlinePolicies);
    }

    /** PutUserPolicy overwrites a policy of the same name, so putting one twice is not an error. */
    void putInlinePolicy(String policyName) {
        inlinePolicies.add(policyName);
    }

    void deleteInlinePolicy(String policyName) {
        remove(inlinePolicies, policyName, "The user policy with name " + policyName + " cannot be found.");
    }

    List<String> credentials(Credential kind) {
        return List.copyOf(credentials.get(kind));
    }

    void addCredential(Credential kind, String id) {
        Set<String> held = credentials.get(kind);
        if (held.size() >= kind.max) {
            throw new IamException.LimitExceeded("Cannot exceed quota for " + kind.quota + ": " + kind.max);
        }
        held.add(id);
    }

    void deleteCredential(Credential kind, String id) {
        remove(credentials.get(kind), id, String.format(kind.notFound, id));
    }

    /** The kinds of dependents that make DeleteUser fail; a permissions boundary is not one of them. */
    List<String> dependents(int assignedMfaDevices) {
        List<String> kinds = new ArrayList<>();
        addIf(kinds, loginProfile != null, "login profile");
        addIf(kinds, !accessKeys.isEmpty(), "access keys");
        addIf(kinds, !credentials.get(Credential.SIGNING_CERTIFICATE).isEmpty(), "signing certificates");
        addIf(kinds, !credentials.get(Credential.SSH_PUBLIC_KEY).isEmpty(), "SSH public keys");
        addIf(kinds, !credentials.get(Credential.SERVICE_SPECIFIC).isEmpty(), "service-specific credentials");
        addIf(kinds, assignedMfaDevices > 0, "MFA devices");
        addIf(kinds, !inlinePolicies.isEmpty(), "inline policies");
        addIf(kinds, !attachedPolicies.isEmpty(), "attached managed policies");
        addIf(kinds, !groups.isEmpty(), "group memberships");
        return kinds;
    }

    private static void addIf(List<String> kinds, boolean present, String kind) {
        if (present) {
            kinds.add(kind);
        }
    }

    private static void remove(Collection<String> from, String item, String notFound) {
        if (!from.remove(item)) {
            throw new IamException.NoSuchEntity(notFound);
        }
    }

    private void replaceUser(Map<String, String> tags, String boundaryArn) {
        user = new IamUser(user.userName(), user.userId(), user.arn(), user.path(), user.createDate(), boundaryArn,
                tags);
    }
}
