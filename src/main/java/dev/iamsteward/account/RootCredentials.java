package dev.iamsteward.account;

/** The service never runs as the AWS account's root user: root credentials cannot be scoped down or attributed. */
public final class RootCredentials {

    private RootCredentials() {
    }

    /** Whether an ARN from GetCallerIdentity is the account's root user ({@code arn:aws:iam::123456789012:root}). */
    public static boolean isRoot(String callerArn) {
        return callerArn != null && callerArn.endsWith(":root");
    }

    /** Fails with a message that says what to do instead, when the caller is the root user. */
    public static void refuse(String callerArn) {
        if (isRoot(callerArn)) {
            throw new IllegalStateException("IAM Steward refuses to start: its AWS credentials are the account's "
                    + "root user (" + callerArn + "). Run it as an IAM role or user that may only assume the broker "
                    + "role (steward.aws.role-arn), and delete the root user's access keys.");
        }
    }
}
