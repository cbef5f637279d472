package dev.iamsteward.iam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A session on one member account's root user, scoped to one task policy: every IAM call names no user, since it
 * acts on the root user itself. A call outside the task's policy fails with AccessDenied, and so does every call
 * once the session has expired. Its credentials never leave the adapter.
 */
public interface RootSession {

    /** What the session is on, for what, until when: the session's own facts, which call nothing. */
    record Scope(String accountId, RootTask task, Instant expiresAt) {
    }

    Scope scope();

    default String accountId() {
        return scope().accountId();
    }

    default RootTask task() {
        return scope().task();
    }

    default Instant expiresAt() {
        return scope().expiresAt();
    }

    /** GetLoginProfile: the root user's console password, if it has one. */
    Optional<LoginProfile> loginProfile();

    /** ListAccessKeys of the root user. */
    List<AccessKey> accessKeys();

    /** ListMFADevices of the root user. */
    List<MfaDevice> mfaDevices();

    /** ListSigningCertificates of the root user: their ids. */
    List<String> signingCertificates();

    /** DeleteLoginProfile; NoSuchEntity when there is no password. */
    void deleteLoginProfile();

    void deleteAccessKey(String accessKeyId);

    void deactivateMfaDevice(String serialNumber);

    void deleteSigningCertificate(String certificateId);

    /** CreateLoginProfile without a password: lets the account's email owner recover the root password. */
    void allowPasswordRecovery();
}
