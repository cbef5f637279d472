package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.AccessKey;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.LoginProfile;
import dev.iamsteward.iam.MfaDevice;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A root session of the sandbox organization: each call is checked against its task policy's actions and the
 * session's expiry, as AWS does, before it touches the member account's root user.
 */
final class InMemoryRootSession implements RootSession {

    /** The IAM actions each credential task policy allows; the unlock tasks allow none of these. */
    static final Map<RootTask, Set<String>> ACTIONS = new EnumMap<>(Map.of(
            RootTask.AUDIT_ROOT_USER_CREDENTIALS, Set.of("iam:GetLoginProfile", "iam:ListAccessKeys",
                    "iam:ListMFADevices", "iam:ListSigningCertificates"),
            RootTask.DELETE_ROOT_USER_CREDENTIALS, Set.of("iam:DeleteLoginProfile", "iam:DeleteAccessKey",
                    "iam:DeactivateMFADevice", "iam:DeleteSigningCertificate"),
            RootTask.CREATE_ROOT_USER_PASSWORD, Set.of("iam:CreateLoginProfile", "iam:GetLoginProfile"),
            RootTask.S3_UNLOCK_BUCKET_POLICY, Set.of(),
            RootTask.SQS_UNLOCK_QUEUE_POLICY, Set.of()));

    private final Scope scope;
    private final String accountId;
    private final RootUserState root;
    private final Clock clock;
    private final Object lock;

    InMemoryRootSession(String accountId, RootTask task, Instant expiresAt, RootUserState root, Clock clock,
            Object lock) {
        this.scope = new Scope(accountId, task, expiresAt);
        this.accountId = accountId;
        this.root = root;
        this.clock = clock;
        this.lock = lock;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Optional<LoginProfile> loginProfile() {
        synchronized (lock) {
            allow("iam:GetLoginProfile");
            return Optional.ofNullable(root.password);
        }
    }

    @Override
    public List<AccessKey> accessKeys() {
        synchronized (lock) {
            allow("iam:ListAccessKeys");
            return List.copyOf(root.keys);
        }
    }

    @Override
    public List<MfaDevice> mfaDevices() {
        synchronized (lock) {
            allow("iam:ListMFADevices");
            return List.copyOf(root.mfaDevices);
        }
    }

    @Override
    public List<String> signingCertificates() {
        synchronized (lock) {
            allow("iam:ListSigningCertificates");
            return List.copyOf(root.certificates);
        }
    }

    @Override
    public void deleteLoginProfile() {
        synchronized (lock) {
            allow("iam:DeleteLoginProfile");
            if (root.password == null) {
                throw new IamException.NoSuchEntity("Login Profile for the root user of " + accountId
                        + " cannot be found.");
            }
            root.password = null;
        }
    }

    @Override
    public void deleteAccessKey(String accessKeyId) {
        synchronized (lock) {
            allow("iam:DeleteAccessKey");
            if (!root.keys.removeIf(k -> k.accessKeyId().equals(accessKeyId))) {
                throw new IamException.NoSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
            }
        }
    }

    @Override
    public void deactivateMfaDevice(String serialNumber) {
        synchronized (lock) {
            allow("iam:DeactivateMFADevice");
            if (!root.mfaDevices.removeIf(d -> d.serialNumber().equals(serialNumber))) {
                throw new IamException.NoSuchEntity("MFA Device with serial number " + serialNumber
                        + " does not exist.");
            }
        }
    }

    @Override
    public void deleteSigningCertificate(String certificateId) {
        synchronized (lock) {
            allow("iam:DeleteSigningCertificate");
            if (!root.certificates.remove(certificateId)) {
                throw new IamException.NoSuchEntity("The Certificate with id " + certificateId
                        + " cannot be found.");
            }
        }
    }

    @Override
    public void allowPasswordRecovery() {
        synchronized (lock) {
            allow("iam:CreateLoginProfile");
            if (root.password != null) {
                throw new IamException.EntityAlreadyExists("Login Profile for the root user of " + accountId
                        + " already exists.");
            }
            root.password = new LoginProfile(clock.instant(), false);
        }
    }

    /** As AWS: an expired session's token is refused, and the task policy allows only its own actions. */
    private void allow(String action) {
        if (!clock.instant().isBefore(scope.expiresAt())) {
            throw new IamException.AccessDenied("ExpiredToken: the root session on " + accountId + " expired at "
                    + scope.expiresAt());
        }
        if (!ACTIONS.get(scope.task()).contains(action)) {
            throw new IamException.AccessDenied("the root session on " + accountId + " is scoped to "
                    + scope.task().policyName() + ", which does not allow " + action);
        }
    }

    @Override
    public String toString() {
        return "InMemoryRootSession[" + accountId + ", " + scope.task().policyName() + ", until "
                + scope.expiresAt() + "]";
    }
}
