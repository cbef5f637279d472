package dev.iamsteward.iam;

import java.util.Arrays;
import java.util.Optional;

/**
 * The task policies AWS allows for a session on a member account's root user (sts:AssumeRoot): each is an AWS
 * managed policy under {@code arn:aws:iam::aws:policy/root-task/} and scopes the session to one privileged task.
 */
public enum RootTask {
    AUDIT_ROOT_USER_CREDENTIALS("IAMAuditRootUserCredentials"),
    DELETE_ROOT_USER_CREDENTIALS("IAMDeleteRootUserCredentials"),
    CREATE_ROOT_USER_PASSWORD("IAMCreateRootUserPassword"),
    S3_UNLOCK_BUCKET_POLICY("S3UnlockBucketPolicy"),
    SQS_UNLOCK_QUEUE_POLICY("SQSUnlockQueuePolicy");

    /** Where AWS keeps the task policies. */
    public static final String ARN_PREFIX = "arn:aws:iam::aws:policy/root-task/";

    private final String policyName;

    RootTask(String policyName) {
        this.policyName = policyName;
    }

    public String policyName() {
        return policyName;
    }

    /** The TaskPolicyArn AssumeRoot takes. */
    public String policyArn() {
        return ARN_PREFIX + policyName;
    }

    /** The task whose policy this is; empty for any other ARN, which AssumeRoot refuses. */
    public static Optional<RootTask> ofArn(String arn) {
        return Arrays.stream(values()).filter(t -> t.policyArn().equals(arn)).findFirst();
    }
}
