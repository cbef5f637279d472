package dev.iamsteward.posture;

import dev.iamsteward.request.RequestType;

/**
 * What a scan can find, with its severity and how it is fixed: by a request IAM Steward files
 * ({@code remediation}), or by the account owner, who is told exactly what to do ({@code ownerAction}).
 */
public enum FindingKind {
    ROOT_ACCESS_KEYS(Severity.CRITICAL, null, "Sign in as the root user, open Security credentials, and delete "
            + "every root access key; give tools an IAM role or an IAM user's key instead."),
    ROOT_MFA_DISABLED(Severity.CRITICAL, null, "Sign in as the root user, open Security credentials, and assign "
            + "an MFA device (a hardware or passkey device, kept by the account owner)."),
    ROOT_RECENTLY_USED(Severity.HIGH, null, "Check in CloudTrail what the root user did and why; if it was not "
            + "the account owner, change the root password, remove root access keys and review the account."),
    CONSOLE_WITHOUT_MFA(Severity.HIGH, RequestType.REVOKE_CONSOLE_ACCESS, null),
    KEY_TOO_OLD(Severity.MEDIUM, null, null),
    KEY_UNUSED(Severity.MEDIUM, RequestType.DEACTIVATE_ACCESS_KEY, null),
    UNMANAGED_USER(Severity.HIGH, RequestType.OFFBOARD_USER, null),
    /** An active key of a user the service created that it did not make, or that it deactivated. */
    DRIFTED_ACCESS_KEY(Severity.HIGH, RequestType.DEACTIVATE_ACCESS_KEY, null),
    /** Other credentials of a user the service created changed outside it; HIGH when console access was given. */
    DRIFTED_USER(Severity.MEDIUM, RequestType.OFFBOARD_USER, null),
    /** A break-glass approval that no approver reviewed in time; it closes once one does. */
    /**
     * A member account's root user holds a password, access keys, MFA devices or signing certificates, as an
     * IAMAuditRootUserCredentials session reads them; the subject is {@code root:<member account id>}.
     */
    MEMBER_ROOT_CREDENTIALS(Severity.CRITICAL, RequestType.DELETE_ROOT_CREDENTIALS, null),
    BREAK_GLASS_REVIEW_OVERDUE(Severity.HIGH, null, "An approver of the request's rule reviews the break-glass "
            + "use with POST /v1/requests/{id}/break-glass/review (the request id is the finding's subject); the "
            + "finding closes once the review is recorded.");

    private final Severity severity;
    private final RequestType remediation;
    private final String ownerAction;

    FindingKind(Severity severity, RequestType remediation, String ownerAction) {
        this.severity = severity;
        this.remediation = remediation;
        this.ownerAction = ownerAction;
    }

    /** The usual severity; an observation may say more (see {@link #DRIFTED_USER}). */
    public Severity severity() {
        return severity;
    }

    /** The request that fixes it, for users under the managed path; null when IAM Steward cannot. */
    public RequestType remediation() {
        return remediation;
    }

    /** What the account owner must do, for what only the root user can fix. */
    public String ownerAction() {
        return ownerAction;
    }
}
