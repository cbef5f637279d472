package dev.iamsteward.iam;

import dev.iamsteward.common.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one outbound port to AWS IAM. Writes carry the attribution of the request they serve; reads run as
 * the service itself. Every method reports IAM's refusals as {@link IamException}s, with AWS's semantics:
 * NoSuchEntity for a missing user or dependent, EntityAlreadyExists, LimitExceeded for full quotas and
 * DeleteConflict for a user (or a virtual MFA device) that still has dependents.
 */
public interface IamDirectory {

    // ---- users

    /** Creates a user; fails with {@link IamException.EntityAlreadyExists} when the name is taken. */
    IamUser createUser(NewUser user, Attribution attribution);

    /** The user with this name (IAM compares names case-insensitively), if there is one. */
    Optional<IamUser> findUser(String userName);

    /** One page of the users whose path starts with {@code pathPrefix}, in IAM's order. */
    IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems);

    /** Adds or overwrites tags on a user. */
    void tagUser(String userName, Map<String, String> tags, Attribution attribution);

    /** Deletes a user; DeleteConflict while it has any credential, MFA device, policy or group. */
    void deleteUser(String userName, Attribution attribution);

    // ---- console access

    /** The user's login profile; empty also for an unknown user, as IAM answers both with NoSuchEntity. */
    Optional<LoginProfile> findLoginProfile(String userName);

    /** EntityAlreadyExists when the user has one; PasswordPolicyViolation is reported as InvalidInput. */
    void createLoginProfile(String userName, Secret password, boolean passwordResetRequired,
            Attribution attribution);

    void deleteLoginProfile(String userName, Attribution attribution);

    /** The account's password policy, or {@link PasswordPolicy#AWS_DEFAULT} when it sets none. */
    PasswordPolicy passwordPolicy();

    // ---- access keys

    List<AccessKey> listAccessKeys(String userName);

    /** LimitExceeded when the user already has two keys. */
    NewAccessKey createAccessKey(String userName, Attribution attribution);

    void updateAccessKey(String userName, String accessKeyId, AccessKey.Status status, Attribution attribution);

    void deleteAccessKey(String userName, String accessKeyId, Attribution attribution);

    /** When and where the key was last used; for a key never used, a null date and "N/A" as IAM says. */
    AccessKeyUsage accessKeyLastUsed(String accessKeyId);

    /**
     * STS GetCallerIdentity signed with the access key itself, not with the service's credentials: who AWS says
     * the key belongs to. Fails with {@link IamException.KeyNotAuthenticating} while AWS does not accept the key
     * (a new key IAM has not yet spread, or a key that is inactive or deleted); one attempt, no retries.
     */
    CallerIdentity callerIdentity(String accessKeyId, Secret secretAccessKey);

    // ---- groups and managed policies

    /** The names of the groups the user belongs to. */
    List<String> listGroupsForUser(String userName);

    /** NoSuchEntity for an unknown group; LimitExceeded past ten groups per user. */
    void addUserToGroup(String groupName, String userName, Attribution attribution);

    void removeUserFromGroup(String groupName, String userName, Attribution attribution);

    /** The ARNs of the managed policies attached to the user. */
    List<String> listAttachedUserPolicies(String userName);

    /** NoSuchEntity for an unknown policy; LimitExceeded past ten managed policies per user. */
    void attachUserPolicy(String userName, String policyArn, Attribution attribution);

    void detachUserPolicy(String userName, String policyArn, Attribution attribution);

    /** The names of the user's inline policies. */
    List<String> listUserPolicies(String userName);

    void deleteUserPolicy(String userName, String policyName, Attribution attribution);

    /** Removes the user's permissions boundary (only offboarding does, just before DeleteUser). */
    void deleteUserPermissionsBoundary(String userName, Attribution attribution);

    // ---- other credentials a user may hold, which offboarding removes

    /** The ids of the user's signing certificates. */
    List<String> listSigningCertificates(String userName);

    void deleteSigningCertificate(String userName, String certificateId, Attribution attribution);

    /** The ids of the user's SSH public keys. */
    List<String> listSshPublicKeys(String userName);

    void deleteSshPublicKey(String userName, String sshPublicKeyId, Attribution attribution);

    /**
     * The ids of the user's service-specific credentials (e.g. CodeCommit); {@link IamException.NotImplemented} from
     * an emulator that lacks the call.
     */
    List<String> listServiceSpecificCredentials(String userName);

    void deleteServiceSpecificCredential(String userName, String credentialId, Attribution attribution);

    // ---- MFA

    List<MfaDevice> listMfaDevices(String userName);

    /** Creates an unassigned virtual MFA device under {@code path}; its seed is handed out only here. */
    NewVirtualMfa createVirtualMfaDevice(String deviceName, String path, Attribution attribution);

    /** Assigns the device to the user; InvalidAuthenticationCode is reported as InvalidInput. */
    void enableMfaDevice(String userName, String serialNumber, String code1, String code2,
            Attribution attribution);

    void deactivateMfaDevice(String userName, String serialNumber, Attribution attribution);

    /** DeleteConflict while the device is still assigned to a user. */
    void deleteVirtualMfaDevice(String serialNumber, Attribution attribution);

    // ---- about the backend

    /** What this backend is, for health and logs. */
    Backend backend();

    /** A short description of an adapter; {@code sandbox} means nothing reaches AWS. */
    record Backend(String name, boolean sandbox, String target) {
    }
}
