package dev.iamsteward.iam.memory;

import dev.iamsteward.common.Secret;
import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.AccessKeyUsage;
import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.CallerIdentity;
import dev.iamsteward.iam.CredentialReport;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.NewAccessKey;
import dev.iamsteward.iam.NewUser;
import dev.iamsteward.iam.NewVirtualMfa;
import dev.iamsteward.iam.PasswordPolicy;
import dev.iamsteward.iam.memory.UserState.Credential;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict in-memory IAM with AWS's documented semantics for the calls the service makes: name and path
 * rules, case-insensitive uniqueness, per-user quotas, DeleteConflict for users with dependents, paging with
 * markers, and injectable faults. It is the sandbox backend and the IAM that business-logic tests run against.
 */
@Singleton
@Typed(InMemoryIamDirectory.class)
public class InMemoryIamDirectory implements IamDirectory {

    public static final String ACCOUNT_ID = "000000000000";
    private static final Pattern ENTITY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");
    private static final Pattern POLICY_ARN =
            Pattern.compile("arn:aws:iam::(\\d{12}|aws):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");

    private final Clock clock;
    private final Faults faults = new Faults();
    private final KeyPropagation propagation = new KeyPropagation();
    private final List<IamCall> calls = new ArrayList<>();
    private final Users users = new Users();
    /** Group names by lower-cased name: IAM names are unique regardless of case. */
    private final Map<String, String> groups = new TreeMap<>();
    private static final String AWS_MANAGED_POLICIES = "arn:aws:iam::aws:policy/";

    private final Set<String> managedPolicies = new HashSet<>();
    private final VirtualMfaDevices mfaDevices = new VirtualMfaDevices();
    private PasswordPolicy passwordPolicy = PasswordPolicy.AWS_DEFAULT;

    private String accountId;

    @Inject
    public InMemoryIamDirectory(Clock clock) {
        this(clock, ACCOUNT_ID);
    }

    /** A sandbox simulating account {@code accountId}: the ARNs it makes name it. */
    public InMemoryIamDirectory(Clock clock, String accountId) {
        this.clock = clock;
        this.accountId = accountId;
    }

    // ---- users

    @Override
    public synchronized IamUser createUser(NewUser user, Attribution attribution) {
        enter("CreateUser", user.userName(), attribution);
        return users.create(user, clock.instant(), accountId);
    }

    @Override
    public synchronized Optional<IamUser> findUser(String userName) {
        enter("GetUser", userName, null);
        return users.find(userName);
    }

    @Override
    public synchronized IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems) {
        enter("ListUsers", null, null);
        return users.page(pathPrefix, marker, maxItems);
    }

    @Override
    public synchronized void tagUser(String userName, Map<String, String> tags, Attribution attribution) {
        UserState user = user("TagUser", userName, attribution);
        Users.validateTags(tags);
        user.tag(tags);
    }

    @Override
    public synchronized void deleteUser(String userName, Attribution attribution) {
        List<String> dependents = user("DeleteUser", userName, attribution)
                .dependents(mfaDevices.assignedTo(key(userName)).size());
        if (!dependents.isEmpty()) {
            throw new IamException.DeleteConflict("Cannot delete entity, must remove "
                    + String.join(", ", dependents) + " first.");
        }
        users.remove(userName);
    }

    // ---- console access

    @Override
    public synchronized Optional<LoginProfile> findLoginProfile(String userName) {
        return user("GetLoginProfile", userName, null).loginProfile();
    }

    @Override
    public synchronized void createLoginProfile(String userName, Secret password, boolean passwordResetRequired,
            Attribution attribution) {
        UserState user = user("CreateLoginProfile", userName, attribution);
        if (user.loginProfile().isEmpty()) {
            // An existing profile is reported first, so a retried call that already succeeded is recognisable.
            PasswordRules.check(password, passwordPolicy);
        }
        user.createLoginProfile(new LoginProfile(clock.instant(), passwordResetRequired));
        answer("CreateLoginProfile");
    }

    @Override
    public synchronized void deleteLoginProfile(String userName, Attribution attribution) {
        user("DeleteLoginProfile", userName, attribution).deleteLoginProfile();
    }

    @Override
    public synchronized PasswordPolicy passwordPolicy() {
        enter("GetAccountPasswordPolicy", null, null);
        return passwordPolicy;
    }

    // ---- access keys

    @Override
    public synchronized List<AccessKey> listAccessKeys(String userName) {
        return user("ListAccessKeys", userName, null).accessKeys().list();
    }

    @Override
    public synchronized NewAccessKey createAccessKey(String userName, Attribution attribution) {
        UserState user = user("CreateAccessKey", userName, attribution);
        String id;
        do {
            id = IamIds.accessKeyId();
        } while (users.keyOwner(id).isPresent());
        AccessKey key = new AccessKey(id, AccessKey.Status.ACTIVE, clock.instant());
        user.accessKeys().add(key);
        NewAccessKey made = new NewAccessKey(key, IamIds.secretAccessKey());
        propagation.made(id, made.secretAccessKey(), clock.instant());
        answer("CreateAccessKey");
        return made;
    }

    @Override
    public synchronized void updateAccessKey(String userName, String accessKeyId, AccessKey.Status status,
            Attribution attribution) {
        user("UpdateAccessKey", userName, attribution).accessKeys().update(accessKeyId, status);
    }

    @Override
    public synchronized void deleteAccessKey(String userName, String accessKeyId, Attribution attribution) {
        user("DeleteAccessKey", userName, attribution).accessKeys().delete(accessKeyId);
        propagation.forget(accessKeyId);
    }

    @Override
    public synchronized AccessKeyUsage accessKeyLastUsed(String accessKeyId) {
        enter("GetAccessKeyLastUsed", null, null);
        return requireKeyOwner(accessKeyId).accessKeys().usage(accessKeyId);
    }

    /**
     * As STS answers a request signed with the key: InvalidClientTokenId for an unknown, deleted or inactive key and
     * for a new one not yet spread (see {@link #delayKeyPropagation}). An STS call, so not among {@link #calls()}.
     */
    @Override
    public synchronized CallerIdentity callerIdentity(String accessKeyId, Secret secretAccessKey) {
        Optional<IamException> fault = faults.next("GetCallerIdentity");
        if (fault.isPresent()) {
            throw fault.get();
        }
        UserState owner = users.keyOwner(accessKeyId).orElseThrow(() -> KeyPropagation.notAuthenticating(
                "InvalidClientTokenId", "The security token included in the request is invalid."));
        boolean active = owner.accessKeys().list().stream()
                .anyMatch(k -> k.accessKeyId().equals(accessKeyId) && k.status() == AccessKey.Status.ACTIVE);
        if (!active) {
            throw KeyPropagation.notAuthenticating("InvalidClientTokenId",
                    "The security token included in the request is invalid.");
        }
        propagation.check(accessKeyId, secretAccessKey, clock.instant());
        IamUser user = owner.user();
        return new CallerIdentity(user.arn(), accountId, user.userId());
    }

    // ---- groups and managed policies

    @Override
    public synchronized List<String> listGroupsForUser(String userName) {
        return user("ListGroupsForUser", userName, null).groups();
    }

    @Override
    public synchronized void addUserToGroup(String groupName, String userName, Attribution attribution) {
        user("AddUserToGroup", userName, attribution).joinGroup(existingGroup(groupName));
    }

    @Override
    public synchronized void removeUserFromGroup(String groupName, String userName, Attribution attribution) {
        user("RemoveUserFromGroup", userName, attribution).leaveGroup(existingGroup(groupName));
    }

    @Override
    public synchronized List<String> listAttachedUserPolicies(String userName) {
        return user("ListAttachedUserPolicies", userName, null).attachedPolicies();
    }

    @Override
    public synchronized void attachUserPolicy(String userName, String policyArn, Attribution attribution) {
        UserState user = user("AttachUserPolicy", userName, attribution);
        // AWS managed policies (arn:aws:iam::aws:policy/...) exist in every account.
        if (!requirePolicyArn(policyArn).startsWith(AWS_MANAGED_POLICIES) && !managedPolicies.contains(policyArn)) {
            throw new IamException.NoSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
        }
        user.attachPolicy(policyArn);
    }

    @Override
    public synchronized void detachUserPolicy(String userName, String policyArn, Attribution attribution) {
        user("DetachUserPolicy", userName, attribution).detachPolicy(requirePolicyArn(policyArn));
    }

    @Override
    public synchronized List<String> listUserPolicies(String userName) {
        return user("ListUserPolicies", userName, null).inlinePolicies();
    }

    @Override
    public synchronized void deleteUserPolicy(String userName, String policyName, Attribution attribution) {
        user("DeleteUserPolicy", userName, attribution).deleteInlinePolicy(policyName);
    }

    /** Removing a boundary the user does not have is not an error: the end state is the one asked for. */
    @Override
    public synchronized void deleteUserPermissionsBoundary(String userName, Attribution attribution) {
        user("DeleteUserPermissionsBoundary", userName, attribution).removePermissionsBoundary();
    }

    // ---- other credentials

    @Override
    public synchronized List<String> listSigningCertificates(String userName) {
        return user("ListSigningCertificates", userName, null).credentials(Credential.SIGNING_CERTIFICATE);
    }

    @Override
    public synchronized void deleteSigningCertificate(String userName, String certificateId,
            Attribution attribution) {
        user("DeleteSigningCertificate", userName, attribution)
                .deleteCredential(Credential.SIGNING_CERTIFICATE, certificateId);
    }

    @Override
    public synchronized List<String> listSshPublicKeys(String userName) {
        return user("ListSSHPublicKeys", userName, null).credentials(Credential.SSH_PUBLIC_KEY);
    }

    @Override
    public synchronized void deleteSshPublicKey(String userName, String sshPublicKeyId, Attribution attribution) {
        user("DeleteSSHPublicKey", userName, attribution).deleteCredential(Credential.SSH_PUBLIC_KEY, sshPublicKeyId);
    }

    @Override
    public synchronized List<String> listServiceSpecificCredentials(String userName) {
        return user("ListServiceSpecificCredentials", userName, null).credentials(Credential.SERVICE_SPECIFIC);
    }

    @Override
    public synchronized void deleteServiceSpecificCredential(String userName, String credentialId,
            Attribution attribution) {
        user("DeleteServiceSpecificCredential", userName, attribution)
                .deleteCredential(Credential.SERVICE_SPECIFIC, credentialId);
    }

    // ---- MFA

    @Override
    public synchronized List<MfaDevice> listMfaDevices(String userName) {
        user("ListMFADevices", userName, null);
        return mfaDevices.assignedTo(key(userName));
    }

    @Override
    public synchronized NewVirtualMfa createVirtualMfaDevice(String deviceName, String path, Attribution attribution) {
        enter("CreateVirtualMFADevice", null, attribution);
        NewVirtualMfa device = mfaDevices.create(deviceName, path, accountId);
        answer("CreateVirtualMFADevice");
        return device;
    }

    @Override
    public synchronized void enableMfaDevice(String userName, String serialNumber, String code1, String code2,
            Attribution attribution) {
        user("EnableMFADevice", userName, attribution);
        mfaDevices.enable(key(userName), serialNumber, code1, code2, clock.instant());
    }

    @Override
    public synchronized void deactivateMfaDevice(String userName, String serialNumber, Attribution attribution) {
        user("DeactivateMFADevice", userName, attribution);
        mfaDevices.deactivate(key(userName), serialNumber);
    }

    @Override
    public synchronized void deleteVirtualMfaDevice(String serialNumber, Attribution attribution) {
        enter("DeleteVirtualMFADevice", null, attribution);
        mfaDevices.delete(serialNumber);
    }

    @Override
    public Backend backend() {
        return new Backend("in-memory", true, "account " + accountId + " (simulated)");
    }

    /** The account this sandbox simulates. */
    public synchronized String accountId() {
        return accountId;
    }

    /** Makes the sandbox simulate another account, before anything is created in it. */
    public synchronized void simulateAccount(String accountId) {
        this.accountId = accountId;
    }

    // ---- not on the port: controls, and set-up of what someone outside the service would have made in a real
    // account. None of these are IAM calls the service made, so they are neither logged nor faulted.

    /** Failures to raise on coming calls. */
    public Faults faults() {
        return faults;
    }

    /** Every call made so far, faulted or not, in order. */
    public synchronized List<IamCall> calls() {
        return List.copyOf(calls);
    }

    /** Forgets all users, groups, policies, devices, calls and faults, and restores the default password policy. */
    public synchronized void reset() {
        users.clear();
        groups.clear();
        managedPolicies.clear();
        mfaDevices.clear();
        passwordPolicy = PasswordPolicy.AWS_DEFAULT;
        calls.clear();
        faults.clear();
        propagation.clear();
    }

    /**
     * Makes each key created from now on refuse its first {@code checks} GetCallerIdentity checks, and every check
     * within {@code delay} of its creation, as AWS does while a new key spreads.
     */
    public synchronized void delayKeyPropagation(int checks, Duration delay) {
        propagation.delay(checks, delay);
    }

    /** An access key someone made at {@code createdAt}, before the service looked: for ages a test chooses. */
    public synchronized AccessKey addAccessKeyMadeAt(String userName, Instant createdAt) {
        String id;
        do {
            id = IamIds.accessKeyId();
        } while (users.keyOwner(id).isPresent());
        AccessKey key = new AccessKey(id, AccessKey.Status.ACTIVE, createdAt);
        users.require(userName).accessKeys().add(key);
        return key;
    }

    /** Simulates a request signed with the key, as GetAccessKeyLastUsed will then report it. */
    public synchronized void recordKeyUse(String accessKeyId, Instant at, String service, String region) {
        requireKeyOwner(accessKeyId).accessKeys().recordUse(accessKeyId, new AccessKeyUsage(at, service, region));
    }

    public synchronized void createGroup(String name) {
        requireEntityName(name, "groupName");
        if (groups.putIfAbsent(key(name), name) != null) {
            throw new IamException.EntityAlreadyExists("Group with name " + name + " already exists.");
        }
    }

    public synchronized void createManagedPolicy(String arn) {
        if (!managedPolicies.add(requirePolicyArn(arn))) {
            throw new IamException.EntityAlreadyExists("A policy called " + arn + " already exists.");
        }
    }

    public synchronized void setPasswordPolicy(PasswordPolicy policy) {
        passwordPolicy = Objects.requireNonNull(policy, "policy");
    }

    public synchronized void putUserPolicy(String userName, String policyName) {
        users.require(userName).putInlinePolicy(requireEntityName(policyName, "policyName"));
    }

    /** Returns the new certificate's id. */
    public synchronized String uploadSigningCertificate(String userName) {
        return addCredential(userName, Credential.SIGNING_CERTIFICATE, IamIds.signingCertificateId());
    }

    /** Returns the new key's id. */
    public synchronized String uploadSshPublicKey(String userName) {
        return addCredential(userName, Credential.SSH_PUBLIC_KEY, IamIds.sshPublicKeyId());
    }

    /** Returns the new credential's id. */
    public synchronized String createServiceSpecificCredential(String userName) {
        return addCredential(userName, Credential.SERVICE_SPECIFIC, IamIds.serviceSpecificCredentialId());
    }

    // ---- for InMemoryIamAccount, which holds this directory's lock around these

    /** Enters an account-level call: recorded, and faulted when a fault is queued for it. */
    void enterAccountCall(String operation) {
        enter(operation, null, null);
    }

    /** The users' credential report rows as the state is now. */
    List<CredentialReport.Row> reportRows() {
        return users.all().stream()
                .map(u -> ReportRows.of(u, mfaDevices.assignedTo(key(u.user().userName()))))
                .toList();
    }

    /** GetAccountSummary's counts of what this directory holds. */
    Map<String, Integer> entityCounts() {
        return Map.of("Users", users.all().size(), "Groups", groups.size(), "Policies", managedPolicies.size(),
                "MFADevices", mfaDevices.count(), "MFADevicesInUse", mfaDevices.inUse());
    }

    // ---- helpers

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void enter(String operation, String userName, Attribution attribution) {
        calls.add(new IamCall(operation, userName, attribution));
        Optional<IamException> fault = faults.next(operation);
        if (fault.isPresent()) {
            throw fault.get();
        }
    }

    /** Answers a call that has taken effect, unless a fault says its answer is lost. */
    private void answer(String operation) {
        Optional<RuntimeException> lost = faults.afterEffect(operation);
        if (lost.isPresent()) {
            throw lost.get();
        }
    }

    /** Enters a user-level call and returns the user's state; NoSuchEntity when there is no such user. */
    private UserState user(String operation, String userName, Attribution attribution) {
        enter(operation, userName, attribution);
        return users.require(userName);
    }

    private String addCredential(String userName, Credential kind, String id) {
        users.require(userName).addCredential(kind, id);
        return id;
    }

    /** The group's name as it was created, which is how IAM lists it. */
    private String existingGroup(String groupName) {
        String name = groups.get(key(requireEntityName(groupName, "groupName")));
        if (name == null) {
            throw new IamException.NoSuchEntity("The group with name " + groupName + " cannot be found.");
        }
        return name;
    }

    private UserState requireKeyOwner(String accessKeyId) {
        if (accessKeyId == null || !ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            throw new IamException.InvalidInput("Value '" + accessKeyId + "' at 'accessKeyId' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: [\\w]+ and length 16 to 128");
        }
        return users.keyOwner(accessKeyId).orElseThrow(() -> new IamException.NoSuchEntity(
                "The Access Key with id " + accessKeyId + " cannot be found."));
    }

    private static String requirePolicyArn(String arn) {
        if (arn == null || !POLICY_ARN.matcher(arn).matches()) {
            throw new IamException.InvalidInput("ARN " + arn + " is not valid.");
        }
        return arn;
    }

    private static String requireEntityName(String name, String field) {
        if (name == null || !ENTITY_NAME.matcher(name).matches()) {
            throw new IamException.InvalidInput("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[\\w+=,.@-]+ and have length between 1 and 128");
        }
        return name;
    }
}
