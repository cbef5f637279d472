package dev.iamsteward.iam;

/**
 * The account-level IAM reads, apart from {@link IamDirectory}: the credential report, the account summary and
 * who the service's own base credentials are. All run as the service itself and change nothing in IAM.
 */
public interface IamAccount {

    /**
     * GenerateCredentialReport. IAM makes a new report at most every four hours: while the last one is younger,
     * this answers {@link ReportState#COMPLETE} and GetCredentialReport keeps returning that report.
     */
    ReportState generateCredentialReport();

    /**
     * GetCredentialReport, parsed. Fails with {@link IamException.ReportNotPresent} before any was generated,
     * {@link IamException.ReportExpired} when the last one is too old and {@link IamException.ReportInProgress}
     * while one is being made.
     */
    CredentialReport credentialReport();

    /** GetAccountSummary: the account's entity counts and quotas, and the root user's MFA and key flags. */
    AccountSummary accountSummary();

    /** The ARN STS's GetCallerIdentity gives for the base credentials (not the assumed broker role). */
    String callerArn();

    /** What GenerateCredentialReport answers. */
    enum ReportState {
        STARTED, INPROGRESS, COMPLETE
    }
}
