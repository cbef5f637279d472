package dev.iamsteward.execution;

import dev.iamsteward.iam.AccessKey;

/**
 * What one executed step revealed that the record of it keeps: the user's ARN (CreateUser) and the access key it
 * made (CreateAccessKey), as IAM answered them, so that recording the step needs no IAM call of its own.
 */
public record StepResult(String userArn, AccessKey newKey) {

    /** A step that revealed nothing to keep, or one done by an earlier attempt. */
    public static final StepResult NOTHING = new StepResult(null, null);
}
