package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.IamException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the SDK's exceptions into the port's {@link IamException}s, by IAM error code. */
final class AwsErrors {

    /** Codes that mean "not now": throttling, and IAM's transient conflicts, which AWS says to retry. */
    private static final Set<String> RETRY_LATER = Set.of("Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException", "ConcurrentModification",
            "EntityTemporarilyUnmodifiable");
    /** Codes that mean the call itself is wrong, including a bad MFA code pair or a too-weak password. */
    private static final Set<String> INVALID = Set.of("InvalidInput", "ValidationError",
            "MalformedPolicyDocument", "InvalidParameterValue", "InvalidAuthenticationCode",
            "PasswordPolicyViolation");
    private static final int FORBIDDEN = 403;
    private static final int SERVER_ERROR = 500;

    private AwsErrors() {
    }

    static IamException translate(SdkException error) {
        if (error instanceof AwsServiceException service) {
            return translate(service);
        }
        if (error instanceof SdkClientException) {
            return new IamException.Unavailable("IAM could not be reached: " + error.getMessage());
        }
        return new IamException.Unavailable(error.getMessage());
    }

    private static IamException translate(AwsServiceException error) {
        String code = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
        String message = error.awsErrorDetails() == null || error.awsErrorDetails().errorMessage() == null
                ? error.getMessage()
                : error.awsErrorDetails().errorMessage();
        if (code != null) {
            if (code.equals("EntityAlreadyExists")) {
                return new IamException.EntityAlreadyExists(message);
            }
            if (code.equals("NoSuchEntity")) {
                return new IamException.NoSuchEntity(message);
            }
            if (code.equals("DeleteConflict")) {
                return new IamException.DeleteConflict(message);
            }
            if (code.equals("ReportNotPresent")) {
                return new IamException.ReportNotPresent(message);
            }
            if (code.equals("ReportExpired")) {
                return new IamException.ReportExpired(message);
            }
            if (code.equals("ReportInProgress")) {
                return new IamException.ReportInProgress(message);
            }
            if (code.equals("LimitExceeded")) {
                return new IamException.LimitExceeded(message);
            }
            if (code.startsWith("AccessDenied") || code.equals("AccountNotManagementOrDelegatedAdministrator")) {
                return new IamException.AccessDenied(message);
            }
            if (RETRY_LATER.contains(code)) {
                return new IamException.Throttled(message);
            }
            if (INVALID.contains(code)) {
                return new IamException.InvalidInput(message);
            }
        }
        if (error.isThrottlingException()) {
            return new IamException.Throttled(message);
        }
        if (error.statusCode() == FORBIDDEN) {
            return new IamException.AccessDenied("IAM refused the call (HTTP 403): " + message);
        }
        if (error.statusCode() >= SERVER_ERROR) {
            return new IamException.Unavailable(message);
        }
        return new IamException.InvalidInput((code == null ? "" : code + ": ") + message);
    }
}
